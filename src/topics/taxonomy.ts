// Owns reading topic files and editorial overrides from their text: gray-matter + zod, pure.
import matter from "gray-matter";
import type { z } from "zod";
import type { Diagnostic } from "../feed/schema.ts";
import { Override, Topic, TopicFrontMatter, type PaperOverride } from "./schema.ts";

export interface SourceText {
  file: string;
  text: string;
}

type Result<T> = { value?: T; diagnostics: Diagnostic[] };

const slugOf = (file: string) => file.replace(/^.*\//, "").replace(/\.md$/, "");

/** zod issues become `FILE: field: what is wrong` lines. */
export function issuesToDiagnostics(file: string, error: z.ZodError): Diagnostic[] {
  return error.issues.map((i) => ({
    file,
    severity: "error" as const,
    message: `${i.path.join(".") || "front matter"}: ${i.message}`,
  }));
}

function frontMatter(src: SourceText): Result<{ data: unknown; body: string }> {
  try {
    const parsed = matter(src.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), {});
    return { value: { data: parsed.data, body: parsed.content.trim() }, diagnostics: [] };
  } catch (err) {
    const message = `front matter is not valid YAML: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}`;
    return { diagnostics: [{ file: src.file, line: 1, severity: "error", message }] };
  }
}

export function parseTopic(src: SourceText): Result<Topic> {
  const fm = frontMatter(src);
  if (!fm.value) return { diagnostics: fm.diagnostics };
  const head = TopicFrontMatter.safeParse(fm.value.data);
  if (!head.success) return { diagnostics: issuesToDiagnostics(src.file, head.error) };
  const topic = Topic.safeParse({
    ...head.data,
    slug: slugOf(src.file),
    body: fm.value.body,
    file: src.file,
  });
  if (!topic.success)
    return {
      diagnostics: issuesToDiagnostics(src.file, topic.error).map((d) => ({
        ...d,
        message: `file name: ${d.message.replace(/^slug: /, "")}`,
      })),
    };
  return { value: topic.data, diagnostics: [] };
}

export function parseTaxonomy(sources: SourceText[]): Result<Topic[]> {
  const diagnostics: Diagnostic[] = [];
  const topics: Topic[] = [];
  for (const src of sources) {
    const r = parseTopic(src);
    diagnostics.push(...r.diagnostics);
    if (r.value) topics.push(r.value);
  }
  const names = new Map<string, string>();
  for (const t of topics) {
    const other = names.get(t.name.toLowerCase());
    if (other)
      diagnostics.push({
        file: t.file,
        severity: "error",
        message: `name: ${JSON.stringify(t.name)} is already the name of ${other}`,
      });
    names.set(t.name.toLowerCase(), t.file);
  }
  topics.sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.slug.localeCompare(b.slug));
  return { value: diagnostics.length ? undefined : topics, diagnostics };
}

export function parseOverrides(
  sources: SourceText[],
  topics: Topic[],
  paperSlugs: Set<string>,
): Result<PaperOverride[]> {
  const diagnostics: Diagnostic[] = [];
  const out: PaperOverride[] = [];
  const known = new Set(topics.map((t) => t.slug));
  for (const src of sources) {
    const fm = frontMatter(src);
    if (!fm.value) {
      diagnostics.push(...fm.diagnostics);
      continue;
    }
    const parsed = Override.safeParse(fm.value.data ?? {});
    if (!parsed.success) {
      diagnostics.push(...issuesToDiagnostics(src.file, parsed.error));
      continue;
    }
    const slug = slugOf(src.file);
    const bad: string[] = [];
    if (!paperSlugs.has(slug))
      bad.push(
        `file name: no paper has the slug ${JSON.stringify(slug)}; name the file after a paper's slug`,
      );
    for (const which of ["add", "remove"] as const) {
      parsed.data.topics[which].forEach((t, i) => {
        if (!known.has(t))
          bad.push(
            `topics.${which}.${i}: unknown topic ${JSON.stringify(t)}; expected one of ${[...known].join(", ")}`,
          );
      });
    }
    diagnostics.push(...bad.map((message) => ({ file: src.file, severity: "error" as const, message })));
    if (!bad.length) out.push({ slug, ...parsed.data.topics, note: fm.value.body, file: src.file });
  }
  return { value: diagnostics.length ? undefined : out, diagnostics };
}

// Owns reading topic files and editorial overrides from their text: front matter + zod, pure.
import { type Diagnostic, zodDiagnostics } from "../common/diagnostics.ts";
import { readFrontMatter, type FrontMatter } from "../common/front-matter.ts";
import { normalizeText } from "../common/text.ts";
import { fail, ok, type Result } from "../common/result.ts";
import { Override, TopicFrontMatter, TopicSlug, type PaperOverride, type Topic } from "./schema.ts";

export interface SourceText {
  file: string;
  text: string;
}

/** A topic file or an override read whole, or every error found in it. */
type Read<T> = Result<T, Diagnostic[]>;

const slugOf = (file: string) => file.replace(/^.*\//, "").replace(/\.md$/, "");

function frontMatter(src: SourceText): Read<FrontMatter> {
  const fm = readFrontMatter(normalizeText(src.text), src.file);
  return fm.ok ? ok({ ...fm.value, body: fm.value.body.trim() }) : fail([fm.error]);
}

export function parseTopic(src: SourceText): Read<Topic> {
  const fm = frontMatter(src);
  if (!fm.ok) return fm;
  const slug = TopicSlug.safeParse(slugOf(src.file));
  if (!slug.success) return fail(zodDiagnostics(src.file, slug.error, { whole: "file name" }));
  const head = TopicFrontMatter.safeParse(fm.value.data);
  if (!head.success) return fail(zodDiagnostics(src.file, head.error, { whole: "front matter" }));
  return ok({ ...head.data, slug: slug.data, body: fm.value.body, file: src.file });
}

export function parseTaxonomy(sources: SourceText[]): Read<Topic[]> {
  const diagnostics: Diagnostic[] = [];
  const topics: Topic[] = [];
  for (const src of sources) {
    const r = parseTopic(src);
    if (r.ok) topics.push(r.value);
    else diagnostics.push(...r.error);
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
  return diagnostics.length ? fail(diagnostics) : ok(topics);
}

export function parseOverrides(
  sources: SourceText[],
  topics: Topic[],
  paperSlugs: Set<string>,
): Read<PaperOverride[]> {
  const diagnostics: Diagnostic[] = [];
  const out: PaperOverride[] = [];
  const known = new Set(topics.map((t) => t.slug));
  for (const src of sources) {
    const fm = frontMatter(src);
    if (!fm.ok) {
      diagnostics.push(...fm.error);
      continue;
    }
    const parsed = Override.safeParse(fm.value.data ?? {});
    if (!parsed.success) {
      diagnostics.push(...zodDiagnostics(src.file, parsed.error, { whole: "front matter" }));
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
  return diagnostics.length ? fail(diagnostics) : ok(out);
}

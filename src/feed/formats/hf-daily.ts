// Owns reading Hugging Face's daily papers (`/api/daily_papers?date=…` saved as JSON): an array of
// items, each with a `paper`. Unknown fields are ignored, missing optional ones are fine, a wrong
// type is an error naming the item and the field at its line and column.
import { z } from "zod";
import { at, jsonSchemaDiagnostics, lineColumn, parseJson } from "../../common/json.ts";
import { parseArxivRef } from "../arxiv.ts";
import { DumpEntries } from "../entries.ts";
import {
  checkedMeta,
  cleanText,
  dateFromName,
  defaultLabel,
  unwrap,
  type ReadDump,
  type Report,
} from "../dump.ts";

const Author = z.object({ name: z.string(), hidden: z.boolean().optional() });

const Item = z.object({
  paper: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    authors: z.array(Author).optional(),
    publishedAt: z.string().optional(),
    submittedOnDailyAt: z.string().optional(),
    upvotes: z.number().int().nonnegative().optional(),
    githubRepo: z.string().nullable().optional(),
    projectPage: z.string().nullable().optional(),
    // checked with the other metadata: a wrong type is left out with a warning, the paper stays
    ai_summary: z.unknown().optional(),
    ai_keywords: z.unknown().optional(),
  }),
  publishedAt: z.string().optional(),
  title: z.string().optional(),
  numComments: z.number().optional(),
});
type Item = z.infer<typeof Item>;

/** "a string", "a number", "a list", "null": what stands where an item should. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "number" ? "a number" : typeof value === "boolean" ? "true or false" : "a string";
}

const day = (iso: string | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;

/**
 * The day most items were featured on: the dump's own date. The 2024 shape has no
 * `submittedOnDailyAt`; there each item's own `publishedAt` is the day it was listed.
 */
function featuredDay(items: Item[]): string | undefined {
  const counts = new Map<string, number>();
  for (const it of items) {
    const d = day(it.paper.submittedOnDailyAt) ?? day(it.publishedAt);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

export function readHfDaily(text: string, file: string, report: Report): ReadDump {
  const failed = { label: defaultLabel(dateFromName(file), file), entries: [], updates: [] };
  const json = parseJson(text, file);
  if (!json.ok) {
    report("error", json.error.line, json.error.message, json.error.column);
    return failed;
  }
  const doc = json.value;
  if (!Array.isArray(doc.data)) {
    const error = (doc.data as { error?: unknown } | null)?.error;
    const what =
      typeof error === "string"
        ? `the service answered with an error: ${error}`
        : "expected an array of daily papers";
    report("error", 1, what, 1);
    return failed;
  }
  const items: { item: Item; line: number; index: number }[] = [];
  doc.data.forEach((raw, i) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      const place = lineColumn(text, doc.tree.children?.[i]?.offset ?? 0);
      report(
        "error",
        place.line,
        `entry ${i + 1}: ${kindOf(raw)} where a paper object was expected`,
        place.column,
      );
      return;
    }
    const parsed = Item.safeParse(raw);
    if (!parsed.success) {
      // the issues' paths start at the item; with its index first they point into the whole document
      const describe = (path: readonly PropertyKey[]) =>
        `entry ${i + 1}: ${path.slice(1).map(String).join(".") || "item"}`;
      for (const d of jsonSchemaDiagnostics(file, doc, prefixed(parsed.error, i), describe)) {
        report("error", d.line, d.message, d.column);
      }
      return;
    }
    items.push({
      item: parsed.data,
      line: lineColumn(text, doc.tree.children?.[i]?.offset ?? 0).line,
      index: i,
    });
  });
  /** the line of an item's field: warnings about a value point at the value */
  const lineOf = (index: number, ...path: (string | number)[]) => at(doc, [index, ...path]).line;
  const entries = new DumpEntries(report);
  for (const { item, line, index } of items) {
    const p = item.paper;
    const title = cleanText(unwrap(p.title), lineOf(index, "paper", "title"), "title", report);
    const abstract = cleanText(unwrap(p.summary), lineOf(index, "paper", "summary"), "abstract", report);
    if (!title || !abstract) continue;
    const ref = parseArxivRef(p.id);
    if (!ref)
      report(
        "warning",
        lineOf(index, "paper", "id"),
        `paper.id ${JSON.stringify(p.id)} is not an arXiv id; the paper is kept without one`,
      );
    const meta = checkedMeta(
      {
        arxivId: ref?.id,
        authors: p.authors?.map((a) => a.name),
        published: day(p.publishedAt ?? item.publishedAt),
        githubRepo: p.githubRepo,
        projectPage: p.projectPage,
        huggingFace: ref ? true : undefined,
        aiSummary: p.ai_summary,
        aiKeywords: p.ai_keywords,
      },
      line,
      report,
      {
        authors: lineOf(index, "paper", "authors"),
        githubRepo: lineOf(index, "paper", "githubRepo"),
        projectPage: lineOf(index, "paper", "projectPage"),
        aiSummary: lineOf(index, "paper", "ai_summary"),
        aiKeywords: lineOf(index, "paper", "ai_keywords"),
      },
    );
    entries.add({ title, abstract, line, meta, upvotes: p.upvotes });
  }
  if (doc.data.length === 0) report("error", 1, "no papers found: the list of daily papers is empty", 1);
  const date = dateFromName(file) ?? featuredDay(items.map((x) => x.item));
  return {
    date,
    label: defaultLabel(date, file),
    title: "Hugging Face daily papers",
    source: "Hugging Face daily papers",
    entries: entries.list,
    updates: [],
  };
}

/** The item's issues with its index in front of their paths. */
function prefixed(error: z.ZodError, index: number): z.ZodError {
  return new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })));
}

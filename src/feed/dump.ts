// Owns what every dump reader makes (ParsedDump) and the small tools they share: reporting, text
// cleaning with its warnings, quoting, dates.
import { type Diagnostic, issueMessage } from "../common/diagnostics.ts";
import { PaperMeta, type Entry } from "./schema.ts";
import { formatDate, quote, squash, stripInvisible } from "../common/text.ts";

export type DumpFormat = "text" | "hf-daily" | "arxiv-api" | "arxiv-listing" | "feed";

export interface ParsedDump {
  /** the dump's name in messages and on the build report */
  file: string;
  format: DumpFormat;
  date?: string | undefined;
  label: string;
  title?: string | undefined;
  source?: string | undefined;
  /** the arXiv category a listing is for (cs.LG), from its channel's link or title */
  category?: string | undefined;
  /**
   * What an arXiv API answer was asked (its self link's query, else its title, else its ids): two
   * queries on one day are two digests, the same query again is an update of the first.
   */
  query?: string | undefined;
  /** the dump's papers, in its order (its ranks) */
  entries: Entry[];
  /** new versions of papers listed on an earlier day (arXiv listings' replacements): not papers of this day */
  updates: Entry[];
  diagnostics: Diagnostic[];
}

/** What a reader returns; the dispatcher adds the file, the format and the diagnostics. */
export type ReadDump = Omit<ParsedDump, "file" | "format" | "diagnostics">;

export type Report = (
  severity: Diagnostic["severity"],
  line: number | undefined,
  message: string,
  column?: number,
) => void;

const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?>|\{\{|\{%|\{#|<!--/i;

/**
 * A title, abstract or author as the site will show it: invisible and control characters removed
 * (warning), white space collapsed, markup or template syntax kept as text (warning). Empty → error.
 */
export function cleanText(
  text: string,
  line: number | undefined,
  what: string,
  report: Report,
): string | undefined {
  const { text: out, removed } = stripInvisible(text);
  if (removed.length) {
    report(
      "warning",
      line,
      `removed invisible or control characters (${removed.join(", ")}) from the ${what}`,
    );
  }
  const result = squash(out);
  if (!result) report("error", line, `the ${what} is empty once invisible characters are removed`);
  const markup = MARKUP.exec(result);
  if (markup) {
    const found = quote(markup[0], 30);
    report(
      "warning",
      line,
      `the ${what} holds markup or template syntax (${found}); it is shown as plain text`,
    );
  }
  return result || undefined;
}

export function basename(file: string): string {
  return file.replace(/^.*\//, "").replace(/\.[^.]*$/, "");
}

/**
 * The first YYYY-MM-DD in a file's name (`2024-03-21-hf-daily.json`, `daily_papers_2024-03-21.json`):
 * the dump's date before any the dump gives. A date that is no day of the calendar does not count.
 */
export function dateFromName(file: string): string | undefined {
  // a URL's query is no file name: `daily_papers?date=…` names the day asked for, not the one answered
  const name = file.replace(/[?#].*$/, "").replace(/^.*\//, "");
  for (const m of name.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso)) return iso;
  }
  return undefined;
}

/** The label a dump gets when it names none: its date, else its file's name. */
export function defaultLabel(date: string | undefined, file: string): string {
  return date ? formatDate(date) : basename(file);
}

/**
 * A paper's metadata as a dump gave it, each field checked on its own: a field that fails its
 * check (a `javascript:` project page, a malformed id) is left out with a warning, and the paper
 * stays. Texts (authors, comment, journal, Hugging Face's AI summary and keywords) are cleaned like
 * titles; an empty list of keywords is none.
 */
export function checkedMeta(
  raw: { [K in keyof PaperMeta]?: unknown },
  entryLine: number,
  report: Report,
  /** where each field's value stands, when the format tells: its warnings point there */
  lines: { [K in keyof PaperMeta]?: number | undefined } = {},
): PaperMeta {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw) as [keyof PaperMeta, unknown][]) {
    if (value === undefined || value === null || value === "") continue;
    const line = lines[key] ?? entryLine;
    let v: unknown = value;
    if (key === "authors" && Array.isArray(value)) {
      v = (value as unknown[])
        .map((a) => (typeof a === "string" ? cleanText(a, line, "author", report) : a))
        .filter(Boolean);
    } else if (key === "aiKeywords" && Array.isArray(value)) {
      const words = (value as unknown[]).map((k) =>
        typeof k === "string" ? k.trim() && cleanText(unwrap(k), line, "AI keyword", report) : k,
      );
      v = [...new Set(words.filter(Boolean))];
      if (!(v as unknown[]).length) continue;
    } else if ((key === "comment" || key === "journalRef" || key === "doi") && typeof value === "string") {
      v = cleanText(value, line, key, report);
    } else if (key === "aiSummary" && typeof value === "string") {
      if (!value.trim()) continue;
      v = cleanText(unwrap(value), line, "AI summary", report);
    }
    const checked = PaperMeta.shape[key].safeParse(v);
    if (checked.success) out[key] = checked.data;
    else {
      const shown = quote(typeof value === "string" ? value : JSON.stringify(value), 60);
      const name = key === "aiSummary" ? "ai_summary" : key === "aiKeywords" ? "ai_keywords" : key;
      report("warning", line, `${name} ${shown}: ${issueMessage(checked.error.issues[0]!)}; left out`);
    }
  }
  return PaperMeta.parse(out);
}

/** arXiv and Hugging Face wrap titles and abstracts over lines; a line ending in "-" goes on the next word. */
export function unwrap(text: string): string {
  return text
    .replace(/(\p{L})-\n\s*(?=\p{L})/gu, "$1-")
    .replace(/\s+/g, " ")
    .trim();
}

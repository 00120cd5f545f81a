// Owns reading a library file the reader imports: BibTeX (Zotero, JabRef, Mendeley exports; with or
// without abstracts), CSL JSON (Zotero's "CSL JSON" export) and this site's own CSV export. Broken
// entries are reported by line and the rest imported; a file over IMPORT_LIMIT is refused. Titles
// and abstracts stay text (the browser draws them with text nodes). Pure: no DOM, no file system.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import * as z from "zod/mini";
import Papa from "papaparse";
import { findNodeAtLocation } from "jsonc-parser";
import { parseJson, type JsonDocument } from "../common/json.ts";
import { formatLimit } from "../common/limits.ts";
import { squash } from "../common/text.ts";
import { arxivIdOf, normalDoi, type LibraryEntry } from "./library.ts";
import { fail, ok, type Result } from "../common/result.ts";

/** The largest library file read: a 2,000-entry Zotero export with abstracts is about 3 MB. */
export const IMPORT_LIMIT = 10 * 1024 * 1024;

export interface Imported {
  format: "bibtex" | "csl" | "csv";
  entries: LibraryEntry[];
  /** what could not be read, "line N: what is wrong" */
  problems: string[];
}

export type ImportResult = Result<Imported, string>;

/** Reads a library file; the format is told from the content. */
export function importLibrary(text: string): ImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > IMPORT_LIMIT)
    return fail(`the file is ${formatLimit(bytes)}, over the ${formatLimit(IMPORT_LIMIT)} a library may be`);
  const body = text.replace(/^\uFEFF/, "");
  const first = body.trimStart()[0];
  if (first === "[" || first === "{") return ok(fromCsl(body));
  if (/^slug,title,/.test(body)) return ok(fromCsv(body));
  if (/^\s*@/m.test(body)) return ok(fromBibtex(body));
  return fail("not a library file: expected BibTeX (@article{…}), CSL JSON ([…]) or this site's CSV export");
}

/** citation-js writes TeX styles as HTML tags in CSL fields; the text keeps the words, not the tags. */
const STYLE_TAGS = /<\/?(?:i|b|sc|sup|sub)>|<span class="nocase">|<\/span>/g;
const clean = (s: string | undefined) => (s ? squash(s.replace(STYLE_TAGS, "")) || undefined : undefined);

const Name = z.object({
  family: z.optional(z.string()),
  given: z.optional(z.string()),
  literal: z.optional(z.string()),
});
const CslItem = z.object({
  title: z.string({ error: "no title" }).check(z.minLength(1, "no title")),
  abstract: z.optional(z.string()),
  DOI: z.optional(z.string()),
  URL: z.optional(z.string()),
  number: z.optional(z.string()),
  note: z.optional(z.string()),
  author: z.optional(z.array(Name)),
});
type CslItem = z.infer<typeof CslItem>;

const names = (authors: z.infer<typeof Name>[] | undefined) =>
  (authors ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(" ")).filter(Boolean);

function entryOf(item: CslItem, source: LibraryEntry["source"], line: number, eprint?: string): LibraryEntry {
  return {
    title: clean(item.title) ?? item.title,
    abstract: clean(item.abstract),
    arxivId: arxivIdOf(eprint, item.DOI, item.URL, item.number, item.note),
    doi: normalDoi(item.DOI),
    authors: names(item.author),
    source,
    line,
  };
}

/** BibTeX text to CSL, by name: no guessing what the text is, so nothing is ever read as a DOI or URL to fetch. */
const BIBTEX = {
  forceType: "@biblatex/text",
  target: "@csl/list+object",
  generateGraph: false,
  strict: false,
  maxChainLength: 10,
};

/** BibTeX, one entry at a time (an entry starts with @ at the start of a line), so one broken entry costs only itself. */
function fromBibtex(text: string): Imported {
  const entries: LibraryEntry[] = [];
  const problems: string[] = [];
  const starts = [...text.matchAll(/^[ \t]*@/gm)].map((m) => m.index);
  // @string macros hold for every entry after them
  let strings = "";
  const lineAt = lineFinder(text);
  starts.forEach((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const line = lineAt(start);
    const kind = /^\s*@\s*(\w+)/.exec(chunk)?.[1]?.toLowerCase();
    if (kind === "comment" || kind === "preamble") return;
    if (kind === "string") {
      strings += chunk + "\n";
      return;
    }
    try {
      const items = plugins.input.chain(strings + chunk, BIBTEX) as CslItem[];
      const raw = items[0] as (CslItem & { eprint?: string; "archive-id"?: string }) | undefined;
      const item = CslItem.safeParse(raw);
      if (!raw)
        problems.push(`line ${line}: not a BibTeX entry that can be read (a brace or quote not closed?)`);
      else if (!item.success) problems.push(`line ${line}: ${item.error.issues[0]!.message}`);
      else entries.push(entryOf(item.data, "bibtex", line, eprintOf(chunk)));
    } catch (err) {
      const message = String(err instanceof Error ? err.message : err)
        .split("\n")[0]!
        .replace(/ at line \d+ col \d+:?$/, "");
      problems.push(`line ${line}: ${message}`);
    }
  });
  return { format: "bibtex", entries, problems };
}

/** The arXiv eprint field as written (citation-js keeps it only for some entry types). */
function eprintOf(chunk: string): string | undefined {
  return /\beprint\s*=\s*[{"]?\s*([^}",\s]+)/i.exec(chunk)?.[1];
}

function fromCsl(text: string): Imported {
  const json = parseJson(text, "library");
  if (!json.ok)
    return {
      format: "csl",
      entries: [],
      problems: [json.error.line ? `line ${json.error.line}: ${json.error.message}` : json.error.message],
    };
  const value = json.value.data;
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const entries: LibraryEntry[] = [];
  const problems: string[] = [];
  const lineOf = valueLines(json.value);
  items.forEach((raw, i) => {
    const line = Array.isArray(value) ? lineOf([i]) : 1;
    const item = CslItem.safeParse(raw);
    if (item.success) entries.push(entryOf(item.data, "csl", line));
    else {
      const issue = item.error.issues[0]!;
      problems.push(
        `line ${lineOf(Array.isArray(value) ? [i, ...issue.path] : issue.path)}: entry ${i + 1}: ${issue.path.join(".") || "entry"}: ${issue.message}`,
      );
    }
  });
  return { format: "csl", entries, problems };
}

/** A function from an offset in `text` to its 1-based line: a binary search over the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The line of the value at a path of a JSON document (or of its nearest parent). */
function valueLines(doc: JsonDocument): (path: readonly PropertyKey[]) => number {
  const lineAt = lineFinder(doc.text);
  return (path) => {
    const keys = path.filter((k): k is string | number => typeof k !== "symbol");
    for (let n = keys.length; n >= 0; n--) {
      const node = findNodeAtLocation(doc.tree, keys.slice(0, n));
      if (node) return lineAt(node.offset);
    }
    return 1;
  };
}

/** This site's CSV export: slug, title, authors, date, arxiv_id, primary_class, doi, … (no abstracts). */
function fromCsv(text: string): Imported {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const entries: LibraryEntry[] = [];
  const problems: string[] = [];
  parsed.data.forEach((row, i) => {
    // the export's guard against spreadsheet formulas is undone
    const title = clean(row.title?.replace(/^'(?=[=+\-@\t\r])/, ""));
    if (!title) return void problems.push(`row ${i + 1}: no title`);
    entries.push({
      title,
      arxivId: arxivIdOf(row.arxiv_id),
      doi: normalDoi(row.doi),
      authors: (row.authors ?? "").split(/\s*;\s*/).filter(Boolean),
      slug: row.slug || undefined,
      source: "csv",
      line: i + 2,
    });
  });
  return { format: "csv", entries, problems };
}

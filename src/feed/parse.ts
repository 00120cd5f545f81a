// Owns parseFeed: one dump's text → its digest, entries and diagnostics. Pure: no I/O, no clock.
import matter from "gray-matter";
import { z } from "zod";
import type { Diagnostic, Entry } from "./schema.ts";
import { IsoDate } from "./schema.ts";
import { normalizeText, squash, stripInvisible, titleKey } from "./normalize.ts";
import {
  isDateLine,
  isKnownHeader,
  looksLikeAbstract,
  splitParagraphs,
  type Paragraph,
} from "./paragraphs.ts";

export const MAX_DUMP_BYTES = 32 * 1024 * 1024;

const FrontMatter = z
  .object({
    date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), IsoDate).optional(),
    source: z.string().optional(),
    title: z.string().optional(),
  })
  .strict();

export interface ParsedDump {
  file: string;
  date?: string;
  label: string;
  title?: string;
  source?: string;
  entries: Entry[];
  diagnostics: Diagnostic[];
}

export function parseFeed(raw: string, file: string): ParsedDump {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic["severity"], line: number | undefined, message: string) =>
    diagnostics.push({ file, line, severity, message });
  const dump: ParsedDump = { file, label: "", entries: [], diagnostics };

  if (raw.length > MAX_DUMP_BYTES) {
    report(
      "error",
      undefined,
      `file is ${(raw.length / 1048576).toFixed(1)} MB; a dump may be at most ${MAX_DUMP_BYTES / 1048576} MB (split it into several dumps)`,
    );
    return dump;
  }
  if (isBinary(raw)) {
    report("error", 1, "this is not a text dump: it holds binary data (NUL bytes or invalid UTF-8)");
    return dump;
  }
  reportNormalisations(raw, report);
  let text = normalizeText(raw);
  let firstLine = 1;
  if (/^---[ \t]*\n/.test(text)) {
    const fm = readFrontMatter(text, report);
    if (!fm) return dump;
    Object.assign(dump, fm.data);
    firstLine = fm.bodyLine;
    text = fm.body;
  }
  dump.date ??= /(?:^|\/)(\d{4}-\d{2}-\d{2})[^/]*$/.exec(file)?.[1];

  const paragraphs = splitParagraphs(text, firstLine);
  const body = skipHeader(paragraphs, dump, report);
  dump.label ||= dump.date ? formatDate(dump.date) : basename(file);
  readEntries(body, dump, report);
  if (dump.entries.length === 0 && !diagnostics.some((d) => d.severity === "error")) {
    const last = paragraphs.at(-1);
    report(
      "error",
      last ? last.line : 1,
      paragraphs.length
        ? "no papers found: the file holds only header lines"
        : "no papers found: the file is empty",
    );
  }
  return dump;
}

type Report = (severity: Diagnostic["severity"], line: number | undefined, message: string) => void;

function isBinary(raw: string): boolean {
  if (raw.includes("\u0000")) return true;
  const sample = raw.slice(0, 65536);
  const bad = sample.match(/\uFFFD/g)?.length ?? 0;
  return bad > 8 && bad / sample.length > 0.001;
}

/** BOM and foreign line endings are fixed silently by the parser, but the maintainer hears of them. */
function reportNormalisations(raw: string, report: Report) {
  if (raw.startsWith("\uFEFF"))
    report("warning", 1, "removed a byte-order mark (BOM) at the start of the file");
  const firstCr = raw.indexOf("\r");
  if (firstCr >= 0) {
    const count = raw.match(/\r\n?/g)!.length;
    const line = raw.slice(0, firstCr).split("\n").length;
    report(
      "warning",
      line,
      `${count} line${count === 1 ? "" : "s"} end${count === 1 ? "s" : ""} with CR or CRLF; read as LF (first here)`,
    );
  }
}

const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?>|\{\{|\{%|\{#|<!--/i;

function readFrontMatter(text: string, report: Report) {
  const close = /\n---[ \t]*(\n|$)/.exec(text);
  if (!close) {
    report("error", 1, "front matter opened with '---' is never closed by a second '---' line");
    return undefined;
  }
  let data: unknown;
  try {
    data = matter(text, { excerpt: false }).data;
  } catch (err) {
    report(
      "error",
      1,
      `front matter is not valid YAML: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}`,
    );
    return undefined;
  }
  const parsed = FrontMatter.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.join(".") || "front matter";
      report("error", 1, `front matter ${where}: ${issue.message}`);
    }
    return undefined;
  }
  const end = close.index + close[0].length;
  const bodyLine = text.slice(0, end).split("\n").length - (close[1] === "\n" ? 0 : 1);
  return { data: parsed.data, body: text.slice(end), bodyLine };
}

/** Drops the page chrome before the papers and reads the date line as the digest's label. */
function skipHeader(paragraphs: Paragraph[], dump: ParsedDump, report: Report): Paragraph[] {
  const window = paragraphs.slice(0, 10);
  const dateAt = window.findIndex((p) => p.lines.length === 1 && isDateLine(p.lines[0]!));
  const headerish = (p: Paragraph) => p.lines.every((l) => l.length <= 80 && !looksLikeAbstract(l));
  if (dateAt >= 0 && window.slice(0, dateAt).every(headerish)) {
    for (const p of window.slice(0, dateAt)) {
      p.lines.forEach((l, i) => {
        if (!isKnownHeader(l))
          report("warning", p.line + i, `skipped unknown header line ${quote(l)} before the date line`);
      });
    }
    dump.label = squash(paragraphs[dateAt]!.lines[0]!);
    return paragraphs.slice(dateAt + 1);
  }
  let i = 0;
  while (i < paragraphs.length && paragraphs[i]!.lines.every(isKnownHeader)) i++;
  return paragraphs.slice(i);
}

function readEntries(body: Paragraph[], dump: ParsedDump, report: Report) {
  const byKey = new Map<string, Entry[]>();
  for (let i = 0; i < body.length; i++) {
    const head = body[i]!;
    const title = joined(head, "title", report);
    if (looksLikeAbstract(title)) {
      report(
        "error",
        head.line,
        `expected a paper title, found a paragraph that reads as an abstract: ${quote(title, 60)}`,
      );
      continue;
    }
    const next = body[i + 1];
    if (!next) {
      report(
        "error",
        head.line,
        `title ${quote(title, 60)} has no abstract: it is the last paragraph of the file`,
      );
      break;
    }
    const abstractText = joined(next, "abstract", report);
    if (!looksLikeAbstract(abstractText)) {
      report(
        "error",
        head.line,
        `title ${quote(title, 60)} has no abstract: the next paragraph (line ${next.line}) reads as another title`,
      );
      continue;
    }
    i++;
    const cleanTitle = clean(title, head.line, "title", report);
    const cleanAbstract = clean(abstractText, next.line, "abstract", report);
    if (!cleanTitle || !cleanAbstract) continue;
    addEntry({ title: cleanTitle, abstract: cleanAbstract, line: head.line, rank: 0 }, byKey, dump, report);
  }
  dump.entries.forEach((e, i) => (e.rank = i + 1));
}

function addEntry(entry: Entry, byKey: Map<string, Entry[]>, dump: ParsedDump, report: Report) {
  const key = titleKey(entry.title);
  const twins = byKey.get(key) ?? [];
  const same = twins.find((t) => t.abstract === entry.abstract);
  if (same) {
    report(
      "warning",
      entry.line,
      `duplicate of the paper at line ${same.line} (same title and abstract): merged into one`,
    );
    return;
  }
  if (twins.length > 0) {
    entry.variant = twins.length + 1;
    report(
      "warning",
      entry.line,
      `same title as the paper at line ${twins[0]!.line} but a different abstract: both kept as separate papers`,
    );
  }
  twins.push(entry);
  byKey.set(key, twins);
  dump.entries.push(entry);
}

function joined(p: Paragraph, what: string, report: Report): string {
  if (p.lines.length > 1)
    report("warning", p.line, `${what} spans ${p.lines.length} lines; joined them with spaces`);
  return squash(p.lines.join(" "));
}

function clean(text: string, line: number, what: string, report: Report): string | undefined {
  const { text: out, removed } = stripInvisible(text);
  if (removed.length)
    report(
      "warning",
      line,
      `removed invisible or control characters (${removed.join(", ")}) from the ${what}`,
    );
  const result = squash(out);
  if (!result) report("error", line, `the ${what} is empty once invisible characters are removed`);
  const markup = MARKUP.exec(result);
  if (markup)
    report(
      "warning",
      line,
      `the ${what} holds markup or template syntax (${quote(markup[0], 30)}); it is shown as plain text`,
    );
  return result || undefined;
}

export function quote(text: string, max = 80): string {
  const cut = text.length > max ? text.slice(0, max - 1) + "…" : text;
  return JSON.stringify(cut);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

function basename(file: string): string {
  return file.replace(/^.*\//, "").replace(/\.[^.]*$/, "");
}

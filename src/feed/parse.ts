// Owns parseFeed: one dump's text → its digest, entries and diagnostics. Pure: no I/O, no clock.
import { z } from "zod";
import type { Diagnostic, Entry } from "./schema.ts";
import { IsoDate } from "./schema.ts";
import { normalizeText, squash, stripInvisible } from "./normalize.ts";
import { readFrontMatter } from "./front-matter.ts";
import { binaryProblem } from "./input.ts";
import { zodDiagnostics } from "./diagnostics.ts";
import { DumpEntries } from "./entries.ts";
import {
  isDateLine,
  isKnownHeader,
  looksLikeAbstract,
  splitParagraphs,
  type Paragraph,
} from "./paragraphs.ts";

const FrontMatterFields = z
  .object({
    date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), IsoDate).optional(),
    source: z.string().optional(),
    title: z.string().optional(),
  })
  .strict();

export interface ParsedDump {
  /** the dump's name in messages and on the build report */
  file: string;
  date?: string | undefined;
  label: string;
  title?: string | undefined;
  source?: string | undefined;
  entries: Entry[];
  diagnostics: Diagnostic[];
}

export function parseFeed(raw: string, file: string): ParsedDump {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (severity, line, message) =>
    diagnostics.push({ file, ...(line ? { line } : {}), severity, message });
  const failed = (): ParsedDump => ({ file, label: basename(file), entries: [], diagnostics });

  const binary = binaryProblem(raw);
  if (binary) {
    report("error", 1, binary);
    return failed();
  }
  reportNormalisations(raw, report);
  const fm = readFrontMatter(normalizeText(raw), file);
  if (!fm.ok) {
    diagnostics.push(fm.diagnostic);
    return failed();
  }
  const head = FrontMatterFields.safeParse(fm.value.data);
  if (!head.success) {
    diagnostics.push(...zodDiagnostics(file, head.error, { line: 1, prefix: "front matter" }));
    return failed();
  }
  const date = head.data.date ?? /(?:^|\/)(\d{4}-\d{2}-\d{2})[^/]*$/.exec(file)?.[1];
  const paragraphs = splitParagraphs(fm.value.body, fm.value.bodyLine);
  const { dateLine, body } = skipHeader(paragraphs, report);
  const entries = readEntries(body, report);
  if (entries.length === 0 && !diagnostics.some((d) => d.severity === "error")) {
    const last = paragraphs.at(-1);
    const what = paragraphs.length ? "the file holds only header lines" : "the file is empty";
    report("error", last ? last.line : 1, `no papers found: ${what}`);
  }
  return {
    file,
    date,
    label: dateLine ?? (date ? formatDate(date) : basename(file)),
    title: head.data.title,
    source: head.data.source,
    entries,
    diagnostics,
  };
}

type Report = (severity: Diagnostic["severity"], line: number | undefined, message: string) => void;

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

/** Drops the page chrome before the papers and reads the date line as the digest's label. */
function skipHeader(paragraphs: Paragraph[], report: Report): { dateLine?: string; body: Paragraph[] } {
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
    return { dateLine: squash(paragraphs[dateAt]!.lines[0]!), body: paragraphs.slice(dateAt + 1) };
  }
  let i = 0;
  while (i < paragraphs.length && paragraphs[i]!.lines.every(isKnownHeader)) i++;
  return { body: paragraphs.slice(i) };
}

function readEntries(body: Paragraph[], report: Report): Entry[] {
  const entries = new DumpEntries(report);
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
    entries.add({ title: cleanTitle, abstract: cleanAbstract, line: head.line });
  }
  return entries.list;
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

// Owns reading the pasted text of a trending-papers page: the title-vs-abstract rule, header lines
// and the date line. Pure: no I/O, no clock.
import { z } from "zod";
import { type Entry, IsoDate } from "../schema.ts";
import { squash, quote } from "../../common/text.ts";
import { readFrontMatter } from "../../common/front-matter.ts";
import { zodDiagnostics } from "../../common/diagnostics.ts";
import { DumpEntries } from "../entries.ts";
import { basename, cleanText, dateFromName, defaultLabel, type ReadDump, type Report } from "../dump.ts";
import {
  isDateLine,
  isKnownHeader,
  looksLikeAbstract,
  splitParagraphs,
  type Paragraph,
} from "../paragraphs.ts";

const FrontMatterFields = z
  .object({
    date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), IsoDate).optional(),
    source: z.string().optional(),
    title: z.string().optional(),
  })
  .strict();

/** A pasted trending page (normalised text): front matter, header lines, a date line, title/abstract paragraphs. */
export function readText(text: string, file: string, reportTo: Report): ReadDump {
  let errors = 0;
  const report: Report = (severity, ...rest) => {
    if (severity === "error") errors++;
    reportTo(severity, ...rest);
  };
  const failed = { label: basename(file), entries: [], updates: [] };
  const fm = readFrontMatter(text, file);
  if (!fm.ok) {
    report("error", fm.error.line, fm.error.message);
    return failed;
  }
  const head = FrontMatterFields.safeParse(fm.value.data);
  if (!head.success) {
    for (const d of zodDiagnostics(file, head.error, { line: 1, prefix: "front matter" }))
      report("error", 1, d.message);
    return failed;
  }
  const date = head.data.date ?? dateFromName(file);
  const paragraphs = splitParagraphs(fm.value.body, fm.value.bodyLine);
  const { dateLine, body } = skipHeader(paragraphs, report);
  const entries = readEntries(body, report);
  if (entries.length === 0 && errors === 0) {
    const last = paragraphs.at(-1);
    const what = paragraphs.length ? "the file holds only header lines" : "the file is empty";
    report("error", last ? last.line : 1, `no papers found: ${what}`);
  }
  return {
    date,
    label: dateLine ?? defaultLabel(date, file),
    title: head.data.title,
    source: head.data.source,
    entries,
    updates: [],
  };
}

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
    const cleanTitle = cleanText(title, head.line, "title", report);
    const cleanAbstract = cleanText(abstractText, next.line, "abstract", report);
    if (!cleanTitle || !cleanAbstract) continue;
    entries.add({ title: cleanTitle, abstract: cleanAbstract, line: head.line, meta: {} });
  }
  return entries.list;
}

function joined(p: Paragraph, what: string, report: Report): string {
  if (p.lines.length > 1)
    report("warning", p.line, `${what} spans ${p.lines.length} lines; joined them with spaces`);
  return squash(p.lines.join(" "));
}

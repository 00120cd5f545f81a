// Owns the shape rules of a dump: paragraphs, header lines, the date line, title vs abstract.

export interface Paragraph {
  /** 1-based line of the paragraph's first line in the file */
  line: number;
  lines: string[];
}

export function splitParagraphs(text: string, firstLine = 1): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { line: firstLine + i, lines: [] };
      out.push(current);
    }
    current.lines.push(line);
  }
  return out;
}

const KNOWN_HEADERS = new Set([
  "new",
  "get trending papers in your email inbox!",
  "subscribe",
  "byak and the research community",
  "trending papers",
  "daily papers",
]);

export function isKnownHeader(line: string): boolean {
  return KNOWN_HEADERS.has(line.replace(/\s+/g, " ").trim().toLowerCase());
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const DATE_LINE = new RegExp(`^${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?$`, "i");

const ISO_DATE_LINE = /^\d{4}-\d{2}-\d{2}$/;

export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line.trim()) || ISO_DATE_LINE.test(line.trim());
}

/**
 * The title-vs-abstract rule (documented in README): an abstract is prose. A paragraph reads as an
 * abstract when it is longer than 500 characters, ends with a full stop and is at least 60
 * characters long, or holds a sentence break ("word. Next") and is at least 100 characters long.
 * Anything else reads as a title.
 */
export function looksLikeAbstract(text: string): boolean {
  if (text.length > 500) return true;
  if (text.length >= 60 && /[^.]\.["')\]]?$/.test(text)) return true;
  return text.length >= 100 && /\b(?!etc|al|vs)[a-z]{3,}[.!?]["')\]]?\s+[A-Z]/.test(text);
}

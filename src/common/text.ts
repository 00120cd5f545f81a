// Owns small text helpers every stage uses: normalising input (line endings, BOM, Unicode form,
// invisible characters), white space, title keys, and words for people (plurals, quotes, dates).

/** Zero-width characters and bidi controls that hide or reorder text in titles. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;
/** C0/C1 control characters other than tab and newline: never meaningful in a dump. */
const CONTROL = /[^\P{Cc}\t\n]/gu;

export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
}

export interface Cleaned {
  text: string;
  removed: string[];
}

/** Removes invisible and control characters, reporting which kinds were found. */
export function stripInvisible(text: string): Cleaned {
  const removed = new Set<string>();
  const out = text
    .replace(INVISIBLE, (ch) => {
      removed.add(describe(ch));
      return "";
    })
    .replace(CONTROL, (ch) => {
      removed.add(describe(ch));
      return " ";
    });
  return { text: out, removed: [...removed] };
}

function describe(ch: string): string {
  return "U+" + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
}

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  // only runs that are not already one plain space are replaced: an abstract's 150 single spaces
  // were 150 replacements each (a quarter of parsing 10,000 papers)
  return text.replace(/\s{2,}|[^\S ]/g, " ").trim();
}

/** The key two titles share when they name the same paper. */
export function titleKey(title: string): string {
  return squash(title.normalize("NFKC").toLowerCase());
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A text quoted for a message, cut to `max` characters. */
export function quote(text: string, max = 80): string {
  const cut = text.length > max ? text.slice(0, max - 1) + "…" : text;
  return JSON.stringify(cut);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-03-11" as people read it: "Mar 11, 2025". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

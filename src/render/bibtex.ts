// Owns a paper's BibTeX entry: @misc with the arXiv fields when the paper has an id. Feed text is
// untrusted, so every value is escaped for BibTeX and LaTeX: braces stay balanced, and no text can
// end a field, start a command or comment out the rest of an entry. A title is TeX already: the text
// commands this site reads stay TeX (`94.5\%` is not escaped twice), the rest is escaped.
import { parseProse, proseText, type Prose } from "../tex/prose.ts";

export interface Citable {
  title: string;
  authors?: string[] | undefined;
  /** YYYY-MM-DD: the paper's publication date, else the day it was first listed */
  date?: string | undefined;
  arxivId?: string | undefined;
  categories?: string[] | undefined;
  doi?: string | undefined;
  /** the paper's page: arXiv's when it has an id, else this site's */
  url: string;
  /** the entry's key when the site made it unique (`uniqueKeys`); else `citationKey` */
  key?: string | undefined;
}

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  $: "\\$",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
  // in LaTeX's default font encoding these print as ¡ ¿ and a dash
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
};

/** LaTeX's special characters escaped and its ligatures broken, so text prints as it is. */
function escapeChars(text: string): string {
  return (
    text
      .replace(/[\\{}%&#$_^~<>|]/g, (c) => SPECIAL[c]!)
      // LaTeX ligatures: "--" is a dash, "''" and "``" quotes, "?`" and "!`" inverted marks
      .replace(/-(?=-)/g, "-{}")
      .replace(/'(?=')/g, "'{}")
      .replace(/([`?!])(?=`)/g, "$1{}")
  );
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Text as a BibTeX field value's content: LaTeX's special characters escaped, white space collapsed. */
export function escapeBibtex(text: string): string {
  return collapse(escapeChars(text));
}

/**
 * What TeX's ligatures and tie were read as (`tex/prose.ts`), written as TeX again. Single quotes stay
 * as they are: BibTeX readers give "`" and "'" back as ASCII, while "``" and "''" come back curly.
 */
const LIGATURES: Record<string, string> = {
  "—": "---",
  "–": "--",
  "“": "``",
  "”": "''",
  "\u00a0": "~",
};

/**
 * A feed text that is TeX (a title) as TeX: its text commands kept as the few this site reads
 * (`\%`, `\emph{…}`, `\textbf{…}`, `\texttt{…}`, dashes, quotes, ties), never escaped twice, and
 * anything else (a formula, an unknown command, a link's address) escaped as text, so no feed can
 * run a command of its own.
 */
export function texField(text: string): string {
  const tex = (nodes: Prose[]): string =>
    nodes
      .map((n) => {
        if (n.type === "text") return escapeChars(n.value).replace(/[—–“”\u00a0]/g, (c) => LIGATURES[c]!);
        if (n.type === "math") return escapeChars(n.seg.raw);
        if (n.type === "link") return tex(n.children);
        const command = n.type === "emphasis" ? "emph" : n.type === "strong" ? "textbf" : "texttt";
        return `\\${command}{${tex(n.children)}}`;
      })
      .join("");
  return collapse(tex(parseProse(text)));
}

/** A verbatim field (url, doi, eprint): read as it is, so nothing is escaped, but nothing may unbalance it. */
function verbatim(text: string): string {
  return text.replace(/[{}\\\s]/g, "");
}

/** An author as one name: a name that holds " and " or a comma is braced, so it stays one person. */
function author(name: string): string {
  const escaped = escapeBibtex(name);
  return /\band\b|,/i.test(escaped) ? `{${escaped}}` : escaped;
}

/** The day that counts as the paper's date: its arXiv date, else the day it was first listed. */
export function paperDate(p: {
  published?: string | undefined;
  digests: { date?: string | undefined }[];
}): string | undefined {
  return p.published ?? p.digests[0]!.date;
}

/** "gu2021efficiently": first author's last name, year, first long word of the title; ASCII. */
export function citationKey(p: Pick<Citable, "title" | "authors" | "date">): string {
  const ascii = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^a-zA-Z0-9]/g, "")
      .toLowerCase();
  const last = ascii(p.authors?.[0]?.trim().split(/\s+/).at(-1) ?? "");
  // the title's words as read, not its TeX: "\emph{Sparse} Models" gives "sparse"
  const words = proseText(p.title).split(/\s+/);
  const word = ascii(words.find((w) => ascii(w).length > 3) ?? words[0] ?? "");
  return `${last}${p.date?.slice(0, 4) ?? ""}${word}` || "paper";
}

/** Key suffixes: a … z, then aa, ab, … */
function suffix(n: number): string {
  return (n >= 26 ? suffix(Math.floor(n / 26) - 1) : "") + String.fromCharCode(97 + (n % 26));
}

/**
 * One key per paper, unique: the first paper with a key keeps it, each later one gets a suffix
 * (`2025chimera`, `2025chimeraa`, `2025chimerab`). `papers` come in the order that decides, the
 * order they first appeared in, so a later dump never renames a key a paper already has.
 */
export function uniqueKeys(papers: { id: string; key: string }[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const { id, key } of papers) {
    let k = key;
    for (let n = 0; used.has(k); n++) k = key + suffix(n);
    used.add(k);
    out.set(id, k);
  }
  return out;
}

export function bibtex(p: Citable): string {
  const fields: [string, string][] = [["title", `{${texField(p.title)}}`]];
  if (p.authors?.length) fields.push(["author", p.authors.map(author).join(" and ")]);
  if (p.date) fields.push(["year", p.date.slice(0, 4)]);
  if (p.arxivId) {
    fields.push(["eprint", verbatim(p.arxivId)], ["archivePrefix", "arXiv"]);
    if (p.categories?.[0]) fields.push(["primaryClass", escapeBibtex(p.categories[0])]);
  }
  if (p.doi) fields.push(["doi", verbatim(p.doi)]);
  fields.push(["url", verbatim(p.url)]);
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(",\n");
  return `@misc{${p.key ?? citationKey(p)},\n${body}\n}`;
}

// Owns the saved list as files: BibTeX (with the arXiv fields when known), Markdown and CSV, and
// reading a CSV made here back (an import restores a list on another browser).
import Papa from "papaparse";
import { bibtex } from "../render/bibtex.ts";
import { asSaved, citable, citedUrl, joinList, splitList, type SavedPaper } from "../library/saved-paper.ts";
import { paperUrl } from "./urls.ts";

/** A paper's page on this site, by slug: the browser's, relative to the page script; a test gives its own. */
type PageUrl = (slug: string) => string;

/** The saved papers' BibTeX: each entry the same as its paper page's (`citable`). */
export function toBibtex(papers: SavedPaper[], pageUrl: PageUrl = paperUrl): string {
  const entries = papers.map((p) => bibtex(citable(p, pageUrl(p.slug))));
  return entries.join("\n\n") + "\n";
}

/** Markdown text is escaped where it would be read as markup: brackets, emphasis, code, links. */
const md = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, "\\$1");

export function toMarkdown(papers: SavedPaper[], pageUrl: PageUrl = paperUrl): string {
  const lines = papers.map((p) => {
    const parts = [
      p.authors.length ? md(p.authors.join(", ")) : "",
      p.date ?? "",
      p.arxivId ? `arXiv:${p.arxivId}` : "",
    ];
    const facts = parts.filter(Boolean).join(" · ");
    return `- [${md(p.shownTitle ?? p.title)}](${citedUrl(p, pageUrl(p.slug))})${facts ? ` — ${facts}` : ""}`;
  });
  return `# Saved papers\n\n${lines.join("\n")}\n`;
}

const COLUMNS = [
  "slug",
  "title",
  "authors",
  "date",
  "arxiv_id",
  "primary_class",
  "doi",
  "topics",
  "url",
  "saved_at",
  "bibtex_key",
  "shown_title",
];

/**
 * What a spreadsheet would run as a formula (=, +, -, @, tab, return first) gets a ' in front: feed
 * text is untrusted. So does a field that starts with ' itself, so that importing takes exactly one
 * off and gives the text back as it was.
 */
const FORMULA = /^[=+\-@\t\r']/;

export function toCsv(papers: SavedPaper[], pageUrl: PageUrl = paperUrl): string {
  const rows = papers.map((p) => [
    p.slug,
    p.title,
    joinList(p.authors),
    p.date ?? "",
    p.arxivId ?? "",
    p.primaryClass ?? "",
    p.doi ?? "",
    joinList(p.topics),
    citedUrl(p, pageUrl(p.slug)),
    p.savedAt,
    p.bibKey ?? "",
    p.shownTitle ?? "",
  ]);
  return Papa.unparse({ fields: COLUMNS, data: rows }, { newline: "\n", escapeFormulae: FORMULA }) + "\n";
}

/**
 * The papers of a CSV exported here, by this version or an older one (no bibtex_key or shown_title
 * column); rows that are not papers are counted, not kept.
 */
export function fromCsv(text: string): { papers: SavedPaper[]; skipped: number } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
    // undo the export's guard against formulas
    transform: (v) => v.replace(/^'(?=[=+\-@\t\r'])/, ""),
  });
  const papers: SavedPaper[] = [];
  let skipped = 0;
  for (const row of parsed.data) {
    const p = asSaved({
      slug: row.slug,
      title: row.title,
      shownTitle: row.shown_title || undefined,
      authors: splitList(row.authors),
      date: row.date || undefined,
      arxivId: row.arxiv_id || undefined,
      primaryClass: row.primary_class || undefined,
      doi: row.doi || undefined,
      topics: splitList(row.topics),
      savedAt: row.saved_at || undefined,
      bibKey: row.bibtex_key || undefined,
    });
    if (p) papers.push(p);
    else skipped++;
  }
  return { papers, skipped };
}

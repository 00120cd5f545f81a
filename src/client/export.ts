// Owns the saved list as files: BibTeX (with the arXiv fields when known), Markdown and CSV, and
// reading a CSV made here back (an import restores a list on another browser).
import Papa from "papaparse";
import { bibtex } from "../render/bibtex.ts";
import { arxivAbsUrl } from "../feed/arxiv.ts";
import { paperUrl } from "./urls.ts";
import { asSaved, type SavedPaper } from "./saved.ts";

/** The page a citation points to: arXiv's when known, else the paper's page on this site. */
export const citedUrl = (p: SavedPaper) => (p.arxivId ? arxivAbsUrl(p.arxivId) : paperUrl(p.slug));

export function toBibtex(papers: SavedPaper[]): string {
  const entries = papers.map((p) =>
    bibtex({
      title: p.title,
      authors: p.authors,
      date: p.date,
      arxivId: p.arxivId,
      categories: p.primaryClass ? [p.primaryClass] : [],
      doi: p.doi,
      url: citedUrl(p),
      // the paper page's key: with the suffix that makes it unique on the site
      key: p.bibKey,
    }),
  );
  return entries.join("\n\n") + "\n";
}

/** Markdown text is escaped where it would be read as markup: brackets, emphasis, code, links. */
const md = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, "\\$1");

export function toMarkdown(papers: SavedPaper[]): string {
  const lines = papers.map((p) => {
    const parts = [
      p.authors.length ? md(p.authors.join(", ")) : "",
      p.date ?? "",
      p.arxivId ? `arXiv:${p.arxivId}` : "",
    ];
    const facts = parts.filter(Boolean).join(" · ");
    return `- [${md(p.shownTitle ?? p.title)}](${citedUrl(p)})${facts ? ` — ${facts}` : ""}`;
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
];

export function toCsv(papers: SavedPaper[]): string {
  const rows = papers.map((p) => [
    p.slug,
    p.title,
    p.authors.join("; "),
    p.date ?? "",
    p.arxivId ?? "",
    p.primaryClass ?? "",
    p.doi ?? "",
    p.topics.join("; "),
    citedUrl(p),
    p.savedAt,
    p.bibKey ?? "",
  ]);
  // a field a spreadsheet would run as a formula (=, +, -, @ first) gets a ' in front: feed text is untrusted
  return Papa.unparse({ fields: COLUMNS, data: rows }, { newline: "\n", escapeFormulae: true }) + "\n";
}

/** The papers of a CSV exported here; rows that are not papers are counted, not kept. */
export function fromCsv(text: string): { papers: SavedPaper[]; skipped: number } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
    // undo the export's guard against formulas
    transform: (v) => v.replace(/^'(?=[=+\-@\t\r])/, ""),
  });
  const list = (s: string | undefined) => (s ?? "").split(/\s*;\s*/).filter(Boolean);
  const papers: SavedPaper[] = [];
  let skipped = 0;
  for (const row of parsed.data) {
    const p = asSaved({
      slug: row.slug,
      title: row.title,
      authors: list(row.authors),
      date: row.date || undefined,
      arxivId: row.arxiv_id || undefined,
      primaryClass: row.primary_class || undefined,
      doi: row.doi || undefined,
      topics: list(row.topics),
      savedAt: row.saved_at || undefined,
      bibKey: row.bibtex_key || undefined,
    });
    if (p) papers.push(p);
    else skipped++;
  }
  return { papers, skipped };
}

// Owns what reference managers and search engines read of a paper page: Highwire Press
// `citation_*` meta tags (Zotero, Google Scholar), schema.org JSON-LD, and the BibTeX entry.
import { arxivAbsUrl, arxivPdfUrl } from "../../feed/arxiv.ts";
import { bibtex, paperDate } from "../../render/bibtex.ts";
import { citable, recordOf } from "../../library/saved-paper.ts";
import type { EnrichedPaper } from "../enrich.ts";

export interface MetaTag {
  name: string;
  content: string;
}

/** What says a journal reference is not one yet ("Accepted to …", "To appear in …"). */
const STATUS = /^(?:accepted|to appear|submitted|in press|under review|published|presented|forthcoming)\b/i;

/**
 * Whether an arXiv journal_ref is a journal's name alone ("Physical Review Letters") rather than a
 * whole reference ("Phys. Rev. D 108, 014512 (2023)", "NeurIPS 2024"): a reference has a volume,
 * pages or a year, so a digit; a name has none, and is no note of a status.
 */
export function isJournalName(ref: string): boolean {
  return !/\d/.test(ref) && !STATUS.test(ref.trim()) && ref.length <= 120;
}

export function citationMeta(p: EnrichedPaper, pageUrl: string): MetaTag[] {
  const tags: MetaTag[] = [{ name: "citation_title", content: p.plainTitle }];
  for (const a of p.authors ?? []) tags.push({ name: "citation_author", content: a });
  const date = paperDate(p);
  if (date) tags.push({ name: "citation_publication_date", content: date.replaceAll("-", "/") });
  if (p.arxivId) {
    tags.push({ name: "citation_arxiv_id", content: p.arxivId });
    tags.push({ name: "citation_pdf_url", content: arxivPdfUrl(p.arxivId, p.version) });
    tags.push({ name: "citation_abstract_html_url", content: arxivAbsUrl(p.arxivId) });
  } else {
    tags.push({ name: "citation_abstract_html_url", content: pageUrl });
  }
  if (p.doi) tags.push({ name: "citation_doi", content: p.doi });
  if (p.journalRef && isJournalName(p.journalRef))
    tags.push({ name: "citation_journal_title", content: p.journalRef });
  return tags;
}

/** JSON for a <script> block: `<`, `>`, `&` and line separators escaped so no text can end the block. */
export function safeJson(value: unknown): string {
  // markup characters can never close the script element; the text is ASCII, so the copy kept in
  // every paper's view for the whole build is one byte a character (`Buffer`'s latin1 round trip)
  const ascii = JSON.stringify(value).replace(
    /[<>&\u0080-\uffff]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
  return Buffer.from(ascii, "latin1").toString("latin1");
}

/**
 * The paper as a schema.org ScholarlyArticle: what the head does not say already in another form
 * for another reader. No `name` (its `headline` is the title) and no `description`: the page's
 * `<meta name="description">` is that text, and readers of JSON-LD fall back to it (Mastodon's link
 * previews read JSON-LD's description, then og:description, then the meta description). The
 * whole abstract was dropped before: repeating it made every paper page 1.5 KB heavier (10k site:
 * 11.9 KB a paper page with it, 10.4 KB without); `name` and the short description weighed 264 bytes
 * a page more (1k arXiv-shaped site).
 */
export function jsonLd(p: EnrichedPaper, pageUrl: string): string {
  const date = paperDate(p);
  const sameAs = [...(p.arxivId ? [arxivAbsUrl(p.arxivId)] : []), ...p.links.map((l) => l.url)];
  return safeJson({
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    headline: p.plainTitle,
    url: pageUrl,
    ...(p.authors?.length ? { author: p.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(date ? { datePublished: date } : {}),
    ...(p.arxivId ? { identifier: `arXiv:${p.arxivId}` } : {}),
    ...(p.topics.length ? { keywords: p.topics.map((t) => t.name).join(", ") } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  });
}

/** The paper page's BibTeX entry: the same mapping from the saved-paper record as the export's. */
export function bibtexOf(p: EnrichedPaper, pageUrl: string): string {
  return bibtex(citable(recordOf(p), pageUrl));
}

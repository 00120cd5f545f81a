// Owns the enrich step: the work done once per paper before anything renders (abstract HTML with
// KaTeX, readable plain text, related papers), and the search index's documents made from it.
import type { TaggedPaper } from "../topics/schema.ts";
import { renderAbstract } from "../render/abstract.ts";
import { readableText } from "../render/plain.ts";
import { relatedPapers } from "../render/related.ts";
import type { SearchDoc } from "../search/build-index.ts";

export interface EnrichedPaper extends TaggedPaper {
  abstractHtml: string;
  hasMath: boolean;
  /** the abstract with its math written out as text, for excerpts, snippets and descriptions */
  plainAbstract: string;
  /** the title likewise, for headings and lists (citations keep the TeX, as arXiv does) */
  plainTitle: string;
  /** ids of the most similar papers, most similar first */
  related: string[];
  /** the authors, short: "A, B and C", "A, B, C et al."; empty when unknown */
  byline: string;
}

/** Authors as a listing shows them: all of up to three, else the first three and "et al.". */
export function byline(authors: string[] | undefined): string {
  const a = authors ?? [];
  if (a.length <= 1) return a[0] ?? "";
  if (a.length <= 3) return `${a.slice(0, -1).join(", ")} and ${a.at(-1)!}`;
  return `${a.slice(0, 3).join(", ")} et al.`;
}

export function enrich(papers: TaggedPaper[]): EnrichedPaper[] {
  const related = relatedPapers(
    papers.map((p) => ({ id: p.id, text: `${p.title}. ${p.title}. ${p.abstract}` })),
  );
  return papers.map((p) => {
    const rendered = renderAbstract(p.abstract);
    return {
      ...p,
      abstractHtml: rendered.html,
      hasMath: rendered.hasMath,
      plainAbstract: readableText(p.abstract),
      plainTitle: readableText(p.title),
      related: related.get(p.id) ?? [],
      byline: byline(p.authors),
    };
  });
}

/** What search indexes of each paper, and what its results show. */
export function searchDocs(papers: EnrichedPaper[]): SearchDoc[] {
  return papers.map((p) => ({
    slug: p.slug,
    title: p.title,
    shownTitle: p.plainTitle,
    abstract: p.abstract,
    snippetText: p.plainAbstract,
    topics: p.topics.map((t) => ({ slug: t.slug, name: t.name })),
    authors: p.authors ?? [],
    arxivId: p.arxivId,
    byline: p.byline,
    label: p.digests.at(-1)!.label,
  }));
}

// Owns the enrich step: the work done once per paper before anything renders (abstract HTML with
// KaTeX, readable plain text, related papers), and the search index's documents made from it.
import type { TaggedPaper } from "../topics/schema.ts";
import { renderAbstract } from "../render/abstract.ts";
import { readableText } from "../render/plain.ts";
import { relatedPapers } from "../render/related.ts";
import { onThread } from "../thread.ts";
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

/**
 * Related papers are computed on a worker thread (the second core, idle at this point of a build)
 * while this thread renders the abstracts: at 10,000 papers 1.4 s and 0.7 s that no longer add up.
 * `thread: false` runs everything here (tests, small sites).
 */
export async function enrich(
  papers: TaggedPaper[],
  opts: { thread?: boolean | undefined } = {},
): Promise<EnrichedPaper[]> {
  const docs = papers.map((p) => ({ id: p.id, text: `${p.title}. ${p.title}. ${p.abstract}` }));
  const stop = new AbortController();
  const related =
    opts.thread === false
      ? Promise.resolve(relatedPapers(docs))
      : onThread<Map<string, string[]>>(RELATED, "relatedPapers", docs, stop.signal);
  try {
    const rendered = papers.map((p) => ({ p, abstract: renderAbstract(p.abstract) }));
    const near = await related;
    return rendered.map(({ p, abstract }) => ({
      ...p,
      abstractHtml: abstract.html,
      hasMath: abstract.hasMath,
      plainAbstract: readableText(p.abstract),
      plainTitle: readableText(p.title),
      related: near.get(p.id) ?? [],
      byline: byline(p.authors),
    }));
  } catch (err) {
    stop.abort();
    await related.catch(() => undefined);
    throw err;
  }
}

const RELATED = new URL("../render/related.ts", import.meta.url);

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

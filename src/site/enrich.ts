// Owns the enrich step: the work done once per paper before anything renders (abstract HTML with
// KaTeX, readable plain text, related papers), and the search index's documents made from it.
import type { TaggedPaper } from "../topics/schema.ts";
import { renderAbstract } from "../render/abstract.ts";
import { readableText } from "../render/plain.ts";
import { parseProse, proseText, proseToText } from "../tex/prose.ts";
import { citationKey, paperDate, uniqueKeys } from "../render/bibtex.ts";
import { relatedPapers } from "../related/tfidf.ts";
import { onThread } from "../thread.ts";
import type { SearchDoc } from "../search/build-index.ts";

export interface EnrichedPaper extends TaggedPaper {
  abstractHtml: string;
  hasMath: boolean;
  /** the abstract with its math written out as text, for excerpts, snippets and descriptions */
  plainAbstract: string;
  /** the title likewise, for headings and lists (citations keep the TeX, as arXiv does) */
  plainTitle: string;
  /** what search indexes of the abstract: text commands read, formulas as written */
  searchAbstract: string;
  /** ids of the most similar papers, most similar first */
  related: string[];
  /** the authors, short: "A, B and C", "A, B, C et al."; empty when unknown */
  byline: string;
  /** the BibTeX key, unique on the site */
  citeKey: string;
  /** Hugging Face's AI summary with its math written out as text, when a dump gave one */
  plainSummary?: string | undefined;
}

/**
 * Each paper's BibTeX key, unique on the site: suffixed in the order papers first appeared (the
 * date of their first dated digest, then id), so adding a later dump never renames a key.
 */
export function citeKeys(papers: TaggedPaper[]): Map<string, string> {
  const order = papers
    .map((p) => ({
      id: p.id,
      first: p.digests.find((d) => d.date)?.date ?? "\uffff",
      key: citationKey({ title: p.title, authors: p.authors, date: paperDate(p) }),
    }))
    .sort((a, b) =>
      a.first < b.first ? -1 : a.first > b.first ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  return uniqueKeys(order);
}

/** Authors as a listing shows them: all of up to three, else the first three and "et al.". */
export function byline(authors: string[] | undefined): string {
  const a = authors ?? [];
  if (a.length <= 1) return a[0] ?? "";
  if (a.length <= 3) return `${a.slice(0, -1).join(", ")} and ${a.at(-1)!}`;
  return `${a.slice(0, 3).join(", ")} et al.`;
}

/** Related papers being computed: the ids of each paper's most similar, and a way to stop. */
export interface RelatedJob {
  result: Promise<Map<string, string[]>>;
  stop: () => void;
}

/**
 * Starts related papers, which need only each paper's text: on a worker thread (the second core)
 * unless `thread` is false (tests, small sites). A build starts it as soon as the dumps are merged,
 * so it runs while this thread tags and renders abstracts. Started after tagging, it kept the main
 * thread of a 10,000-paper build idle for 1.22 s of its first 8 (CPU profile); started here, 0.38 s
 * (loading modules), with byte-identical output.
 */
export function startRelated(
  papers: { id: string; title: string; abstract: string }[],
  thread: boolean | undefined,
): RelatedJob {
  const docs = papers.map((p) => ({ id: p.id, text: `${p.title}. ${p.title}. ${p.abstract}` }));
  if (thread === false) return { result: Promise.resolve(relatedPapers(docs)), stop: () => {} };
  const abort = new AbortController();
  const result = onThread<Map<string, string[]>>(RELATED, "relatedPapers", docs, { signal: abort.signal });
  // observed now: it may fail while the pipeline still awaits other steps; `enrich` awaits it later
  result.catch(() => undefined);
  return {
    result,
    stop: () => abort.abort(),
  };
}

/**
 * The work done once per paper before anything renders. `related` is a job started earlier
 * (`startRelated`); without one, it starts here.
 */
export async function enrich(
  papers: TaggedPaper[],
  opts: { thread?: boolean | undefined; related?: RelatedJob | undefined } = {},
): Promise<EnrichedPaper[]> {
  const related = opts.related ?? startRelated(papers, opts.thread);
  try {
    const keys = citeKeys(papers);
    const ready = papers.map((p) => {
      // one reading of the abstract's TeX for its HTML, its plain text and its search text
      const tree = parseProse(p.abstract);
      const abstract = renderAbstract(p.abstract, tree);
      const searchAbstract = proseToText(tree, (seg) => seg.raw);
      const plainAbstract = readableText(p.abstract, tree);
      return {
        ...p,
        abstractHtml: abstract.html,
        hasMath: abstract.hasMath,
        // the abstract itself when they are the same: one string held, not two or three (a paper's
        // abstract is about 1.2 KB, twice that as soon as it holds one character beyond Latin-1)
        plainAbstract: plainAbstract === p.abstract ? p.abstract : plainAbstract,
        // always set, so every paper has one shape
        searchAbstract: searchAbstract === p.abstract ? p.abstract : searchAbstract,
        plainTitle: readableText(p.title),
        byline: byline(p.authors),
        citeKey: keys.get(p.id)!,
        plainSummary: p.aiSummary && readableText(p.aiSummary),
      };
    });
    const near = await related.result;
    return ready.map((p) => ({ ...p, related: near.get(p.id) ?? [] }));
  } catch (err) {
    related.stop();
    throw err;
  }
}

const RELATED = new URL("../related/tfidf.ts", import.meta.url);

/** What search indexes of each paper, and what its results show. */
export function searchDocs(papers: EnrichedPaper[]): SearchDoc[] {
  return papers.map((p) => {
    // indexed with their text commands read (`\emph{sparse}` is found by "sparse"), formulas as written
    const title = proseText(p.title);
    return {
      slug: p.slug,
      title,
      ...(p.plainTitle === title ? {} : { shownTitle: p.plainTitle }),
      abstract: p.searchAbstract,
      ...(p.plainAbstract === p.searchAbstract ? {} : { snippetText: p.plainAbstract }),
      topics: p.topics.map((t) => ({ slug: t.slug, name: t.name })),
      keywords: p.aiKeywords ?? [],
      authors: p.authors ?? [],
      arxivId: p.arxivId,
      byline: p.byline,
      label: p.digests.at(-1)!.label,
    };
  });
}

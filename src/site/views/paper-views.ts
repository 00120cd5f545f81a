// Owns the paper views: cards for listings, and each paper page's data (abstract, topics with
// evidence, appearances, related papers, neighbours in its digest, structured data).
import type { Digest } from "../../feed/schema.ts";
import type { PaperOverride } from "../../topics/schema.ts";
import { renderMarkdown } from "../../render/markdown.ts";
import type { EnrichedPaper } from "../enrich.ts";
import { absoluteUrl, dateLabel } from "../filters.ts";
import type { AuthorView, Card, PaperView, SiteMeta } from "./types.ts";
import { outLinks } from "./outlinks.ts";
import { pageUrl } from "./paging.ts";
import { arxivAbsUrl } from "../../feed/arxiv.ts";
import { queryWords } from "../../search/query.ts";
import { renderInline } from "../../render/abstract.ts";
import { readableText } from "../../render/plain.ts";
import { bibtexOf, citationMeta, jsonLd } from "./citation.ts";
import { cardData, recordOf } from "../../library/saved-paper.ts";
import { paths } from "../../common/paths.ts";

export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40)).replace(/[\s,;:.]+$/, "") + "…";
}

export function card(p: EnrichedPaper, doc: number): Card {
  const arrived = p.digests[0]!.date ?? "";
  return {
    slug: p.slug,
    title: p.plainTitle,
    excerpt: excerpt(p.plainAbstract),
    ...(p.plainSummary ? { tldr: excerpt(p.plainSummary) } : {}),
    topics: p.topics.map((t) => ({ slug: t.slug, name: t.name })),
    hasCode: p.links.some((l) => l.kind === "code"),
    byline: p.byline,
    doc,
    arrived,
    data: cardData(recordOf(p), { title: p.plainTitle, byline: p.byline, arrived }),
  };
}

/** Authors shown before the rest of a long list folds away. */
const AUTHORS_SHOWN = 10;

/** Each author with the search that lists their papers: `+author:albert +author:gu`. */
function authorViews(authors: string[] | undefined): AuthorView[] {
  return (authors ?? []).map((name) => {
    const q = queryWords(name)
      .map((w) => `+author:${w}`)
      .join(" ");
    return { name, searchUrl: `/search/?q=${encodeURIComponent(q)}` };
  });
}

/** The newest appearance that gave Hugging Face upvotes. */
const upvotesOf = (p: EnrichedPaper) => p.digests.findLast((d) => d.upvotes !== undefined)?.upvotes;

export interface PaperViewInput {
  papers: EnrichedPaper[];
  digests: Digest[];
  cards: Map<string, Card>;
  overrides: PaperOverride[];
  meta: SiteMeta;
}

/**
 * The maker of paper pages' views: one paper → its page's data. Views are made as their pages are
 * rendered, a batch at a time, not held for the whole site: at 20,000 papers they held 159 of the
 * 319 MB left on the heap once the site's data was made.
 */
export function paperViewOf({
  papers,
  digests,
  cards,
  overrides,
  meta,
}: PaperViewInput): (p: EnrichedPaper) => PaperView {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const digestOf = new Map(
    digests.map((d) => [d.file, { digest: d, index: new Map(d.paperIds.map((id, i) => [id, i])) }]),
  );
  const notes = new Map(overrides.filter((o) => o.note.trim()).map((o) => [o.slug, renderMarkdown(o.note)]));
  const ref = (id: string | undefined) => {
    const p = id ? byId.get(id) : undefined;
    return p && { slug: p.slug, title: p.plainTitle };
  };
  return (p) => {
    const newest = p.digests.at(-1)!;
    const { digest, index } = digestOf.get(newest.file)!;
    const at = index.get(p.id)!;
    const url = absoluteUrl(meta, paths.paper(p.slug));
    const authors = authorViews(p.authors);
    const description = excerpt(p.plainAbstract, 160);
    // the card's fields last: a literal that starts with a spread and adds 29 properties took
    // 60–80 µs a paper (V8 builds such an object property by property), this one well under 1 µs;
    // no field is in both, so the order changes nothing else
    return {
      id: p.id,
      // the Atom feed's text summary: text commands read, formulas as written (feed readers show TeX)
      abstract: p.searchAbstract,
      abstractHtml: p.abstractHtml,
      hasMath: p.hasMath,
      links: p.links,
      outLinks: outLinks(p),
      authorsShown: authors.slice(0, AUTHORS_SHOWN),
      authorsMore: authors.slice(AUTHORS_SHOWN),
      authorNames: p.authors ?? [],
      arxivUrl: p.arxivId && arxivAbsUrl(p.arxivId),
      arxivId: p.arxivId,
      version: p.version,
      published: p.published && dateLabel(p.published),
      updatedOnArxiv: p.updated && p.updated !== p.published ? dateLabel(p.updated) : undefined,
      categories: p.categories ?? [],
      upvotes: upvotesOf(p),
      commentHtml: p.comment && renderInline(p.comment),
      journalRef: p.journalRef && readableText(p.journalRef),
      aiSummary: p.plainSummary,
      citation: citationMeta(p, url),
      bibtex: bibtexOf(p, url),
      pageData: cardData(recordOf(p), { title: p.plainTitle, authors: p.authors ?? [] }),
      tags: p.topics,
      appearances: p.digests.map((d) => {
        const { key, title } = digestOf.get(d.file)!.digest;
        return {
          key,
          url: pageUrl(paths.digest(key), d.rank),
          label: d.label,
          date: d.date,
          heading: d.date ? dateLabel(d.date) : d.label,
          name: title,
          rank: d.rank,
        };
      }),
      related: p.related.map((id) => ref(id)!),
      noteHtml: notes.get(p.slug),
      prev: ref(digest.paperIds[at - 1]),
      next: ref(digest.paperIds[at + 1]),
      description,
      updated: newest.date,
      jsonLd: jsonLd(p, url),
      ...cards.get(p.id)!,
    };
  };
}

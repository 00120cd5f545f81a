// Owns the paper views: cards for listings, and each paper page's data (abstract, topics with
// evidence, appearances, related papers, neighbours in its digest, structured data).
import type { Digest } from "../feed/schema.ts";
import type { PaperOverride } from "../topics/schema.ts";
import { renderMarkdown } from "../render/markdown.ts";
import type { EnrichedPaper } from "./enrich.ts";
import { dateLabel } from "./filters.ts";
import type { Card, PaperView, SiteMeta } from "./views.ts";

export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40)).replace(/[\s,;:.]+$/, "") + "…";
}

/** JSON for a <script> block: `<`, `>`, `&` and line separators escaped so no text can end the block. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
}

export function card(p: EnrichedPaper): Card {
  return {
    slug: p.slug,
    title: p.title,
    excerpt: excerpt(p.plainAbstract),
    topics: p.topics.map((t) => ({ slug: t.slug, name: t.name })),
    hasCode: p.links.some((l) => l.kind === "code"),
  };
}

/** A link's host and path without the scheme, as a button shows it. */
export function linkLabel(url: string): string {
  return url.replace(/^https?:\/\//i, "");
}

export interface PaperViewInput {
  papers: EnrichedPaper[];
  digests: Digest[];
  /** URL key of each digest, by file */
  keys: Map<string, string>;
  cards: Map<string, Card>;
  overrides: PaperOverride[];
  meta: SiteMeta;
}

export function paperViews({ papers, digests, keys, cards, overrides, meta }: PaperViewInput): PaperView[] {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const digestOf = new Map(
    digests.map((d) => [d.file, { digest: d, index: new Map(d.paperIds.map((id, i) => [id, i])) }]),
  );
  const notes = new Map(overrides.filter((o) => o.note.trim()).map((o) => [o.slug, renderMarkdown(o.note)]));
  const ref = (id: string | undefined) => {
    const p = id ? byId.get(id) : undefined;
    return p && { slug: p.slug, title: p.title };
  };
  return papers.map((p) => {
    const newest = p.digests.at(-1)!;
    const { digest, index } = digestOf.get(newest.file)!;
    const at = index.get(p.id)!;
    return {
      ...cards.get(p.id)!,
      id: p.id,
      abstract: p.abstract,
      abstractHtml: p.abstractHtml,
      hasMath: p.hasMath,
      links: p.links,
      codeLinks: p.links.filter((l) => l.kind === "code").map((l) => ({ ...l, label: linkLabel(l.url) })),
      tags: p.topics,
      appearances: p.digests.map((d) => ({
        key: keys.get(d.file)!,
        label: d.label,
        date: d.date,
        heading: d.date ? dateLabel(d.date) : d.label,
        rank: d.rank,
      })),
      related: p.related.map((id) => ref(id)!),
      noteHtml: notes.get(p.slug),
      prev: ref(digest.paperIds[at - 1]),
      next: ref(digest.paperIds[at + 1]),
      description: excerpt(p.plainAbstract, 160),
      updated: newest.date,
      jsonLd: safeJson({
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        headline: p.title,
        name: p.title,
        abstract: p.abstract,
        url: new URL(`papers/${p.slug}/`, meta.url).href,
        ...(p.digests[0]!.date ? { datePublished: p.digests[0]!.date } : {}),
        ...(p.topics.length ? { keywords: p.topics.map((t) => t.name).join(", ") } : {}),
        ...(p.links.length ? { sameAs: p.links.map((l) => l.url) } : {}),
      }),
    };
  });
}

// Owns the paper views: rendered abstract, topics with names, appearances, related, neighbours.
import type { Digest, Paper } from "../feed/schema.ts";
import type { Topic, PaperOverride } from "../topics/schema.ts";
import { renderAbstract } from "../render/abstract.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { relatedPapers } from "../render/related.ts";
import type { Card, PaperView, SiteMeta } from "./views.ts";
import { digestKeys } from "./digests.ts";

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

export function card(p: Paper, names: Map<string, string>): Card {
  return {
    slug: p.slug,
    title: p.title,
    excerpt: excerpt(p.abstract),
    topics: p.topics.map((t) => ({ slug: t.slug, name: names.get(t.slug) ?? t.slug })),
    hasCode: p.links.some((l) => l.kind === "code"),
  };
}

export function paperViews(
  papers: Paper[],
  digests: Digest[],
  topics: Topic[],
  overrides: PaperOverride[],
  meta: SiteMeta,
): PaperView[] {
  const names = new Map(topics.map((t) => [t.slug, t.name]));
  const keys = digestKeys(digests);
  const byId = new Map(papers.map((p) => [p.id, p]));
  const digestOf = new Map(
    digests.map((d) => [d.file, { digest: d, index: new Map(d.paperIds.map((id, i) => [id, i])) }]),
  );
  const related = relatedPapers(
    papers.map((p) => ({ id: p.id, text: `${p.title}. ${p.title}. ${p.abstract}` })),
  );
  const notes = new Map(overrides.filter((o) => o.note.trim()).map((o) => [o.slug, renderMarkdown(o.note)]));
  const ref = (id: string | undefined) => {
    const p = id ? byId.get(id) : undefined;
    return p && { slug: p.slug, title: p.title };
  };
  return papers.map((p) => {
    const rendered = renderAbstract(p.abstract);
    const newest = p.digests.at(-1)!;
    const { digest, index } = digestOf.get(newest.file)!;
    const at = index.get(p.id)!;
    const url = new URL(`papers/${p.slug}/`, meta.url).href;
    return {
      ...card(p, names),
      id: p.id,
      abstract: p.abstract,
      abstractHtml: rendered.html,
      hasMath: rendered.hasMath,
      links: p.links,
      codeLinks: p.links.filter((l) => l.kind === "code"),
      tags: p.topics.map((t) => ({ ...t, name: names.get(t.slug) ?? t.slug })),
      appearances: p.digests.map((d) => ({
        key: keys.get(d.file)!,
        label: d.label,
        date: d.date,
        rank: d.rank,
      })),
      related: (related.get(p.id) ?? []).map((id) => ref(id)!),
      noteHtml: notes.get(p.slug),
      prev: ref(digest.paperIds[at - 1]),
      next: ref(digest.paperIds[at + 1]),
      description: excerpt(p.abstract, 160),
      updated: newest.date,
      jsonLd: safeJson({
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        headline: p.title,
        name: p.title,
        abstract: p.abstract,
        url,
        ...(p.digests[0]!.date ? { datePublished: p.digests[0]!.date } : {}),
        ...(p.topics.length ? { keywords: p.topics.map((t) => names.get(t.slug)).join(", ") } : {}),
        ...(p.links.length ? { sameAs: p.links.map((l) => l.url) } : {}),
      }),
    };
  });
}

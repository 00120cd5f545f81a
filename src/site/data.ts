// Owns buildSiteData: loaded content → everything the templates need, computed once per build.
import type { Content } from "./content.ts";
import type { Bar, Card, PaperView, SiteData, SiteMeta, TopicPage, TopicView } from "./views.ts";
import { card, paperViews } from "./papers.ts";
import { digestViews } from "./digests.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { hash } from "../feed/slug.ts";
import { formatDiagnostic } from "../feed/diagnostics.ts";

export const UNCATEGORIZED = { slug: "uncategorized", name: "Uncategorized" };
const FEED_SIZE = 50;
export const TOPIC_PAGE_SIZE = 50;

function topicPages(topics: TopicView[]): TopicPage[] {
  return topics.flatMap(({ papers, feed: _feed, ...topic }) => {
    const of = Math.max(1, Math.ceil(papers.length / TOPIC_PAGE_SIZE));
    const url = (n: number) => (n === 1 ? `/topics/${topic.slug}/` : `/topics/${topic.slug}/page/${n}/`);
    return Array.from({ length: of }, (_, i) => ({
      topic,
      number: i + 1,
      of,
      url: url(i + 1),
      prev: i > 0 ? url(i) : undefined,
      next: i + 1 < of ? url(i + 2) : undefined,
      start: i * TOPIC_PAGE_SIZE + 1,
      papers: papers.slice(i * TOPIC_PAGE_SIZE, (i + 1) * TOPIC_PAGE_SIZE),
    }));
  });
}

/** Newest appearance first, then trending rank: the order of topic pages and feeds. */
function newestFirst(a: PaperView, b: PaperView): number {
  const la = a.appearances.at(-1)!;
  const lb = b.appearances.at(-1)!;
  return (lb.date ?? "").localeCompare(la.date ?? "") || la.rank - lb.rank || a.slug.localeCompare(b.slug);
}

function plainSummary(markdown: string): string {
  const first = markdown.split(/\n\s*\n/)[0] ?? "";
  return first
    .replace(/[*_`#>[\]]/g, "")
    .replace(/\(([^)]*:\/\/[^)]*)\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function chart(topics: TopicView[]): SiteData["chart"] {
  const rows = topics.filter((t) => t.count > 0);
  const max = Math.max(1, ...rows.map((t) => t.count));
  // a label line above each bar, so long topic names never run into the bars
  const rowHeight = 38;
  const full = 280;
  const bars: Bar[] = rows.map((t, i) => ({
    slug: t.slug,
    name: t.name,
    count: t.count,
    labelY: i * rowHeight + 14,
    y: i * rowHeight + 20,
    width: Math.max(3, Math.round((t.count / max) * full)),
  }));
  return { width: 320, height: rows.length * rowHeight, bars, max };
}

export function buildSiteData(
  content: Content,
  meta: Omit<SiteMeta, "updated">,
  fallbackDate?: string,
): SiteData {
  const dates = content.digests
    .map((d) => d.date)
    .filter((d): d is string => Boolean(d))
    .sort();
  const siteMeta: SiteMeta = { ...meta, updated: dates.at(-1) ?? fallbackDate };
  const papers = paperViews(content.papers, content.digests, content.topics, content.overrides, siteMeta);
  const names = new Map(content.topics.map((t) => [t.slug, t.name]));
  const cards = new Map<string, Card>(content.papers.map((p) => [p.id, card(p, names)]));
  const sorted = [...papers].sort(newestFirst);

  const topicList = [
    ...content.topics.map((t) => ({ slug: t.slug, name: t.name, body: t.body })),
    { ...UNCATEGORIZED, body: "Papers that no topic's rules matched. They are still searchable." },
  ];
  const topics: TopicView[] = topicList
    .map((t) => {
      const mine = sorted.filter((p) =>
        t.slug === UNCATEGORIZED.slug ? p.tags.length === 0 : p.tags.some((x) => x.slug === t.slug),
      );
      return {
        slug: t.slug,
        name: t.name,
        bodyHtml: renderMarkdown(t.body),
        summary: plainSummary(t.body),
        count: mine.length,
        papers: mine.map(({ slug, title, excerpt, topics: chips, hasCode }) => ({
          slug,
          title,
          excerpt,
          topics: chips,
          hasCode,
        })),
        feed: { updated: mine[0]?.updated ?? siteMeta.updated, papers: mine.slice(0, FEED_SIZE) },
      };
    })
    .filter((t) => t.slug !== UNCATEGORIZED.slug || t.count > 0);

  const digests = digestViews(content.digests, content.papers, cards);
  const taxonomyVersion = hash(content.topics.map((t) => `${t.file}\n${JSON.stringify(t)}`).join("\n"), 10);
  return {
    meta: siteMeta,
    papers,
    topics,
    topicPages: topicPages(topics),
    digests,
    latest: digests[0],
    chart: chart(topics),
    feed: { updated: siteMeta.updated, papers: sorted.slice(0, FEED_SIZE) },
    report: {
      dumps: [...digests].reverse().map((d) => ({
        file: d.file,
        label: d.label,
        date: d.date,
        count: d.count,
        newCount: d.newCount,
        seenCount: d.seenCount,
      })),
      warnings: content.diagnostics.filter((d) => d.severity === "warning").map(formatDiagnostic),
      taxonomyVersion,
      generator: meta.generator,
    },
    search: { files: [] },
  };
}

// Owns the topic views: each topic's papers newest first, its pages of 50, its feed, and the chart.
import { type Topic, UNCATEGORIZED } from "../../topics/schema.ts";
import { renderMarkdown } from "../../render/markdown.ts";
import { paginate } from "./paging.ts";
import type { Bar, Card, Chart, PaperView, TopicPage, TopicView } from "./types.ts";
import { paths } from "../../common/paths.ts";
import type { EnrichedPaper } from "../enrich.ts";

export const FEED_SIZE = 50;

/** Newest appearance first, then trending rank: the order of topic pages and feeds. */
export function newestFirst(a: EnrichedPaper, b: EnrichedPaper): number {
  const la = a.digests.at(-1)!;
  const lb = b.digests.at(-1)!;
  return (lb.date ?? "").localeCompare(la.date ?? "") || la.rank - lb.rank || a.slug.localeCompare(b.slug);
}

/** The first paragraph of a topic's description as plain text, for lists and meta tags. */
function plainSummary(markdown: string): string {
  const first = markdown.split(/\n\s*\n/)[0] ?? "";
  return first
    .replace(/[*_`#>[\]]/g, "")
    .replace(/\(([^)]*:\/\/[^)]*)\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every topic with its papers (`sorted` newest first); Uncategorized last, when it has papers. */
export function topicViews(
  topics: Topic[],
  sorted: EnrichedPaper[],
  cards: Map<string, Card>,
  updated: string | undefined,
  view: (p: EnrichedPaper) => PaperView,
): TopicView[] {
  const list = [...topics.map((t) => ({ slug: t.slug, name: t.name, body: t.body })), UNCATEGORIZED];
  return list
    .map((t) => {
      const mine = sorted.filter((p) =>
        t.slug === UNCATEGORIZED.slug ? p.topics.length === 0 : p.topics.some((x) => x.slug === t.slug),
      );
      return {
        slug: t.slug,
        name: t.name,
        bodyHtml: renderMarkdown(t.body),
        summary: plainSummary(t.body),
        count: mine.length,
        papers: mine.map((p) => cards.get(p.id)!),
        feed: {
          updated: mine[0]?.digests.at(-1)!.date ?? updated,
          papers: mine.slice(0, FEED_SIZE).map(view),
        },
      };
    })
    .filter((t) => t.slug !== UNCATEGORIZED.slug || t.count > 0);
}

/** Long topics are split so no page grows with the whole archive. */
export function topicPages(topics: TopicView[]): TopicPage[] {
  return topics.flatMap(({ papers, feed: _feed, ...topic }) =>
    paginate(papers, paths.topic(topic.slug)).map((page) => ({ ...page, topic })),
  );
}

/** The home page's bar chart of papers per topic. */
export function chart(topics: TopicView[]): Chart {
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

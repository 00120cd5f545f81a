// Owns the views step: enriched records → everything the templates need, computed once per build.
// Templates get plain data only: strings, numbers, lists; no promises, no functions.
import { type Diagnostic, formatDiagnostic } from "../../common/diagnostics.ts";
import type { Digest } from "../../feed/schema.ts";
import type { PaperOverride, Topic } from "../../topics/schema.ts";
import { hash } from "../../common/hash.ts";
import type { EnrichedPaper } from "../enrich.ts";
import { card, paperViewOf } from "./paper-views.ts";
import { digestViews } from "./digest-views.ts";
import { chart, FEED_SIZE, newestFirst, topicPages, topicViews } from "./topic-views.ts";
import { siteTrends } from "./trend-views.ts";
import type { Card, PaperView, SiteData, SiteMeta } from "./types.ts";

export interface ViewsInput {
  papers: EnrichedPaper[];
  digests: Digest[];
  topics: Topic[];
  overrides: PaperOverride[];
  diagnostics: Diagnostic[];
  meta: Omit<SiteMeta, "updated">;
  /** the site's date when no dump has one */
  fallbackDate?: string | undefined;
  /** the scripts pages load: every page's, and the /saved/ page's (paths inside the site) */
  scripts: { client: string; saved: string };
}

/** The site's data, and the maker of its paper pages' views (made a batch at a time as pages render). */
export interface SiteViews {
  data: SiteData;
  /** the views of papers `from` to `to` (exclusive), in the order of `data.papers` */
  paperPages: (from: number, to: number) => PaperView[];
}

export function buildSiteData(input: ViewsInput): SiteViews {
  const dates = input.digests
    .map((d) => d.date)
    .filter((d): d is string => Boolean(d))
    .sort();
  const meta: SiteMeta = { ...input.meta, updated: dates.at(-1) ?? input.fallbackDate };
  // a card's doc is the paper's number in the search index, whose documents are in this order
  const cards = new Map<string, Card>(input.papers.map((p, i) => [p.id, card(p, i)]));
  const view = paperViewOf({ ...input, cards, meta });
  const sorted = [...input.papers].sort(newestFirst);
  const listed = topicViews(input.topics, sorted, cards, meta.updated, view);
  const trends = siteTrends(input.digests, input.papers, listed);
  const topics = listed.map((t) => ({ ...t, trend: trends.topics.get(t.slug) }));
  const { views: digests, pages: digestPages } = digestViews(input.digests, input.papers, cards);
  const taxonomyVersion = hash(input.topics.map((t) => `${t.file}\n${JSON.stringify(t)}`).join("\n"), 10);
  const data: SiteData = {
    meta,
    papers: input.papers.map((p) => ({ slug: p.slug, updated: p.digests.at(-1)!.date })),
    paperPages: [],
    aboutPages: ["about"],
    topics,
    topicPages: topicPages(topics),
    digests,
    digestPages,
    home: digestPages[0],
    arrivals: JSON.stringify(newPerDay(digests)),
    chart: chart(topics),
    trends: trends.view,
    feed: { updated: meta.updated, papers: sorted.slice(0, FEED_SIZE).map(view) },
    report: {
      dumps: [...digests].reverse().map((d) => ({
        file: d.file,
        label: d.label,
        date: d.date,
        count: d.count,
        newCount: d.newCount,
        seenCount: d.seenCount,
      })),
      warnings: input.diagnostics.filter((d) => d.severity === "warning").map(formatDiagnostic),
      taxonomyVersion,
      generator: meta.generator,
    },
    scripts: input.scripts,
  };
  return { data, paperPages: (from, to) => input.papers.slice(from, to).map(view) };
}

/** Papers that first arrived on each digest day (several digests on one day add up). */
function newPerDay(digests: { date?: string | undefined; newCount: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of digests) if (d.date) out[d.date] = (out[d.date] ?? 0) + d.newCount;
  return out;
}

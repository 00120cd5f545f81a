// Owns trends as the pages show them: the words, the table rows and the chart geometry (SVG user
// units) for each topic's papers per week, and the home page's rising topics.
import { plural } from "../feed/diagnostics.ts";
import { formatDate } from "../feed/dump.ts";
import { UNCATEGORIZED, type TaggedPaper } from "../topics/schema.ts";
import {
  baselineWeeks,
  isoWeek,
  rising,
  RISE,
  weeklyCounts,
  type DatedDigest,
  type Week,
  type WeeklyCounts,
} from "./trends.ts";
import type { RisingView, TopicTrend, TrendBar, TrendsView } from "./views.ts";

const SPARK = { width: 120, height: 32, pad: 3 };
const BARS = { step: 10, bar: 8, height: 100 };
const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

const round1 = (x: number) => Math.round(x * 10) / 10;
const weekOf = (w: Week | undefined) => (w ? `week of ${formatDate(w.start)}` : "");

/** The sparkline: one point a week, scaled to the topic's own busiest week. */
function spark(series: number[], max: number): TopicTrend["spark"] {
  const { width, height, pad } = SPARK;
  const step = (width - 2 * pad) / Math.max(1, series.length - 1);
  const xy = series.map((c, i) => [round1(pad + i * step), round1(pad + (1 - c / max) * (height - 2 * pad))]);
  const [lastX, lastY] = xy.at(-1) ?? [0, 0];
  const points = xy.map(([x, y]) => `${x},${y}`).join(" ");
  const area = `${points} ${lastX},${height - pad} ${pad},${height - pad}`;
  return { width, height, points, area, lastX: lastX!, lastY: lastY! };
}

/** The topic page's bars: one a week, bottoms on the baseline at `height`. */
function bars(series: number[], max: number): TopicTrend["chart"] {
  const { step, bar, height } = BARS;
  const list: TrendBar[] = series.flatMap((c, i) => {
    if (c === 0) return [];
    const h = Math.max(1.5, round1((c / max) * (height - 4)));
    return [{ x: i * step + (step - bar) / 2, y: round1(height - h), width: bar, height: h }];
  });
  return { width: series.length * step, height, bars: list };
}

/** `days`: how many days of each week have a dated digest (the first and newest may have fewer than 7). */
function topicTrend(name: string, series: number[], weeks: Week[], days: number[]): TopicTrend {
  const max = Math.max(1, ...series);
  const low = Math.min(...series);
  const latest = series.at(-1) ?? 0;
  return {
    title: `${name}: papers a week`,
    text: `${plural(weeks.length, "week")}, ${low} to ${Math.max(...series)} papers a week, ${latest} this week`,
    span: `weeks of ${formatDate(weeks[0]!.start)} to ${formatDate(weeks.at(-1)!.start)}`,
    latest,
    max,
    spark: spark(series, max),
    chart: bars(series, max),
    rows: weeks.map((w, i) => ({
      week: w.key,
      start: formatDate(w.start),
      days: days[i] ?? 0,
      count: series[i] ?? 0,
    })),
  };
}

/** "14 this week, 5.5 a week before (+155%)"; "3 this week, none before (new)". */
function risingViews(counts: WeeklyCounts, names: Map<string, string>): RisingView[] {
  const rises = rising(counts.counts);
  const scale = Math.max(1, ...rises.flatMap((r) => [r.now, r.before]));
  const width = (x: number) => (x > 0 ? Math.max(2, Math.round((x / scale) * 100)) : 0);
  return rises.map((r) => ({
    slug: r.slug,
    name: names.get(r.slug) ?? r.slug,
    text:
      r.before > 0
        ? `${r.now} this week, ${round1(r.before)} a week before (+${Math.round(r.change * 100)}%)`
        : `${r.now} this week, none before (new)`,
    nowWidth: width(r.now),
    beforeWidth: width(r.before),
  }));
}

function notice(counts: WeeklyCounts): string {
  const days = counts.dates.length;
  const so = days ? `${plural(days, "day")} of digests` : "no dated digests";
  return `Not enough history yet for trends: ${so} so far.`;
}

function about(counts: WeeklyCounts): string {
  const { weeks, undated } = counts;
  const left = undated
    ? ` ${plural(undated, "undated digest")} ${undated === 1 ? "is" : "are"} left out.`
    : "";
  if (weeks.length < 2) return left.trim();
  return (
    `Papers a week over ${weeks.length} ISO weeks (Monday to Sunday), ${weekOf(weeks[0])} to ` +
    `${weekOf(weeks.at(-1))}. A paper counts once, in the week it first appeared, for each of its topics.` +
    left
  );
}

function basis(counts: WeeklyCounts): string {
  const newest = counts.weeks.at(-1);
  if (!newest) return "";
  const days = counts.dates.filter((d) => d >= newest.start).length;
  const n = baselineWeeks(counts.weeks.length);
  const before = n === 1 ? "the week before" : `the ${NUMBER_WORDS[n] ?? n} weeks before`;
  return (
    `Week of ${formatDate(newest.start)} (${plural(days, "day")} of digests) against the mean of ${before}; ` +
    `at least ${RISE.min} papers and ${Math.round(RISE.minChange * 100)}% more.`
  );
}

/** The site's trends and each topic's; no topic trend when there are fewer than two weeks. */
function trendViews(
  counts: WeeklyCounts,
  names: Map<string, string>,
  exclude: readonly string[] = [],
): { view: TrendsView; topics: Map<string, TopicTrend> } {
  const ready = counts.weeks.length >= 2;
  const topics = new Map<string, TopicTrend>();
  const days = counts.weeks.map((w) => counts.dates.filter((d) => isoWeek(d).key === w.key).length);
  if (ready)
    for (const [slug, series] of counts.counts)
      topics.set(slug, topicTrend(names.get(slug) ?? slug, series, counts.weeks, days));
  const risers = new Map([...counts.counts].filter(([slug]) => !exclude.includes(slug)));
  const view: TrendsView = {
    ready,
    notice: ready ? "" : notice(counts),
    about: about(counts),
    first: weekOf(counts.weeks[0]),
    last: weekOf(counts.weeks.at(-1)),
    basis: ready ? basis(counts) : "",
    rising: ready ? risingViews({ ...counts, counts: risers }, names) : [],
  };
  return { view, topics };
}

/** Trends from the digests and the papers' topics (a paper with none counts as Uncategorized). */
export function siteTrends(
  digests: DatedDigest[],
  papers: TaggedPaper[],
  topics: { slug: string; name: string }[],
): { view: TrendsView; topics: Map<string, TopicTrend> } {
  const slugsOf = new Map(
    papers.map((p) => [p.id, p.topics.length ? p.topics.map((t) => t.slug) : [UNCATEGORIZED.slug]]),
  );
  const counts = weeklyCounts(
    digests,
    (id) => slugsOf.get(id) ?? [],
    topics.map((t) => t.slug),
  );
  return trendViews(counts, new Map(topics.map((t) => [t.slug, t.name])), [UNCATEGORIZED.slug]);
}

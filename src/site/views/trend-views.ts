// Owns trends as the pages show them: the words, the table rows and the chart geometry (SVG user
// units) for each topic's papers per week, and the home page's rising topics.
import { plural, formatDate } from "../../common/text.ts";
import { UNCATEGORIZED, type TopicTag } from "../../topics/schema.ts";
import {
  baselineWeeks,
  isoWeek,
  rising,
  RISE,
  weeklyCounts,
  WINDOW_WEEKS,
  type DatedDigest,
  type Week,
  type WeeklyCounts,
} from "./trend-counts.ts";
import type { RisingView, TopicTrend, TrendBar, TrendsView } from "./types.ts";

const SPARK = { width: 120, height: 32, pad: 3 };
const BARS = { step: 10, bar: 8, height: 100 };
const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

const round1 = (x: number) => Math.round(x * 10) / 10;
const weekOf = (w: Week | undefined) => (w ? `week of ${formatDate(w.start)}` : "");

type Series = readonly (number | null)[];

/** Runs of weeks with digests (`data`) and of weeks without (gaps), as [from, to] week indexes. */
function runs(series: Series): { from: number; to: number; data: boolean }[] {
  const out: { from: number; to: number; data: boolean }[] = [];
  series.forEach((c, i) => {
    const data = c !== null;
    const last = out.at(-1);
    if (last && last.data === data) last.to = i;
    else out.push({ from: i, to: i, data });
  });
  return out;
}

/**
 * The sparkline: one point a week with digests, scaled to the topic's own busiest week. A gap
 * breaks the line (a dashed stretch of baseline under it); a lone week between gaps is a dot.
 */
function spark(series: Series, max: number): TopicTrend["spark"] {
  const { width, height, pad } = SPARK;
  const step = (width - 2 * pad) / Math.max(1, series.length - 1);
  const x = (i: number) => round1(pad + i * step);
  const y = (c: number) => round1(pad + (1 - c / max) * (height - 2 * pad));
  const base = height - pad;
  const lines: TopicTrend["spark"]["lines"] = [];
  const dots: TopicTrend["spark"]["dots"] = [];
  const gaps: TopicTrend["spark"]["gaps"] = [];
  for (const r of runs(series)) {
    if (!r.data) {
      gaps.push({ x1: x(Math.max(0, r.from - 1)), x2: x(Math.min(series.length - 1, r.to + 1)), y: base });
      continue;
    }
    const xy = series.slice(r.from, r.to + 1).map((c, k) => [x(r.from + k), y(c!)] as const);
    if (xy.length === 1) {
      dots.push({ x: xy[0]![0], y: xy[0]![1] });
      continue;
    }
    const points = xy.map(([px, py]) => `${px},${py}`).join(" ");
    lines.push({ points, area: `${points} ${xy.at(-1)![0]},${base} ${xy[0]![0]},${base}` });
  }
  const last = series.length - 1;
  return { width, height, lines, dots, gaps, lastX: x(last), lastY: y(series[last] ?? 0) };
}

/** The topic page's bars: one a week, bottoms on the baseline at `height`; a band for each gap. */
function bars(series: Series, max: number): TopicTrend["chart"] {
  const { step, bar, height } = BARS;
  const list: TrendBar[] = series.flatMap((c, i) => {
    if (!c) return [];
    const h = Math.max(1.5, round1((c / max) * (height - 4)));
    return [{ x: i * step + (step - bar) / 2, y: round1(height - h), width: bar, height: h }];
  });
  const gaps = runs(series)
    .filter((r) => !r.data)
    .map((r) => ({ x: r.from * step, width: (r.to - r.from + 1) * step }));
  return { width: series.length * step, height, bars: list, gaps };
}

/** `days`: how many days of each week have a dated digest (the first and newest may have fewer than 7). */
function topicTrend(name: string, series: Series, weeks: Week[], days: number[]): TopicTrend {
  const known = series.filter((c) => c !== null);
  const max = Math.max(1, ...known);
  const latest = series.at(-1) ?? 0;
  const gaps = series.length - known.length;
  const without = gaps ? ` (${gaps} without digests)` : "";
  return {
    title: `${name}: papers a week`,
    text: `${plural(weeks.length, "week")}${without}, ${Math.min(...known)} to ${Math.max(...known)} papers a week, ${latest} this week`,
    span: `weeks of ${formatDate(weeks[0]!.start)} to ${formatDate(weeks.at(-1)!.start)}`,
    latest,
    max,
    spark: spark(series, max),
    chart: bars(series, max),
    rows: weeks.map((w, i) => ({
      week: w.key,
      start: formatDate(w.start),
      days: days[i] ?? 0,
      count: series[i] ?? null,
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
  const days = counts.dates.length + counts.older.length;
  const so = days ? `${plural(days, "day")} of digests` : "no dated digests";
  return `Not enough history yet for trends: ${so} so far.`;
}

/** The days of digests older than the window, in words: "1 day (Mar 7, 2016)". */
function olderDays(older: string[]): string {
  const span =
    older.length === 1 ? formatDate(older[0]!) : `${formatDate(older[0]!)} to ${formatDate(older.at(-1)!)}`;
  return `${plural(older.length, "day")} of digests (${span})`;
}

function about(counts: WeeklyCounts, withData: number): string {
  const { weeks, undated, older } = counts;
  const left = [
    older.length
      ? ` Charts show at most the newest ${WINDOW_WEEKS} weeks: ${olderDays(older)} before them ${older.length === 1 ? "is" : "are"} left out.`
      : "",
    undated ? ` ${plural(undated, "undated digest")} ${undated === 1 ? "is" : "are"} left out.` : "",
  ].join("");
  if (withData < 2) return left.trim();
  const gaps = weeks.length - withData;
  const shown = gaps
    ? ` ${gaps === 1 ? "One week has" : `${gaps} weeks have`} no digest: a gap, where the line breaks and the bars give way to a shaded band.`
    : "";
  return (
    `Papers a week over ${weeks.length} ISO weeks (Monday to Sunday), ${weekOf(weeks[0])} to ` +
    `${weekOf(weeks.at(-1))}.${shown} A paper counts once, in the week it first appeared, for each of its topics.` +
    left
  );
}

/** `covered`: which weeks have a dated digest. */
function basis(counts: WeeklyCounts, covered: boolean[]): string {
  const newest = counts.weeks.at(-1);
  if (!newest) return "";
  const days = counts.dates.filter((d) => d >= newest.start).length;
  const earlier = covered.slice(0, -1).flatMap((c, i) => (c ? [i] : []));
  const n = baselineWeeks(earlier.length + 1);
  // the weeks compared with are the newest n with digests: say so when a gap lies among them
  const skipped = n > 0 && covered.length - 1 - earlier.at(-n)! > n ? " with digests" : "";
  const before = n === 1 ? `the week${skipped} before` : `the ${NUMBER_WORDS[n] ?? n} weeks${skipped} before`;
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
  const days = counts.weeks.map((w) => counts.dates.filter((d) => isoWeek(d).key === w.key).length);
  const covered = days.map((n) => n > 0);
  const withData = covered.filter(Boolean).length;
  const ready = withData >= 2;
  const topics = new Map<string, TopicTrend>();
  if (ready)
    for (const [slug, series] of counts.counts)
      topics.set(slug, topicTrend(names.get(slug) ?? slug, series, counts.weeks, days));
  const risers = new Map([...counts.counts].filter(([slug]) => !exclude.includes(slug)));
  const view: TrendsView = {
    ready,
    notice: ready ? "" : notice(counts),
    about: about(counts, withData),
    first: weekOf(counts.weeks[0]),
    last: weekOf(counts.weeks.at(-1)),
    basis: ready ? basis(counts, covered) : "",
    rising: ready ? risingViews({ ...counts, counts: risers }, names) : [],
  };
  return { view, topics };
}

/** Trends from the digests and the papers' topics (a paper with none counts as Uncategorized). */
export function siteTrends(
  digests: DatedDigest[],
  papers: { id: string; topics: readonly Pick<TopicTag, "slug">[] }[],
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

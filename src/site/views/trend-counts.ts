// Owns trends as numbers: papers per ISO week per topic over a recent window, and the topics rising
// in the newest week. Pure: dates come from the digests, never from a clock.
//
// What counts: a paper counts once, in the ISO week (Monday to Sunday) of the first dated digest it
// appears in (its arrival), once for each topic it has. Later appearances do not count again.
// Undated digests are left out. The window is at most the newest WINDOW_WEEKS weeks, ending with the
// week of the newest dated digest and starting with the first of them that has one; older digests
// are left out, so one old dump does not stretch every chart over years. In the window, a week
// without any dated digest is a gap (null), not a week of 0 papers.

/** How many weeks the charts cover at most. */
export const WINDOW_WEEKS = 26;

const DAY = 86_400_000;

export interface Week {
  /** the ISO week: "2025-W09" */
  key: string;
  /** its Monday, YYYY-MM-DD */
  start: string;
}

export interface WeeklyCounts {
  /** every week of the window, oldest first, the newest dated digest's last */
  weeks: Week[];
  /** topic slug → papers that arrived in each week (aligned with `weeks`); null: no digest that week */
  counts: Map<string, (number | null)[]>;
  /** the distinct days in the window that have a dated digest, oldest first */
  dates: string[];
  /** digests without a date, left out */
  undated: number;
  /** the distinct days with a dated digest before the window, left out, oldest first */
  older: string[];
}

/** The digest fields trends read. */
export interface DatedDigest {
  date?: string | undefined;
  paperIds: string[];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The ISO week of a YYYY-MM-DD date: its year is the year of that week's Thursday. */
export function isoWeek(date: string): Week {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return { key: `${year}-W${String(week).padStart(2, "0")}`, start: iso(monday) };
}

/** Each paper's arrival: the earliest date of a dated digest that lists it. */
export function arrivals(digests: DatedDigest[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const d of digests) {
    if (!d.date) continue;
    for (const id of d.paperIds) {
      const seen = first.get(id);
      if (seen === undefined || d.date < seen) first.set(id, d.date);
    }
  }
  return first;
}

/** Every week from the one holding `from` to the one holding `to`, both YYYY-MM-DD. */
export function weeksBetween(from: string, to: string): Week[] {
  const weeks: Week[] = [];
  const last = Date.parse(`${isoWeek(to).start}T00:00:00Z`);
  for (let ms = Date.parse(`${isoWeek(from).start}T00:00:00Z`); ms <= last; ms += 7 * DAY)
    weeks.push(isoWeek(iso(ms)));
  return weeks;
}

/**
 * Papers per week per topic over the window (`WINDOW_WEEKS`). `topicsOf` gives a paper's topic
 * slugs; `slugs` are the topics to count, each with a series even when it has no paper.
 */
export function weeklyCounts(
  digests: DatedDigest[],
  topicsOf: (id: string) => readonly string[],
  slugs: readonly string[],
  windowWeeks = WINDOW_WEEKS,
): WeeklyCounts {
  const all = [...new Set(digests.flatMap((d) => (d.date ? [d.date] : [])))].sort();
  const undated = digests.filter((d) => !d.date).length;
  // the newest `windowWeeks` weeks, starting at the first of them that has a digest
  const newest = all.length ? Date.parse(`${isoWeek(all.at(-1)!).start}T00:00:00Z`) : 0;
  const limit = iso(newest - (windowWeeks - 1) * 7 * DAY);
  const dates = all.filter((d) => isoWeek(d).start >= limit);
  const older = all.slice(0, all.length - dates.length);
  const weeks = dates.length ? weeksBetween(dates[0]!, dates.at(-1)!) : [];
  const index = new Map(weeks.map((w, i) => [w.key, i]));
  const covered = new Set(dates.map((d) => isoWeek(d).key));
  const empty = weeks.map((w) => (covered.has(w.key) ? 0 : null));
  const counts = new Map(slugs.map((s) => [s, [...empty]]));
  for (const [id, date] of arrivals(digests)) {
    const i = index.get(isoWeek(date).key);
    if (i === undefined) continue; // arrived before the window
    for (const slug of new Set(topicsOf(id))) {
      const series = counts.get(slug);
      if (series) series[i]! += 1;
    }
  }
  return { weeks, counts, dates, undated, older };
}

export interface Rise {
  slug: string;
  /** papers in the newest week */
  now: number;
  /** mean papers a week over the weeks with digests before it (up to `window`) */
  before: number;
  /** (now − before) / before; Infinity when none came before */
  change: number;
}

export interface RiseOptions {
  /** how many weeks with digests before the newest one make the baseline */
  window: number;
  /** fewer papers than this in the newest week is too few to call rising */
  min: number;
  /** the least relative rise over the mean that counts: 0.1 is 10% more */
  minChange: number;
  /** how many topics to name */
  top: number;
}

export const RISE: RiseOptions = { window: 4, min: 3, minChange: 0.1, top: 5 };

/**
 * The topics rising most in the newest week against the mean of the weeks with digests before it
 * (up to `window` of them; gaps are skipped): at least `min` papers, and at least `minChange` above
 * that mean. Biggest relative change first (a topic with none before first of all), then most
 * papers, then slug. Needs two weeks with digests.
 */
export function rising(counts: Map<string, (number | null)[]>, opts: RiseOptions = RISE): Rise[] {
  const rises: Rise[] = [];
  for (const [slug, series] of counts) {
    const now = series.at(-1);
    const base = series
      .slice(0, -1)
      .filter((c) => c !== null)
      .slice(-opts.window);
    if (now === null || now === undefined || !base.length) continue;
    const before = base.reduce((a, b) => a + b, 0) / base.length;
    const change = before > 0 ? (now - before) / before : Infinity;
    if (now < opts.min || change < opts.minChange) continue;
    rises.push({ slug, now, before, change });
  }
  rises.sort(
    (a, b) =>
      (b.change === a.change ? 0 : b.change > a.change ? 1 : -1) ||
      b.now - a.now ||
      a.slug.localeCompare(b.slug),
  );
  return rises.slice(0, opts.top);
}

/** How many weeks `rising` compares the newest week with, of `withData` weeks that have digests. */
export function baselineWeeks(withData: number, opts: RiseOptions = RISE): number {
  return Math.max(0, Math.min(opts.window, withData - 1));
}

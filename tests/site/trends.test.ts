import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli, tempDir } from "../helpers.ts";
import { syntheticDump } from "../bench/synthetic.ts";
import { brokenLinks, validateHtml } from "./check-site.ts";
import { trendProject } from "./trend-site.ts";
import { isoWeek, rising, weeklyCounts, weeksBetween } from "../../src/site/views/trend-counts.ts";

// ---- the counting rules, on small inputs ----

test("ISO weeks: Monday to Sunday, the year of the week's Thursday", () => {
  assert.deepEqual(isoWeek("2025-01-01"), { key: "2025-W01", start: "2024-12-30" });
  assert.deepEqual(isoWeek("2024-12-29"), { key: "2024-W52", start: "2024-12-23" });
  assert.deepEqual(isoWeek("2021-01-03"), { key: "2020-W53", start: "2020-12-28" });
  assert.deepEqual(isoWeek("2026-01-01"), { key: "2026-W01", start: "2025-12-29" });
  assert.deepEqual(isoWeek("2025-03-02"), { key: "2025-W09", start: "2025-02-24" });
  assert.deepEqual(
    weeksBetween("2020-12-20", "2021-01-12").map((w) => w.key),
    ["2020-W51", "2020-W52", "2020-W53", "2021-W01", "2021-W02"],
  );
});

test("a paper counts once, in the week of its first dated digest, for each topic; undated digests are left out", () => {
  const topics: Record<string, string[]> = { a: ["x"], b: ["x", "y"], c: ["y"], d: ["x"] };
  const counts = weeklyCounts(
    [
      { date: "2025-01-20", paperIds: ["b"] }, // listed out of order: arrival is the earliest date
      { date: "2025-01-06", paperIds: ["a", "b"] },
      { paperIds: ["c", "d"] }, // undated: c and d are left out here
      { date: "2025-01-22", paperIds: ["a", "d"] }, // a again: no second count; d arrives
    ],
    (id) => topics[id] ?? [],
    ["x", "y", "z"],
  );
  assert.deepEqual(
    counts.weeks.map((w) => w.key),
    ["2025-W02", "2025-W03", "2025-W04"],
  );
  // 2025-W03 has no digest: a gap (null), not a week of no papers
  assert.deepEqual(Object.fromEntries(counts.counts), {
    x: [2, null, 1],
    y: [1, null, 0],
    z: [0, null, 0],
  });
  assert.deepEqual(counts.dates, ["2025-01-06", "2025-01-20", "2025-01-22"]);
  assert.equal(counts.undated, 1);
  assert.deepEqual(counts.older, []);
});

test("the window: at most the newest 26 weeks, from the first of them with a digest; older digests are left out", () => {
  const topics: Record<string, string[]> = { old: ["x"], both: ["x"], a: ["x"], b: ["x"] };
  const counts = weeklyCounts(
    [
      { date: "2016-03-07", paperIds: ["old", "both"] },
      { date: "2026-01-06", paperIds: ["both", "a"] }, // `both` arrived in 2016: not counted again
      { date: "2026-01-27", paperIds: ["b"] },
    ],
    (id) => topics[id] ?? [],
    ["x"],
  );
  assert.deepEqual(
    counts.weeks.map((w) => w.key),
    ["2026-W02", "2026-W03", "2026-W04", "2026-W05"],
  );
  assert.deepEqual(counts.counts.get("x"), [1, null, null, 1]);
  assert.deepEqual(counts.older, ["2016-03-07"]);
  // 30 weeks of weekly digests: the first four fall before the window
  const weekly = Array.from({ length: 30 }, (_, i) => ({
    date: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10),
    paperIds: [`p${i}`],
  }));
  const long = weeklyCounts(weekly, () => ["x"], ["x"]);
  assert.equal(long.weeks.length, 26);
  assert.equal(long.weeks[0]!.start, "2025-02-03");
  assert.deepEqual(long.older, ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"]);
  assert.deepEqual(long.counts.get("x"), Array(26).fill(1));
});

test("rising: at least 3 papers and 10% over the mean of up to four weeks before; none before ranks first", () => {
  const rises = rising(
    new Map([
      ["steady", [10, 10, 10, 10, 10, 10]],
      ["slight", [20, 20, 20, 20, 20, 21]], // +5%: not rising
      ["double", [99, 5, 5, 6, 6, 11]], // the week of 99 is outside the window of four
      ["few", [0, 0, 0, 0, 1, 2]],
      ["fresh", [0, 0, 0, 0, 0, 3]],
      ["up", [4, 4, 4, 4, 4, 5]],
    ]),
  );
  assert.deepEqual(
    rises.map((r) => [r.slug, r.now, r.before, Math.round(r.change * 100)]),
    [
      ["fresh", 3, 0, Infinity],
      ["double", 11, 5.5, 100],
      ["up", 5, 4, 25],
    ],
  );
  assert.deepEqual(rising(new Map([["one week", [40]]])), []);
  // weeks without digests are skipped: the baseline is the four weeks with digests before
  const gapped = rising(new Map([["gap", [5, 5, null, null, 5, 5, null, 10]]]));
  assert.deepEqual(
    gapped.map((r) => [r.now, r.before]),
    [[10, 5]],
  );
  assert.deepEqual(rising(new Map([["only gaps before", [null, null, 9]]])), []);
});

// ---- a site of 60 days of dumps: what the pages say against counts made here from `list --json` ----

const DAYS = 60;
let out = "";
let records: { slug: string; topics: { slug: string }[]; digests: { date?: string }[] }[] = [];

before(async () => {
  const dir = tempDir({ after: (fn) => process.on("exit", fn) });
  const root = trendProject(path.join(dir, "project"), DAYS);
  out = path.join(dir, "site");
  const built = await runCli(["build", "--out", out], root);
  assert.equal(built.code, 0, built.stderr);
  const listed = await runCli(["list", "--json"], root);
  assert.equal(listed.code, 0, listed.stderr);
  records = JSON.parse(listed.stdout);
});

const page = (p: string) => readFileSync(path.join(out, p), "utf8");

/** The ISO week of a date, worked out here: shift to the Thursday, count its weeks in its year. */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (4 - (d.getUTCDay() || 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const ordinal = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return `${year}-W${String(Math.ceil(ordinal / 7)).padStart(2, "0")}`;
}

// 2025-01-01 (a Wednesday) to 2025-03-01 (a Saturday)
const WEEKS = Array.from({ length: 9 }, (_, i) => `2025-W0${i + 1}`);

/** topic → week → papers that arrived that week, from the records alone. */
function expected(): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const r of records) {
    const dates = r.digests.flatMap((d) => (d.date ? [d.date] : [])).sort();
    const week = weekOf(dates[0]!);
    const slugs = r.topics.length ? r.topics.map((t) => t.slug) : ["uncategorized"];
    for (const slug of new Set(slugs)) {
      const weeks = counts.get(slug) ?? counts.set(slug, new Map()).get(slug)!;
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
  }
  return counts;
}

const series = (weeks: Map<string, number> | undefined) => WEEKS.map((w) => weeks?.get(w) ?? 0);

test("the synthetic archive lists papers again on later days, so arrivals and appearances differ", () => {
  assert.equal(records.length, 50 + (DAYS - 1) * 40);
  assert.ok(records.filter((r) => r.digests.length > 1).length >= (DAYS - 1) * 10);
  assert.deepEqual([...new Set(records.map((r) => weekOf(r.digests[0]!.date!)))].sort(), WEEKS);
});

test("each topic page's table of papers a week matches the counts made from list --json", () => {
  const counts = expected();
  assert.ok(counts.size >= 10, String(counts.size));
  for (const [slug, weeks] of counts) {
    const html = page(`topics/${slug}/index.html`);
    const rows = [
      ...html.matchAll(/<tr><td>(\d{4}-W\d\d)<\/td><td>[^<]+<\/td><td>(\d)<\/td><td>(\d+)<\/td><\/tr>/g),
    ];
    assert.deepEqual(
      rows.map((m) => m[1]),
      WEEKS,
      slug,
    );
    assert.deepEqual(
      rows.map((m) => Number(m[3])),
      series(weeks),
      slug,
    );
    // Jan 1 is a Wednesday and Mar 1 a Saturday: the first week has 5 days of digests, the newest 6
    assert.deepEqual(
      rows.map((m) => Number(m[2])),
      [5, 7, 7, 7, 7, 7, 7, 7, 6],
    );
    assert.match(html, /<svg class="trend-bars"[^>]* role="img" aria-labelledby="trend-title trend-desc">/);
    assert.match(
      html,
      /<div class="trend-x" aria-hidden="true"><span>week of Dec 30, 2024<\/span><span>week of Feb 24, 2025<\/span>/,
    );
    assert.doesNotMatch(html, /Not enough history/);
  }
  const second = page("topics/state-space-models/page/2/index.html");
  assert.doesNotMatch(second, /trend-bars|trend-table/);
});

test("each sparkline on /topics/ says its weeks, lowest and highest week and this week's papers", () => {
  const html = page("topics/index.html");
  const counts = expected();
  const descs = new Map(
    [...html.matchAll(/<desc id="spark-([a-z-]+)-desc">([^<]*)<\/desc>/g)].map((m) => [m[1]!, m[2]!]),
  );
  assert.deepEqual([...descs.keys()].sort(), [...counts.keys()].sort());
  for (const [slug, weeks] of counts) {
    const s = series(weeks);
    assert.equal(
      descs.get(slug),
      `9 weeks, ${Math.min(...s)} to ${Math.max(...s)} papers a week, ${s.at(-1)} this week ` +
        `(weeks of Dec 30, 2024 to Feb 24, 2025).`,
    );
  }
  assert.match(html, /Papers a week over 9 ISO weeks \(Monday to Sunday\)/);
});

test("the home page names the topics rising in the newest week against the four weeks before, with their numbers", () => {
  const counts = expected();
  const want = [...counts]
    .filter(([slug]) => slug !== "uncategorized")
    .map(([slug, weeks]) => {
      const s = series(weeks);
      const now = s.at(-1)!;
      const mean = s.slice(-5, -1).reduce((a, b) => a + b, 0) / 4;
      return { slug, now, mean, change: mean ? (now - mean) / mean : Infinity };
    })
    .filter((r) => r.now >= 3 && r.change >= 0.1)
    .sort((a, b) => b.change - a.change || b.now - a.now || a.slug.localeCompare(b.slug))
    .slice(0, 5)
    .map(({ slug, now, mean, change }) => [
      slug,
      `${now} this week, ${Math.round(mean * 10) / 10} a week before (+${Math.round(change * 100)}%)`,
    ]);
  const html = page("index.html");
  const list = html.match(/<ol class="rising">([\s\S]*?)<\/ol>/)?.[1] ?? "";
  const got = [...list.matchAll(/<a href="\/topics\/([a-z-]+)\/">[^<]+<\/a>: ([^\n<]+)/g)].map((m) => [
    m[1],
    m[2]!.trim(),
  ]);
  assert.ok(want.length > 0, "the synthetic archive has a rising topic");
  assert.deepEqual(got, want);
  assert.match(html, /Week of Feb 24, 2025 \(6 days of digests\) against the mean of the four weeks before/);
});

test("the 60-day site: html-validate finds nothing on the home and topic pages, and every link resolves", async () => {
  assert.deepEqual(await validateHtml(out, (p) => p === "index.html" || p.startsWith("topics/")), []);
  assert.deepEqual(brokenLinks(out), []);
});

// ---- too little history: words, not an empty chart ----

test("one dump: home, /topics/ and topic pages say there is not enough history, and draw no trend chart", async (t) => {
  const site = path.join(tempDir(t), "site");
  assert.equal((await runCli(["build", "--out", site])).code, 0);
  for (const p of ["index.html", "topics/index.html", "topics/state-space-models/index.html"]) {
    const html = readFileSync(path.join(site, p), "utf8");
    assert.match(html, /Not enough history yet for trends: 1 day of digests so far\./, p);
    assert.doesNotMatch(html, /spark-line|trend-bars|class="rising"/, p);
  }
});

test("undated digests are left out of trends, and the pages say so", async (t) => {
  const dir = tempDir(t);
  const feeds = [
    ["2025-01-06-trending.txt", syntheticDump(12, 1, "Jan 6")],
    ["2025-01-14-trending.txt", syntheticDump(12, 2, "Jan 14")],
    ["undated.txt", syntheticDump(12, 3, "Feb 3")],
  ].map(([name, text]) => {
    writeFileSync(path.join(dir, name!), text!);
    return path.join(dir, name!);
  });
  const site = path.join(dir, "site");
  const r = await runCli(["build", ...feeds, "--out", site]);
  assert.equal(r.code, 0, r.stderr);
  const topics = readFileSync(path.join(site, "topics/index.html"), "utf8");
  assert.match(topics, /Papers a week over 2 ISO weeks[^<]*1 undated digest is left out\./);
  assert.match(topics, /spark-line/);
});

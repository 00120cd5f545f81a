import assert from "node:assert/strict";
import { test } from "node:test";
import { siteTrends } from "../../../src/site/views/trend-views.ts";

const tags = (...slugs: string[]) => slugs.map((slug) => ({ slug }));
const TOPICS = [
  { slug: "speech", name: "Speech" },
  { slug: "vision", name: "Vision" },
  { slug: "uncategorized", name: "Uncategorized" },
];

// Jan 6 (2025-W02), nothing in W03, Jan 20 and 21 (W04), and an undated digest
const PAPERS = [
  { id: "p1", topics: tags("speech") },
  { id: "p2", topics: tags("speech", "vision") },
  { id: "p3", topics: [] },
  { id: "p4", topics: tags("speech") },
];
const DIGESTS = [
  { date: "2025-01-06", paperIds: ["p1", "p2"] },
  { date: "2025-01-20", paperIds: ["p3", "p1"] },
  { date: "2025-01-21", paperIds: ["p4"] },
  { paperIds: ["p4"] },
];

test("each topic's table: a paper once, in the week it first appeared; a week without a digest is a gap", () => {
  const { topics } = siteTrends(DIGESTS, PAPERS, TOPICS);
  const rows = (slug: string) => topics.get(slug)!.rows.map((r) => [r.week, r.days, r.count]);
  assert.deepEqual(rows("speech"), [
    ["2025-W02", 1, 2],
    ["2025-W03", 0, null],
    ["2025-W04", 2, 1],
  ]);
  assert.deepEqual(
    rows("vision").map((r) => r[2]),
    [1, null, 0],
    "a week with digests but no paper counts 0",
  );
  assert.deepEqual(
    rows("uncategorized").map((r) => r[2]),
    [0, null, 1],
    "a paper without topics is Uncategorized",
  );
  assert.equal(topics.get("speech")!.text, "3 weeks (1 without digests), 1 to 2 papers a week, 1 this week");
  assert.equal(topics.get("speech")!.span, "weeks of Jan 6, 2025 to Jan 20, 2025");
});

test("the charts break at a gap: no line across it, a band in the bars, no bar for a week of 0", () => {
  const speech = siteTrends(DIGESTS, PAPERS, TOPICS).topics.get("speech")!;
  assert.deepEqual(speech.spark.lines, [], "two lone weeks between a gap are dots, not a line");
  assert.equal(speech.spark.dots.length, 2);
  assert.deepEqual(speech.spark.gaps, [{ x1: 3, x2: 117, y: 29 }]);
  assert.deepEqual(speech.chart.gaps, [{ x: 10, width: 10 }]);
  assert.deepEqual(
    speech.chart.bars.map((b) => [b.x, b.height]),
    [
      [1, 96],
      [21, 48],
    ],
    "the busiest week is the full height, half as many papers half of it",
  );
  const vision = siteTrends(DIGESTS, PAPERS, TOPICS).topics.get("vision")!;
  assert.equal(vision.chart.bars.length, 1);
});

test("the site's trends say what they span and what they leave out", () => {
  const { view } = siteTrends(DIGESTS, PAPERS, TOPICS);
  assert.equal(view.ready, true);
  assert.deepEqual([view.first, view.last], ["week of Jan 6, 2025", "week of Jan 20, 2025"]);
  assert.match(view.about, /One week has no digest: a gap/);
  assert.match(view.about, /1 undated digest is left out\.$/);
});

test("one week of digests draws nothing and says so", () => {
  const { view, topics } = siteTrends(DIGESTS.slice(1), PAPERS, TOPICS);
  assert.equal(view.ready, false);
  assert.equal(topics.size, 0);
  assert.match(view.notice, /^Not enough history yet for trends/);
  assert.deepEqual(view.rising, []);
});

test("a rising topic is named with its numbers; Uncategorized never is", () => {
  const weeks = ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03"];
  const papers: { id: string; topics: { slug: string }[] }[] = [];
  const digests = weeks.map((date, w) => {
    // one speech paper a week, then 4; and 6 without a topic in the newest week
    const ids = Array.from({ length: w === 4 ? 10 : 1 }, (_, i) => `w${w}-${i}`);
    for (const [i, id] of ids.entries()) papers.push({ id, topics: w === 4 && i >= 4 ? [] : tags("speech") });
    return { date, paperIds: ids };
  });
  const { view } = siteTrends(digests, papers, TOPICS);
  assert.deepEqual(
    view.rising.map((r) => [r.slug, r.text]),
    [["speech", "4 this week, 1 a week before (+300%)"]],
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { placeInSeries, queryKey, seriesOf } from "../../src/feed/series.ts";
import type { Digest } from "../../src/feed/schema.ts";

test("trending lists (pasted pages, Hugging Face daily papers) are one series each and trending", () => {
  assert.deepEqual(seriesOf({ format: "text" }), { series: "text", trending: true });
  assert.deepEqual(seriesOf({ format: "hf-daily" }), { series: "hf-daily", trending: true });
});

test("an arXiv listing's series is its category; an API answer's its query; a feed's its home page", () => {
  assert.deepEqual(seriesOf({ format: "arxiv-listing", category: "cs.LG" }), {
    series: "arxiv-listing:cs.LG",
    trending: false,
  });
  const api = seriesOf({ format: "arxiv-api", query: "all:mamba" });
  assert.equal(api.trending, false);
  assert.equal(api.series, `arxiv-api:${queryKey({ query: "all:mamba" })}`);
  assert.match(api.series, /^arxiv-api:[0-9a-z]{6}$/);
  assert.equal(seriesOf({ format: "feed", source: "https://a.example/" }).trending, false);
});

test("two queries, two categories, two feeds are two series; the same one again is the same series", () => {
  const pairs = [
    [
      { format: "arxiv-api", query: "all:mamba" },
      { format: "arxiv-api", query: "all:lora" },
    ],
    [
      { format: "arxiv-listing", category: "cs.LG" },
      { format: "arxiv-listing", category: "cs.CL" },
    ],
    [
      { format: "feed", source: "https://a.example/" },
      { format: "feed", source: "https://b.example/" },
    ],
  ] as const;
  for (const [a, b] of pairs) {
    assert.notEqual(seriesOf(a).series, seriesOf(b).series);
    assert.equal(seriesOf(a).series, seriesOf({ ...a }).series);
  }
});

type Bare = Omit<Digest, "key" | "previous" | "dropped">;

function digest(file: string, fields: Partial<Bare>): Bare {
  return {
    file,
    label: file,
    paperIds: [],
    updates: 0,
    updated: 0,
    series: "text",
    trending: true,
    ...fields,
  };
}

/** Each digest's URL key, by file, as the merge gives it. */
const digestKeys = (digests: Bare[]) => new Map(placeInSeries(digests).map((d) => [d.file, d.key]));

test("what dropped off: the previous digest of the same trending series, not of another series", () => {
  const placed = placeInSeries([
    digest("a.txt", { date: "2025-03-10", paperIds: ["p1", "p2", "p3"] }),
    digest("l.xml", { date: "2025-03-10", series: "arxiv-listing:cs.LG", trending: false, paperIds: ["x"] }),
    digest("b.txt", { date: "2025-03-11", paperIds: ["p2", "p4"] }),
    digest("m.xml", { date: "2025-03-11", series: "arxiv-listing:cs.LG", trending: false, paperIds: ["y"] }),
  ]);
  assert.deepEqual(
    placed.map((d) => [d.file, d.previous, d.dropped]),
    [
      ["a.txt", undefined, []],
      ["l.xml", undefined, []],
      ["b.txt", "a.txt", ["p1", "p3"]],
      ["m.xml", undefined, []],
    ],
  );
});

test("a digest's URL key is its date, with its series for any but pasted trending pages", () => {
  const keys = digestKeys([
    digest("a.txt", { date: "2025-03-14" }),
    digest("b.json", { date: "2025-03-14", series: "hf-daily" }),
    digest("c.xml", { date: "2025-03-14", series: "arxiv-listing:cs.CL", trending: false }),
    digest("d.xml", { date: "2025-03-14", series: "arxiv-api:7175dc", trending: false }),
  ]);
  assert.deepEqual(Object.fromEntries(keys), {
    "a.txt": "2025-03-14",
    "b.json": "2025-03-14-hf-daily",
    "c.xml": "2025-03-14-arxiv-listing-cs-cl",
    "d.xml": "2025-03-14-arxiv-api-7175dc",
  });
});

test("an undated digest is keyed by its label; two of one label get a counter", () => {
  const keys = digestKeys([
    digest("x.txt", { label: "Trending — week of March 3" }),
    digest("y.txt", { label: "Trending — week of March 3" }),
    digest("z.txt", { label: "Trending — week of March 3" }),
  ]);
  assert.deepEqual(
    [...keys.values()],
    ["trending-week-of-march-3", "trending-week-of-march-3-2", "trending-week-of-march-3-3"],
  );
});

test("a dated digest's key does not depend on the other dumps of its day or their order", () => {
  const hf = digest("b.json", { date: "2025-03-14", series: "hf-daily" });
  const others = [
    digest("a.txt", { date: "2025-03-14" }),
    digest("c.xml", { date: "2025-03-14", series: "arxiv-listing:cs.LG", trending: false }),
    digest("e.txt", { date: "2025-03-15" }),
  ];
  fc.assert(
    fc.property(fc.subarray(others), fc.nat(3), (some, at) => {
      const list = [...some];
      list.splice(Math.min(at, list.length), 0, hf);
      assert.equal(digestKeys(list).get("b.json"), "2025-03-14-hf-daily");
    }),
  );
});

test("keys are unique, whatever the labels", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 12 }), (labels) => {
      const keys = digestKeys(labels.map((label, i) => digest(`f${i}`, { label })));
      assert.equal(new Set(keys.values()).size, labels.length);
    }),
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { digestKeys } from "../../src/site/digests.ts";
import type { Digest } from "../../src/feed/schema.ts";

function digest(file: string, fields: Partial<Digest>): Digest {
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

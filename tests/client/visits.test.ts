import assert from "node:assert/strict";
import { test } from "node:test";
import { visitNews } from "../../src/client/visits.ts";

// per-day counts as the home page carries them
const ARRIVALS = JSON.stringify({ "2025-03-10": 7, "2025-03-11": 5, "2025-03-14": 12 });

test("the first visit marks nothing and remembers the newest digest", () => {
  assert.deepEqual(visitNews("", "2025-03-14", ARRIVALS), { count: 0, keep: "2025-03-14" });
});

test("a later visit after new digests marks what arrived since, counted over every day since", () => {
  assert.deepEqual(visitNews("2025-03-10", "2025-03-14", ARRIVALS), {
    since: "2025-03-10",
    count: 17,
    keep: "2025-03-14",
  });
  assert.deepEqual(visitNews("2025-03-11", "2025-03-14", ARRIVALS).count, 12);
});

test("a visit with no new digest marks nothing and keeps the date", () => {
  assert.deepEqual(visitNews("2025-03-14", "2025-03-14", ARRIVALS), { count: 0 });
  // a site rebuilt from fewer dumps: the reader's newer date stays
  assert.deepEqual(visitNews("2025-03-20", "2025-03-14", ARRIVALS), { count: 0 });
});

test("a kept value that is not a date counts as a first visit", () => {
  assert.deepEqual(visitNews("yesterday", "2025-03-14", ARRIVALS), { count: 0, keep: "2025-03-14" });
});

test("a page without a valid newest date does nothing and keeps nothing", () => {
  assert.deepEqual(visitNews("2025-03-10", "", ARRIVALS), { count: 0 });
  assert.deepEqual(visitNews("2025-03-10", "14 March", ARRIVALS), { count: 0 });
});

test("broken per-day counts mark the papers but count none, without throwing", () => {
  for (const bad of [undefined, "{", "null", "[3]", JSON.stringify({ "2025-03-14": "12" })])
    assert.deepEqual(visitNews("2025-03-10", "2025-03-14", bad), {
      since: "2025-03-10",
      count: 0,
      keep: "2025-03-14",
    });
});

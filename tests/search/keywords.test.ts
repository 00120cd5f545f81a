import { test, before } from "node:test";
import assert from "node:assert/strict";
import { bothEngines, realSearch } from "./fixture.ts";

// Hugging Face's ai_keywords are searched in a field of their own, `keywords`, weighted ×3
const FEEDS = [
  "content/feeds/2025-03-11-trending.txt",
  "tests/fixtures/feeds/hf-daily-ai-summary-2026-03-23.json",
];
const AGENTS = "Effective Strategies for Asynchronous Software Engineering Agents";

let s: Awaited<ReturnType<typeof realSearch>>;
before(async () => {
  s = await realSearch(FEEDS);
});

const titles = async (q: string) => (await s.searcher.search(q)).hits.map((h) => h.title);

test("a word only in a paper's AI keywords finds it, plainly and as keywords:", async () => {
  const doc = s.docs.find((d) => (d.shownTitle ?? d.title) === AGENTS)!;
  assert.doesNotMatch(`${doc.title} ${doc.abstract}`, /collaborat/i, "the word is in no other field");
  assert.deepEqual(await titles("collaboration"), [AGENTS]);
  assert.deepEqual(await titles("keywords:collaboration"), [AGENTS]);
  assert.deepEqual(await titles("title:collaboration"), []);
});

test("the keywords field keeps lunr's scores: same matches, scores and order as a real lunr index", async () => {
  for (const q of [
    "collaboration",
    "keywords:router",
    "router throughput",
    "+keywords:load balancing",
    "agents",
  ]) {
    const { ours, theirs } = await bothEngines(s, q);
    assert.ok(ours.length > 0, q);
    assert.deepEqual(ours, theirs, q);
  }
});

import { test, before } from "node:test";
import assert from "node:assert/strict";
import lunr from "lunr";
import { loadContent } from "../../src/site/pipeline.ts";
import { enrich, searchDocs } from "../../src/site/enrich.ts";
import { top } from "../../src/search/engine.ts";
import type { SearchDoc } from "../../src/search/build-index.ts";
import { ROOT } from "../helpers.ts";
import { referenceLunr, searcherFor } from "./fixture.ts";

// Hugging Face's ai_keywords are searched in a field of their own, `keywords`, weighted ×3
const FEEDS = [
  "content/feeds/2025-03-11-trending.txt",
  "tests/fixtures/feeds/hf-daily-ai-summary-2026-03-23.json",
];
const AGENTS = "Effective Strategies for Asynchronous Software Engineering Agents";

let s: ReturnType<typeof searcherFor> & { docs: SearchDoc[]; reference: ReturnType<typeof referenceLunr> };
before(async () => {
  const content = await loadContent({ root: ROOT, feeds: FEEDS });
  const docs = searchDocs(await enrich(content.papers, { thread: false }));
  s = { ...searcherFor(docs), docs, reference: referenceLunr(docs) };
});

const titles = async (q: string) => (await s.searcher.search(q)).hits.map((h) => h.title);

test("a word only in a paper's AI keywords finds it, plainly and as keywords:", async () => {
  const doc = s.docs.find((d) => d.shownTitle === AGENTS)!;
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
    const query = new lunr.Query(s.searcher.index.fields);
    new lunr.QueryParser(q, query).parse();
    const all = await s.searcher.index.query(query.clauses);
    const ours = top(all, all.docs.length).map((r) => [s.docs[r.doc]!.slug, r.score.toFixed(9)]);
    const theirs = s.reference.search(q).map((r) => [r.ref, r.score.toFixed(9)]);
    assert.ok(ours.length > 0, q);
    assert.deepEqual(ours, theirs, q);
  }
});

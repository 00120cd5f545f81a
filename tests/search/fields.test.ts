import { test, before } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/site/pipeline.ts";
import { enrich, searchDocs } from "../../src/site/enrich.ts";
import { ROOT } from "../helpers.ts";
import type { SearchDoc } from "../../src/search/build-index.ts";
import { bothEngines, referenceLunr, searcherFor } from "./fixture.ts";

const FEEDS = [
  "content/feeds/2025-03-11-trending.txt",
  "tests/fixtures/feeds/hf-daily-papers-2025-03-14.json",
  "tests/fixtures/feeds/arxiv-api-query.atom.xml",
  "tests/fixtures/feeds/arxiv-listing-cs.LG.rss.xml",
];

let s: ReturnType<typeof searcherFor> & { docs: SearchDoc[]; reference: ReturnType<typeof referenceLunr> };
before(async () => {
  const content = await loadContent({ root: ROOT, feeds: FEEDS });
  assert.deepEqual(
    content.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
  const docs = searchDocs(await enrich(content.papers, { thread: false }));
  s = { ...searcherFor(docs), docs, reference: referenceLunr(docs) };
});

const titles = async (q: string) => (await s.searcher.search(q)).hits.map((h) => h.title);

test("author:gu and a plain author name find the papers of that author", async () => {
  const byField = await titles("author:gu");
  assert.ok(
    byField.includes("Efficiently Modeling Long Sequences with Structured State Spaces"),
    byField.join("\n"),
  );
  assert.ok(byField.every((t) => !t.startsWith("LongWriter")));
  assert.equal(
    (await titles("+author:albert +author:gu"))[0],
    "Efficiently Modeling Long Sequences with Structured State Spaces",
  );
  assert.ok((await titles("behrouz")).includes("Titans: Learning to Memorize at Test Time"));
});

test("an arXiv id finds its paper first, in any of the forms people paste", async () => {
  for (const q of [
    "2111.00396",
    "arXiv:2111.00396",
    "arXiv:2111.00396v3",
    "https://arxiv.org/abs/2111.00396v2",
  ]) {
    assert.equal((await titles(q))[0], "Efficiently Modeling Long Sequences with Structured State Spaces", q);
  }
});

test("the author and id fields keep lunr's scores: same matches, scores and order as a real lunr index", async () => {
  for (const q of ["author:gu", "gu", "2111.00396", "author:zhang long", "id:2501.00663 author:behrouz"]) {
    const { ours, theirs } = await bothEngines(s, q);
    assert.ok(ours.length > 0, q);
    assert.deepEqual(ours, theirs, q);
  }
});

test("results show the authors, short", async () => {
  const hit = (await s.searcher.search("longwriter")).hits[0]!;
  assert.equal(hit.byline, "Yushi Bai, Jiajie Zhang, Xin Lv et al.");
});

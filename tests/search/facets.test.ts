import assert from "node:assert/strict";
import { test } from "node:test";
import { facetCounts, topicFilter } from "../../src/search/facets.ts";
import type { Meta } from "../../src/search/format.ts";
import { topicMasks, type SearchDoc } from "../../src/search/build-index.ts";

// four topics; docTopics[d] has bit i when document d has topic i
const META: Meta = {
  topics: [
    ["speech", "Speech"],
    ["vision", "Vision"],
    ["audio", "Audio"],
    ["robotics", "Robotics"],
  ],
  docTopics: [0b0001, 0b0011, 0b0110, 0b0100, 0b0000],
};

test("facets count each topic over the matched documents only, most first, ties by name", () => {
  assert.deepEqual(facetCounts(META, [0, 1, 2, 3]), [
    { slug: "audio", name: "Audio", count: 2 },
    { slug: "speech", name: "Speech", count: 2 },
    { slug: "vision", name: "Vision", count: 2 },
  ]);
  assert.deepEqual(facetCounts(META, [2, 3]), [
    { slug: "audio", name: "Audio", count: 2 },
    { slug: "vision", name: "Vision", count: 1 },
  ]);
});

test("a topic no match has is not offered; no matches, no facets", () => {
  assert.ok(!facetCounts(META, [0, 1, 2, 3, 4]).some((f) => f.slug === "robotics"));
  assert.deepEqual(facetCounts(META, [4]), []);
  assert.deepEqual(facetCounts(META, []), []);
});

test("the topic filter keeps the documents that have the topic; none given keeps all", () => {
  const docs = [0, 1, 2, 3, 4];
  assert.deepEqual(docs.filter(topicFilter(META, "vision")), [1, 2]);
  assert.deepEqual(docs.filter(topicFilter(META, "speech")), [0, 1]);
  assert.deepEqual(docs.filter(topicFilter(META, undefined)), docs);
  assert.deepEqual(docs.filter(topicFilter(META, "")), docs);
  assert.deepEqual(docs.filter(topicFilter(META, "no-such-topic")), [], "an unknown topic keeps nothing");
});

test("the facets' counts agree with the filter", () => {
  const matched = [0, 1, 2, 3, 4];
  for (const f of facetCounts(META, matched))
    assert.equal(matched.filter(topicFilter(META, f.slug)).length, f.count);
});

test("a site with more than 31 topics: each topic counts and filters its own documents", () => {
  // one document per topic, and one with the first and the last topic
  const topics = Array.from({ length: 70 }, (_, i) => ({
    slug: `t${i}`,
    name: `Topic ${String(i).padStart(2, "0")}`,
  }));
  const docs = [...topics.map((t) => [t]), [topics[0]!, topics[69]!]].map((ts, i) => searchDoc(`d${i}`, ts));
  const meta = topicMasks(docs);
  const all = docs.map((_, i) => i);
  for (const [i, t] of topics.entries()) {
    const expected = i === 0 || i === 69 ? [i, 70] : [i];
    assert.deepEqual(all.filter(topicFilter(meta, t.slug)), expected, t.slug);
    assert.deepEqual(facetCounts(meta, [i]), [{ slug: t.slug, name: t.name, count: 1 }]);
  }
  assert.deepEqual(
    facetCounts(meta, [70]).map((f) => f.slug),
    ["t0", "t69"],
  );
});

test("up to 31 topics, a document's topics are one number, as before", () => {
  const topics = Array.from({ length: 31 }, (_, i) => ({ slug: `t${i}`, name: `T${i}` }));
  // topics are numbered in order of first use: here t0 is 0, t30 is 30
  const meta = topicMasks([searchDoc("a", topics), searchDoc("b", [topics[30]!]), searchDoc("c", [])]);
  assert.deepEqual(meta.docTopics, [2 ** 31 - 1, 2 ** 30, 0]);
});

function searchDoc(slug: string, topics: { slug: string; name: string }[]): SearchDoc {
  return {
    slug,
    title: slug,
    shownTitle: slug,
    abstract: "",
    snippetText: "",
    topics,
    keywords: [],
    authors: [],
    byline: "",
    label: "",
  };
}

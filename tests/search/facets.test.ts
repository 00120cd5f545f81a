import assert from "node:assert/strict";
import { test } from "node:test";
import { facetCounts, topicFilter } from "../../src/search/facets.ts";
import type { Meta } from "../../src/search/format.ts";

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

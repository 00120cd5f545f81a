import assert from "node:assert/strict";
import { test } from "node:test";
import { queryKey, seriesOf } from "../../src/feed/series.ts";

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

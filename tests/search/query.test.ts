import { test, before } from "node:test";
import assert from "node:assert/strict";
import { realSearch } from "./fixture.ts";
import { snippet, words } from "../../src/search/query.ts";

let s: Awaited<ReturnType<typeof realSearch>>;
before(async () => {
  s = await realSearch();
});

// What a reader would type, and the paper that must be in the top 3.
const QUERIES: [string, string][] = [
  ["super resolution", "Feature Modulation Transformer"],
  ["speech separation", "TIGER"],
  ["mamba time series", "Is Mamba Effective for Time Series Forecasting?"],
  ["structured state spaces", "Efficiently Modeling Long Sequences with Structured State Spaces"],
  ["long range arena", "Long Range Arena: A Benchmark for Efficient Transformers"],
  ["lora", "LongLoRA"],
  ["longlora", "LongLoRA"],
  ["quantization", "CBQ: Cross-Block Quantization"],
  ["speech enhancement", "FRCRN"],
  ["clinical", "Clinical-Longformer and Clinical-BigBird"],
  ["s4d", "On the Parameterization and Initialization of Diagonal State Space Models"],
  ["sequence parallelism", "Data-Centric and Heterogeneity-Adaptive Sequence Parallelism"],
  ["scene text recognition", "LISTER"],
  ["autoformer", "Autoformer"],
  ["active speaker detection", "LoCoNet"],
  ["memorization long tail", "Does Learning Require Memorization?"],
  ["10,000 word generation", "LongWriter"],
  ["needle in a haystack", "Is It Really Long Context if All You Need Is Retrieval?"],
  ["activation sparsity", "Sparsing Law"],
  ["in-context learning bayesian", "In-Context Learning through the Bayesian Prism"],
];

test("reader queries find the expected paper in the top 3", () => {
  for (const [q, expected] of QUERIES) {
    const top = s.searcher.search(q).hits.slice(0, 3).map((h) => h.title);
    assert.ok(top.some((t) => t.startsWith(expected)), `${q} → ${top.join(" | ")}`);
  }
  assert.equal(s.searcher.search("super resolution").hits[0]!.title.startsWith("Feature Modulation Transformer"), true);
  const speech = s.searcher.search("speech separation").hits[0]!.title;
  assert.ok(speech.startsWith("TIGER") || speech.startsWith("MossFormer2"), speech);
});

test("results are identical before and after the serialisation round trip", () => {
  for (const q of [...QUERIES.map(([q]) => q), "title:mamba", "trans*", "atention~1", "+long -context"]) {
    const a = s.fresh.search(q);
    const b = s.searcher.search(q);
    assert.deepEqual(b.hits.map((h) => [h.slug, h.score.toFixed(6)]), a.hits.map((h) => [h.slug, h.score.toFixed(6)]), q);
  }
});

test("hyphens, compounds and numbers are found by their parts and whole", () => {
  const has = (q: string, title: string) => s.searcher.search(q).hits.some((h) => h.title.startsWith(title));
  assert.ok(has("state space", "Hierarchical State Space Models"));
  assert.ok(has("state-space", "Hierarchical State Space Models"));
  assert.ok(has("long context", "How to Train Long-Context Language Models"));
  assert.ok(has("longlora", "LongLoRA"));
  assert.ok(has("lora", "SinkLoRA"));
  assert.ok(has("s4d", "On the Parameterization"));
  assert.ok(has("10,000+", "LongWriter"));
  assert.ok(has("10000", "LongWriter"));
});

test("lunr syntax works, and input lunr cannot parse is retried as plain words", () => {
  assert.deepEqual(s.searcher.search("title:mamba").hits.map((h) => h.title), ["Is Mamba Effective for Time Series Forecasting?"]);
  assert.ok(s.searcher.search("trans*").total > 10);
  assert.ok(s.searcher.search("atention~1").total > 0);
  assert.ok(!s.searcher.search("+mamba -forecasting").hits.some((h) => h.title.includes("Forecasting")));
  for (const q of [":", "~", "*", "^", '"', "title:", "a".repeat(1000), "<script>", "\u0000", "(((", "\\"]) {
    assert.doesNotThrow(() => s.searcher.search(q), q);
  }
  assert.equal(s.searcher.search("~").relaxed, true);
});

test("a query that finds nothing is respelled one edit away", () => {
  const a = s.searcher.search("quantizaton");
  assert.equal(a.suggestion, "quantization");
  assert.ok(a.total > 0);
});

test("the last word is matched as a prefix while typing", () => {
  assert.ok(s.searcher.search("mam").hits[0]!.title.includes("Mamba"));
});

test("highlights mark the matched words as written, and facets count topics", () => {
  const a = s.searcher.search("selective state");
  const hit = a.hits[0]!;
  const marked = hit.titleMarks.map(([st, l]) => hit.title.slice(st, st + l));
  assert.ok(marked.length > 0 && marked.every((m) => /^(selective|state|states)$/i.test(m)), marked.join());
  assert.ok(a.facets.some((f) => f.slug === "state-space-models" && f.count > 0));
  const filtered = s.searcher.search("selective state", { topic: "time-series" });
  assert.ok(filtered.hits.every((h) => h.topics.some((t) => t.slug === "time-series")));
});

test("query words drop lunr's special characters; snippets window around the first match", () => {
  assert.deepEqual(words('title:"mamba" +s4~1 state-space'), ["titlemamba", "s41", "state", "space"]);
  const text = "a ".repeat(100) + "target word here " + "b ".repeat(200);
  const sn = snippet(text, [[200, 6]]);
  assert.equal(sn.text.slice(sn.marks[0]![0], sn.marks[0]![0] + 6), "target");
  assert.ok(sn.text.startsWith("…") && sn.text.endsWith("…"));
});

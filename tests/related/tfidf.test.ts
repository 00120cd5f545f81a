import { test } from "node:test";
import assert from "node:assert/strict";
import { relatedPapers } from "../../src/related/tfidf.ts";

test("related papers rank by shared distinctive words, never the paper itself", () => {
  const docs = [
    { id: "a", text: "Mamba selective state space model for audio" },
    { id: "b", text: "Selective state space layers like Mamba scale linearly" },
    { id: "c", text: "Quantization of large language models" },
    { id: "d", text: "Pruning and quantization make language models cheaper" },
  ];
  const r = relatedPapers(docs, 2);
  assert.equal(r.get("a")![0], "b");
  assert.equal(r.get("c")![0], "d");
  for (const [id, list] of r) assert.ok(!list.includes(id));
});

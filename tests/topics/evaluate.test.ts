import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { loadContent } from "../../src/site/pipeline.ts";
import { evaluate, GoldLabels } from "../../src/topics/evaluate.ts";
import { ROOT } from "../helpers.ts";

// The hand labels of the shipped dump live in the repository (content/labels/).
const gold = GoldLabels.parse(
  JSON.parse(
    readFileSync(new URL("../../content/labels/2025-03-11-trending.topics.json", import.meta.url), "utf8"),
  ),
);

test("tags on the labelled real dump: micro-F1 ≥ 0.85 and recall ≥ 0.9 on the core topics", async () => {
  const content = await loadContent({ root: ROOT, feeds: ["content/feeds/2025-03-11-trending.txt"] });
  const e = evaluate(
    content.papers,
    gold,
    content.topics.map((t) => t.slug),
  );
  assert.deepEqual(e.unmatched, []);
  assert.ok(e.micro.f1 >= 0.85, `micro-F1 ${e.micro.f1.toFixed(3)}`);
  for (const slug of ["state-space-models", "efficient-attention", "long-context-benchmarks"]) {
    const row = e.rows.find((r) => r.slug === slug)!;
    assert.ok(row.recall >= 0.9, `${slug} recall ${row.recall}`);
  }
  for (const p of content.papers) for (const t of p.topics) assert.ok(t.evidence.length > 0, p.title);
});

test("evaluate counts tp/fp/fn per topic", () => {
  const e = evaluate(
    [{ title: "A", topics: [{ slug: "x" }, { slug: "y" }] }],
    [{ title: "a", topics: ["x", "z"] }],
    ["x", "y", "z"],
  );
  assert.deepEqual(
    e.rows.map((r) => [r.tp, r.fp, r.fn]),
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
  );
  assert.equal(e.micro.f1, 0.5);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import lunr from "lunr";
import { compoundParts, makeTokenizer, registerShared } from "../../src/search/tokenizer.ts";

test("compound parts", () => {
  assert.deepEqual(compoundParts("LongLoRA").sort(), ["lo", "long", "longlo", "lora", "ra"].sort());
  assert.deepEqual(compoundParts("mamba"), []);
  assert.ok(compoundParts("S4D").includes("s4"));
});

test("the tokenizer keeps words whole, splits hyphens and slashes, and adds parts at the same position", () => {
  registerShared(lunr);
  const tokens = makeTokenizer(lunr)("Long-context LongLoRA video/audio");
  const strs = tokens.map((t) => t.toString());
  for (const w of ["long", "context", "longlora", "lora", "video", "audio"]) assert.ok(strs.includes(w), w);
  const lora = tokens.find((t) => t.toString() === "lora")!;
  let position: unknown;
  lora.update((str, meta) => ((position = Object.entries(meta).find(([k]) => k === "position")?.[1]), str));
  assert.deepEqual(position, [13, 8]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { shownTerms, termCounts } from "../../src/foryou/terms.ts";

test("terms are the light stems related papers use: no stop words, no numbers, no short words", () => {
  assert.deepEqual(
    [...termCounts("The Models of 2024 use selective state spaces; a model's spaces.")],
    [
      ["model", 2],
      ["selectiv", 1],
      ["stat", 1],
      ["spac", 2],
    ],
  );
});

test("terms are shown as the text writes them: lowercase when it ever does, else as written", () => {
  const text = "Mamba: Selective State Spaces. Mamba uses SSMs whose state spaces are selective.";
  assert.deepEqual(shownTerms(["mamba", "spac", "ssm", "unseen"], text), [
    "Mamba",
    "spaces",
    "SSMs",
    "unseen",
  ]);
});

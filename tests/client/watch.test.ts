// Watched words: what the reader types is cleaned and capped before it is kept, and a phrase marks
// the papers that hold all its words the way search finds words. In Node there is no localStorage,
// so the store keeps the words in the page (see tests/client/storage.test.ts for the storage).
import assert from "node:assert/strict";
import { test } from "node:test";
import { setWatchedWords, watchedWords } from "../../src/client/watch.ts";
import type { SearchDoc } from "../../src/search/build-index.ts";
import { searcherFor } from "../search/fixture.ts";

test("watched words are kept trimmed, single-spaced, once each, blanks dropped", () => {
  setWatchedWords(["  state   space\tmodels ", "", "   ", "mamba", "state space models", "Mamba"]);
  assert.deepEqual(watchedWords(), ["state space models", "mamba", "Mamba"]);
});

test("at most 20 words are kept, each cut to 100 characters", () => {
  setWatchedWords([..."abcdefghijklmnopqrstuvwxyz"].map((c) => c.repeat(120)));
  const kept = watchedWords();
  assert.equal(kept.length, 20);
  assert.deepEqual(kept[0], "a".repeat(100));
  assert.deepEqual(kept[19], "t".repeat(100));
});

test("twenty distinct words after cleaning are all kept, even when duplicates came first", () => {
  const words = Array.from({ length: 20 }, (_, i) => `word${i}`);
  setWatchedWords(["word0", " word0 ", ...words]);
  assert.deepEqual(watchedWords(), words);
});

function doc(slug: string, title: string, abstract: string, authors: string[] = ["Ada Lovelace"]): SearchDoc {
  return {
    slug,
    title,
    shownTitle: title,
    abstract,
    snippetText: abstract,
    topics: [],
    keywords: [],
    authors,
    byline: authors.join(", "),
    label: "",
  };
}

const DOCS = [
  doc("ssm", "Efficiently Modeling Long Sequences with Structured State Spaces", "We propose S4."),
  doc(
    "mamba",
    "MAMBA: Linear-Time Sequence Modeling",
    "Selective state space models scale to 10,000 tokens.",
  ),
  doc("longlora", "LongLoRA: Efficient Fine-tuning of Long-Context LLMs", "Shifted sparse attention."),
  doc("program", "Program Synthesis with Large Language Models", "We evaluate programs in Python."),
];

async function marked(phrase: string): Promise<string[]> {
  const { searcher } = searcherFor(DOCS);
  return (await searcher.matching(phrase)).map((d) => DOCS[d]!.slug);
}

test("a watched word matches whole words in title or abstract, whatever their case", async () => {
  assert.deepEqual(await marked("mamba"), ["mamba"]);
  assert.deepEqual(await marked("Python"), ["program"]);
  assert.deepEqual(await marked("ram"), [], "not a part of a longer word");
  assert.deepEqual(await marked("lin"), [], "not a prefix either");
});

test("a phrase marks the papers that hold all its words, by stem and compound part", async () => {
  assert.deepEqual(await marked("state space"), ["ssm", "mamba"]);
  assert.deepEqual(await marked("state attention"), []);
  assert.deepEqual(await marked("model"), ["ssm", "mamba", "program"], "modeling, models: one stem");
  assert.deepEqual(await marked("lora"), ["longlora"]);
  assert.deepEqual(await marked("10000"), ["mamba"]);
  assert.deepEqual(await marked("  "), []);
});

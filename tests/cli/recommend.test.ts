import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { project, runCli } from "../helpers.ts";

test("recommend --json: the latest day, best first, each with title, slug, score and because", async () => {
  const r = await runCli(["recommend", "--library", "tests/fixtures/library/zotero.bib", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const ranked = JSON.parse(r.stdout) as { title: string; slug: string; score: number; because: string }[];
  assert.equal(ranked.length, 59);
  assert.deepEqual(Object.keys(ranked[0]!), ["title", "slug", "score", "because"]);
  assert.equal(ranked[0]!.title, "Efficiently Modeling Long Sequences with Structured State Spaces");
  assert.match(
    ranked[1]!.because,
    /^like: .*State Spaces.*; topics: state-space-models$|^like: .*; words: .*; topics: state-space-models$/,
  );
  for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]!.score >= ranked[i]!.score);
  assert.match(r.stderr, /zotero\.bib: matched 1, by text 2, skipped 0/);
});

test("recommend: a readable table; broken entries warned by line; the rest still ranks", async () => {
  const r = await runCli([
    "recommend",
    "--library",
    "tests/fixtures/library/broken.bib",
    "--day",
    "2025-03-11",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /broken\.bib: warning: line 10: /);
  assert.match(r.stderr, /broken\.bib: warning: line 14: no title/);
  assert.match(
    r.stdout,
    /^For you, 2025-03-11: 59 papers, 2 in the library\n {2}1 {2}\d\.\d{3} {2}Informer: Beyond Efficient Transformer/,
  );
});

test("recommend: usage errors exit 2; a missing library, a day without digest and a non-library exit 1", async (t) => {
  assert.equal((await runCli(["recommend"])).code, 2);
  assert.equal((await runCli(["recommend", "--library", "x.bib", "--day", "March"])).code, 2);
  const missing = await runCli(["recommend", "--library", "nope.bib"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.bib/);
  const day = await runCli([
    "recommend",
    "--library",
    "tests/fixtures/library/zotero.bib",
    "--day",
    "2024-01-01",
  ]);
  assert.equal(day.code, 1);
  assert.match(day.stderr, /no digest of 2024-01-01; the digests' dates are 2025-03-11/);
  const root = project(t);
  writeFileSync(path.join(root, "notes.txt"), "just notes\n");
  const notes = await runCli(["recommend", "--library", "notes.txt"], root);
  assert.equal(notes.code, 1);
  assert.match(notes.stderr, /notes\.txt: error: not a library file/);
});

test("recommend ranks the dumps given, like list", async () => {
  const r = await runCli([
    "recommend",
    "--library",
    "tests/fixtures/library/library.csl.json",
    "--json",
    "content/feeds/2025-03-11-trending.txt",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const ranked = JSON.parse(r.stdout) as { title: string }[];
  assert.match(ranked[0]!.title, /Autoformer/);
  assert.match(r.stderr, /library\.csl\.json: warning: line 15: entry 2: title: no title/);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { asJsonPieces, indexFilesRelative, jsonOf } from "../../src/search/index-files.ts";
import { LETTER_FILES, letterFile, shardFor, type Shard } from "../../src/search/format.ts";
import { realSearch } from "./fixture.ts";

test("the search documents in pieces join to their JSON, so the manifest's name is the same", () => {
  const doc = fc.record(
    {
      slug: fc.string(),
      title: fc.string({ unit: "binary" }),
      arxivId: fc.option(fc.string(), { nil: undefined }),
      topics: fc.array(fc.record({ slug: fc.string(), name: fc.string() })),
    },
    { requiredKeys: ["slug", "title", "topics"] },
  );
  fc.assert(
    fc.property(fc.array(doc), fc.string(), (docs, suffix) => {
      assert.equal([...asJsonPieces(docs, suffix)].join(""), JSON.stringify(docs) + suffix);
    }),
  );
});

test("the spelling vocabulary is in files by first and by second letter, each commonest first as the whole was", async () => {
  const { docs } = await realSearch();
  const { manifest, files } = indexFilesRelative(docs);
  const byPath = new Map(files.map((f) => [f.path, jsonOf(f.contents) as string[]]));
  const shards = LETTER_FILES.map((f) => byPath.get(`${manifest.vocabulary}/${f}.json`));
  assert.ok(shards.every((words) => Array.isArray(words)));
  // every word sits in the file of its first letter; words of other letters (é…) in "_"
  LETTER_FILES.forEach((f, i) =>
    assert.ok(
      shards[i]!.every((w) => (f === "_" ? !/^[a-z]/.test(w) : w.startsWith(f))),
      f,
    ),
  );
  // the same words as one list made from the documents, commonest first within each letter
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const w of `${d.title} ${d.abstract}`.toLowerCase().match(/\p{L}{5,}/gu) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  const all = shards.flatMap((words) => words);
  assert.equal(all.length, counts.size);
  for (const words of shards)
    for (let i = 1; i < words.length; i++) assert.ok(counts.get(words[i - 1]!)! >= counts.get(words[i]!)!);
  // and again by second letter, in the same order
  const seconds = LETTER_FILES.map((f) => byPath.get(`${manifest.vocabulary}/2${f}.json`)!);
  LETTER_FILES.forEach((f, i) =>
    assert.ok(
      seconds[i]!.every((w) => letterFile(w.charAt(1)) === f),
      f,
    ),
  );
  assert.deepEqual(seconds.flat().sort(), [...all].sort());
  for (const words of seconds)
    for (let i = 1; i < words.length; i++) assert.ok(counts.get(words[i - 1]!)! >= counts.get(words[i]!)!);
});

test("the term list is in files by first and by second character, each sorted, every term in its two", async () => {
  const { docs } = await realSearch();
  const { manifest, files } = indexFilesRelative(docs);
  const byPath = new Map(files.map((f) => [f.path, jsonOf(f.contents) as string[]]));
  const list = (name: string) => byPath.get(`${manifest.terms}/${name}.json`)!;
  const first = LETTER_FILES.flatMap(list);
  const sorted = [...first].sort();
  assert.equal(new Set(first).size, first.length);
  for (const f of LETTER_FILES) {
    const words = list(f);
    assert.deepEqual(words, [...words].sort(), f);
    assert.ok(words.every((t) => letterFile(t.charAt(0)) === f));
    assert.ok(list(`2${f}`).every((t) => t.length >= 2 && letterFile(t.charAt(1)) === f));
  }
  assert.deepEqual(
    LETTER_FILES.flatMap((f) => list(`2${f}`)).sort(),
    sorted.filter((t) => t.length >= 2),
  );
  // the terms are those of the index: each one's postings are in its shard
  const shard = (t: string) =>
    byPath.get(`${manifest.shardDir}/${shardFor(manifest, t)}.json`) as unknown as Shard;
  assert.ok(sorted.every((t) => Object.hasOwn(shard(t).t, t)));
});

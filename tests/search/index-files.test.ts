import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { asJsonPieces, indexFilesRelative, jsonOf } from "../../src/search/index-files.ts";
import { SPELLING_FILES } from "../../src/search/format.ts";
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

test("the spelling vocabulary is a file per first letter, each commonest first as the whole was", async () => {
  const { docs } = await realSearch();
  const { manifest, files } = indexFilesRelative(docs);
  const byPath = new Map(files.map((f) => [f.path, jsonOf(f.contents) as string[]]));
  const shards = SPELLING_FILES.map((f) => byPath.get(`${manifest.vocabulary}/${f}.json`));
  assert.ok(shards.every((words) => Array.isArray(words)));
  // every word sits in the file of its first letter; words of other letters (é…) in "_"
  SPELLING_FILES.forEach((f, i) =>
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
});

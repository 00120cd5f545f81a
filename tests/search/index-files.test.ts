import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { asJsonPieces } from "../../src/search/index-files.ts";

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

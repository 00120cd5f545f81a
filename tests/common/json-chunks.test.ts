import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { drainJsonChunks, toJsonChunks } from "../../src/common/json-chunks.ts";

test("records come back as they went, in order, whatever their text (newlines, non-Latin-1, astral)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ a: fc.string({ unit: "grapheme" }), b: fc.array(fc.integer()) })),
      (records) => {
        const chunks = toJsonChunks(records);
        // fast-check's records have no prototype; JSON gives plain objects
        assert.deepEqual(
          [...drainJsonChunks(chunks)],
          records.map((r) => ({ ...r })),
        );
        assert.equal(chunks.length, 0, "the chunks are emptied as they are read");
      },
    ),
  );
});

test("a record longer than a chunk gets a chunk of its own; records never straddle chunks", () => {
  const big = { text: "é".repeat(9_000_000) }; // 18 MB of UTF-8, more than a chunk
  const records = [{ n: 1 }, big, { n: 2 }];
  const chunks = toJsonChunks(records);
  assert.equal(chunks.length, 2);
  assert.deepEqual([...drainJsonChunks(chunks)], records);
});

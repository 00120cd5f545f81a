import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { safeJson } from "../../src/site/citation.ts";

test("JSON-LD is ASCII, parses back to the same value and cannot end its script", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
      const json = safeJson({ headline: text });
      assert.ok([...json].every((c) => c.charCodeAt(0) < 128));
      assert.ok(!/[<>&]/.test(json));
      assert.deepEqual(JSON.parse(json), { headline: text });
    }),
    { numRuns: 500 },
  );
});

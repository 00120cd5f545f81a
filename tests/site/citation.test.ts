import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { oneByte } from "../../src/site/one-byte.ts";
import { safeJson } from "../../src/site/citation.ts";

const decodeRefs = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

test("a page at one byte a character reads as the same text: each wide character is its reference", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (raw) => {
      const text = raw.replaceAll("&", "&amp;");
      const out = oneByte(text);
      assert.ok([...out].every((c) => c.charCodeAt(0) < 256));
      assert.equal(decodeRefs(out), text);
    }),
    { numRuns: 500 },
  );
  assert.equal(oneByte("Next → 😀 é"), "Next &#x2192; &#x1f600; é");
});

test("JSON-LD at one byte a character parses back to the same value and cannot end its script", () => {
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

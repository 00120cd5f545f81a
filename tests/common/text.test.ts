import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { squash } from "../../src/common/text.ts";

test("squash collapses every run of white space to one space and trims", () => {
  const space = fc.constantFrom(
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u00a0",
    "\u2003",
    "\u3000",
    "\ufeff",
    "\u2028",
  );
  const text = fc
    .array(fc.oneof(fc.string({ maxLength: 6 }), space), { maxLength: 30 })
    .map((a) => a.join(""));
  fc.assert(
    fc.property(text, (s) => {
      assert.equal(squash(s), s.replace(/\s+/g, " ").trim());
    }),
    { numRuns: 2000 },
  );
  assert.equal(squash("  a \t b\u00a0\u00a0c\n"), "a b c");
});

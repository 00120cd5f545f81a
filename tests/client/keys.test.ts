import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { nextCard } from "../../src/client/keys.ts";

test("with no card chosen yet, j takes the first card and k the last", () => {
  assert.equal(nextCard(-1, 1, 5), 0);
  assert.equal(nextCard(-1, -1, 5), 4);
});

test("j and k move one card; at either end the card stays", () => {
  assert.equal(nextCard(2, 1, 5), 3);
  assert.equal(nextCard(2, -1, 5), 1);
  assert.equal(nextCard(4, 1, 5), 4);
  assert.equal(nextCard(0, -1, 5), 0);
  assert.equal(nextCard(0, 1, 1), 0);
});

test("the card moved to is always one of the shown cards, next to where it was", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(), fc.constantFrom(1, -1), (count, seed, step) => {
      const at = (seed % (count + 1)) - 1;
      const next = nextCard(at, step, count);
      assert.ok(next >= 0 && next < count);
      if (at >= 0) assert.ok(Math.abs(next - at) <= 1);
    }),
  );
});

import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { hash } from "../../src/common/hash.ts";
import { assignSlugs, paperId, slugify } from "../../src/feed/slug.ts";

test("slugs are ASCII, transliterated and cut at a word boundary within 80 characters", () => {
  assert.equal(slugify("Schrödinger's Æther: Łódź & Co."), "schrodingers-aether-lodz-and-co");
  const long = slugify(
    "Feature Modulation Transformer: Cross-Refinement of Global Representation via High-Frequency Prior",
  );
  assert.ok(long.length <= 80);
  assert.ok(!long.endsWith("-"));
  assert.equal(long, "feature-modulation-transformer-cross-refinement-of-global-representation-via");
  assert.equal(slugify("日本語"), "paper");
  assert.match(slugify("<script>alert(1)</script>"), /^[a-z0-9-]+$/);
});

test("ids come from the normalised title", () => {
  assert.equal(paperId("Mamba  Models"), paperId("mamba models"));
  assert.notEqual(paperId("Mamba"), paperId("Mamba", 2));
});

test("a clash gets a suffix from the id, and earlier papers keep their slug when more arrive", () => {
  const a = { id: paperId("Same"), title: "Same" };
  const b = { id: paperId("Same", 2), title: "Same" };
  const first = assignSlugs([a]);
  const later = assignSlugs([a, { id: "x", title: "Other" }, b]);
  assert.equal(first.get(a.id), "same");
  assert.equal(later.get(a.id), "same");
  assert.match(later.get(b.id)!, /^same-[0-9a-f]{6}$/);
});

test("a hash of pieces is the hash of their concatenation", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "binary" })), (pieces) => {
      assert.equal(hash(pieces), hash(pieces.join("")));
      assert.equal(hash(pieces, 10), hash(pieces.join("")).slice(0, 10));
    }),
  );
});

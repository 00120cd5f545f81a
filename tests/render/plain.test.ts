import { test } from "node:test";
import assert from "node:assert/strict";
import { readableText, texToText } from "../../src/render/plain.ts";

test("formulas read as text: delimiters dropped, commands as symbols, scripts as super/subscripts", () => {
  assert.equal(
    readableText("the model \\( x'(t) = Ax(t) + Bu(t) \\), and"),
    "the model x'(t) = Ax(t) + Bu(t), and",
  );
  assert.equal(
    readableText("costs $\\mathcal{O}(N^2)$ time and $O(L \\log L)$ memory"),
    "costs O(N²) time and O(L log L) memory",
  );
  assert.equal(
    readableText("shifted sparse attention (S\\(^2\\)-Attn)"),
    "shifted sparse attention (S²-Attn)",
  );
  assert.equal(texToText("\\frac{n+1}{2} \\leq \\alpha_{i}"), "(n+1)/2 ≤ αᵢ");
  assert.equal(texToText("\\mathbb{R}^{d \\times d}"), "ℝ^(d × d)");
  assert.equal(texToText("10\\%"), "10%");
});

test("prose with dollar amounts and text without math is left as it is", () => {
  // an unknown command stays as written; `\ ` is TeX's space (tests/render/latex.test.ts)
  for (const text of ["costs $5 and $10 a month", "no math here.", "a path C:\\Users\\me"])
    assert.equal(readableText(text), text);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { pipelineHtml, renderAbstract } from "../../src/render/abstract.ts";
import { splitMath } from "../../src/tex/math.ts";

test("all four math delimiters are found; dollars in prose are not math", () => {
  const segs = splitMath("a \\( x \\) b \\[ y \\] c $z$ d $$w$$ e costs $5 and $10, f $ g $").filter(
    (s) => s.kind === "math",
  );
  assert.deepEqual(
    segs.map((s) => s.kind === "math" && [s.value, s.display]),
    [
      ["x", false],
      ["y", true],
      ["z", false],
      ["w", true],
    ],
  );
});

test("math becomes KaTeX HTML; a formula KaTeX cannot parse stays raw and the rest still renders", () => {
  const r = renderAbstract("Good \\( x^2 \\) bad \\( \\frac{ \\) and the end.");
  assert.equal(r.hasMath, true);
  assert.match(r.html, /<span class="katex">/);
  assert.deepEqual(r.failedMath, ["\\( \\frac{ \\)"]);
  assert.match(r.html, /bad \\\( \\frac\{ \\\) and the end\.<\/p>$/);
});

test("feed text is text: markup, Markdown and template syntax stay literal", () => {
  const r = renderAbstract(
    "<script>alert(1)</script> <img src=x onerror=alert(1)> **bold** [a](b) {{ 7*7 }} {% raw %}",
  );
  assert.doesNotMatch(r.html, /<script|<img|<strong|<a /);
  assert.match(r.html, /&#x3C;script>alert\(1\)&#x3C;\/script>/);
  assert.match(r.html, /\*\*bold\*\* \[a\]\(/);
  assert.match(r.html, /\{\{ 7\*7 \}\} \{% raw %\}/);
});

test("only http(s) URLs become links, with rel=noopener nofollow", () => {
  const r = renderAbstract("See https://github.com/a/b. Not javascript:alert(1) nor data:text/html,x.");
  assert.match(
    r.html,
    /<a href="https:\/\/github.com\/a\/b" rel="noopener nofollow">https:\/\/github.com\/a\/b<\/a>\./,
  );
  assert.equal(r.html.match(/<a /g)?.length, 1);
});

test("untrusted KaTeX commands do not become links", () => {
  const r = renderAbstract("x \\( \\href{javascript:alert(1)}{click} \\) y");
  assert.doesNotMatch(r.html, /href="javascript/);
});

test("prose without links or math skips the pipeline, and its HTML is the pipeline's, byte for byte", () => {
  const prose = fc
    .string({ unit: "grapheme", maxLength: 200 })
    // no URL, formula or TeX text command (tests/render/latex.test.ts)
    .map((s) => s.replace(/https?:|\$|\\|[~`{]|--|''/g, " "));
  fc.assert(
    fc.property(prose, (text) => {
      assert.equal(renderAbstract(text).html, pipelineHtml(text ? [{ type: "text", value: text }] : []));
    }),
    { numRuns: 500 },
  );
  assert.equal(renderAbstract("a < b & c > \"d\" 'e'").html, "<p>a &#x3C; b &#x26; c > \"d\" 'e'</p>");
});

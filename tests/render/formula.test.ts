import { test } from "node:test";
import assert from "node:assert/strict";
import { unified } from "unified";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import type { Root } from "hast";
import fc from "fast-check";
import { renderAbstract } from "../../src/render/abstract.ts";
import { formulaHtml } from "../../src/render/formula.ts";
import { KATEX_OPTIONS } from "../../src/tex/math.ts";

/** The reference: a paragraph of one math element, rendered by rehype-katex as the site did before. */
const reference = unified().use(rehypeKatex, KATEX_OPTIONS).use(rehypeStringify);
function byRehypeKatex(tex: string, display: boolean): string {
  const tree: Root = {
    type: "root",
    children: [
      {
        type: "element",
        tagName: "p",
        properties: {},
        children: [
          {
            type: "element",
            tagName: "code",
            properties: { className: ["language-math", display ? "math-display" : "math-inline"] },
            children: [{ type: "text", value: tex }],
          },
        ],
      },
    ],
  };
  return reference.stringify(reference.runSync(tree) as Root);
}

const FORMULAS = [
  "x",
  "O(n^2)",
  "\\times",
  "DyT(x) = \\tanh(\\alpha x)",
  'a < b, c > d \\;\\&\\; \\text{it\'s "quoted" <tagged>}',
  "\\href{javascript:alert(1)}{x}",
  "\\frac{1}{\\sqrt{2\\pi}} e^{-x^2/2}",
  "\\mathbb{R}^{d \\times d}",
  "\\sum_{i=1}^{n} \\alpha_i",
  "\\text{Ünïcödé — “quotes”}",
  "\\left( \\begin{matrix} a & b \\\\ c & d \\end{matrix} \\right)",
];

test("a formula's HTML is rehype-katex's byte for byte, inline and displayed, first and again", () => {
  for (const tex of FORMULAS) {
    for (const display of [false, true]) {
      const expected = byRehypeKatex(tex, display);
      const delimited = display ? `\\[${tex}\\]` : `\\(${tex}\\)`;
      for (let time = 0; time < 2; time++) assert.equal(renderAbstract(delimited).html, expected, tex);
    }
  }
});

test("prose with formulas and links renders as the pieces do on their own", () => {
  const pieces = fc.constantFrom(...FORMULAS.map((f) => `$${f}$`), " and ", " see https://x.org/a ", "<b>");
  fc.assert(
    fc.property(fc.array(pieces, { minLength: 1, maxLength: 6 }), (parts) => {
      const html = renderAbstract(parts.join("")).html;
      for (const f of FORMULAS)
        if (parts.includes(`$${f}$`)) {
          const alone = byRehypeKatex(f, false).slice("<p>".length, -"</p>".length);
          assert.ok(html.includes(alone), f);
        }
      assert.ok(!html.includes("<b>"));
    }),
    { numRuns: 100 },
  );
});

test("a formula KaTeX cannot parse has no HTML, every time it is asked", () => {
  for (let time = 0; time < 2; time++) {
    assert.equal(formulaHtml("\\frac{1}{", true), undefined);
    assert.equal(formulaHtml("x^{", false), undefined);
  }
  assert.equal(renderAbstract("Bad \\(\\frac{1}{\\) math.").html, "<p>Bad \\(\\frac{1}{\\) math.</p>");
});

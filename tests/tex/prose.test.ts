import { test } from "node:test";
import assert from "node:assert/strict";
import { parseProse, proseText } from "../../src/tex/prose.ts";
import { renderAbstract } from "../../src/render/abstract.ts";
import { readableText } from "../../src/render/plain.ts";

// Shapes of real arXiv abstracts (tests/fixtures/feeds/README.md, "Items 8, 9, 11")
const REAL = [
  "MonoLoss yields up to 0.6\\% accuracy gains on ImageNet-1K, achieving a statistically significant " +
    "\\textbf{$36.9\\%$ reduction} in tokens. We also evaluate the \\emph{MathTales-Teacher Agent} on " +
    "GSM8K, achieving a \\textbf{22\\% accuracy improvement}.",
  "Llama-3.2-3B~\\citep{llama3} -- on unseen adapters; 120--360 parameters and a 97\\% reduction " +
    "--- while ``training-free''. Code: \\url{https://github.com/org/repo\\_x} and \\href{https://example.org/p}{project page}.",
];

test("text commands read as text: escapes, dashes, ties, TeX quotes, accents", () => {
  assert.equal(
    readableText(
      "94.5\\% of A \\& B, x\\_1, \\#3, a~b, 1--2, a---b, ``q'' `s' G\\\"odel, Erd\\H{o}s, \\c{c}a",
    ),
    "94.5% of A & B, x_1, #3, a\u00a0b, 1–2, a—b, “q” ‘s’ Gödel, Erdős, ça",
  );
  assert.equal(readableText(REAL[1]!).includes("\\"), true, "an unknown command (\\citep) stays as written");
  assert.doesNotMatch(readableText(REAL[0]!), /\\(?:textbf|emph|%)/);
});

test("\\emph, \\textit, \\textbf, \\texttt and {\\em …} become emphasis, strong and code on the page", () => {
  const { html } = renderAbstract(
    "We show \\emph{sparse} and \\textit{dense}, \\textbf{bold}, \\texttt{x\\_y} and {\\em old style} {\\bf b}.",
  );
  assert.equal(
    html,
    "<p>We show <em>sparse</em> and <em>dense</em>, <strong>bold</strong>, <code>x_y</code> and <em>old style</em> <strong>b</strong>.</p>",
  );
});

test("math inside a text command keeps KaTeX; a \\% inside a formula is the formula's", () => {
  const r = renderAbstract(REAL[0]!);
  assert.equal(r.hasMath, true);
  assert.match(r.html, /<strong><span class="katex">.*<\/span> reduction<\/strong>/);
  assert.match(r.html, /0\.6% accuracy/);
  assert.match(r.html, /<em>MathTales-Teacher Agent<\/em>/);
  assert.doesNotMatch(r.html.replace(/<span class="katex">.*?<\/math><\/span>/g, ""), /\\(?:textbf|emph|%)/);
});

test("\\url and \\href with an http(s) address are links; any other address stays inert text", () => {
  const { html } = renderAbstract(REAL[1]!);
  assert.match(
    html,
    /<a href="https:\/\/github.com\/org\/repo_x" rel="noopener nofollow">https:\/\/github.com\/org\/repo_x<\/a>/,
  );
  assert.match(html, /<a href="https:\/\/example.org\/p" rel="noopener nofollow">project page<\/a>/);
  const bad = renderAbstract("Click \\href{javascript:alert(1)}{here} or \\url{data:text/html,x}.").html;
  assert.doesNotMatch(bad, /<a |javascript:alert\(1\)"/);
  assert.equal(bad, "<p>Click here or data:text/html,x.</p>");
});

test("a bare URL keeps its ~, -- and _; an escaped \\$ never opens a formula", () => {
  const { html } = renderAbstract("See https://example.org/~me/a--b_c and costs \\$5, then $x$ and \\$3.");
  assert.match(html, /href="https:\/\/example.org\/~me\/a--b_c"/);
  assert.match(html, /costs \$5, then <span class="katex">/);
  assert.match(html, /and \$3\.<\/p>$/);
});

test("the tree: nested commands, groups kept as written, and an unclosed argument runs to the end", () => {
  assert.deepEqual(parseProse("\\textbf{a \\emph{b}} {GPT}-4 \\emph{open"), [
    {
      type: "strong",
      children: [
        { type: "text", value: "a " },
        { type: "emphasis", children: [{ type: "text", value: "b" }] },
      ],
    },
    { type: "text", value: " {GPT}-4 " },
    { type: "emphasis", children: [{ type: "text", value: "open" }] },
  ]);
});

test("search text and Atom text read the commands and keep formulas as written", () => {
  assert.equal(proseText("\\emph{sparse} $x^2$ 94.5\\%"), "sparse $x^2$ 94.5%");
});

test("hostile nesting: 20,000 braces or \\emph{ arguments are read without overflowing, every letter kept", () => {
  const braces = "{".repeat(20_000) + "deep" + "}".repeat(20_000);
  assert.equal(proseText(braces).replace(/[{}]/g, ""), "deep");
  const html = renderAbstract("\\emph{".repeat(20_000) + "deep").html;
  assert.match(html, /deep/);
  assert.equal(readableText("\\textbf{".repeat(20_000) + "x").endsWith("x"), true);
});

test("a tie joins two words; a ~ of plain text ('about') stays as written", () => {
  assert.equal(proseText("Fig.~3 and size~$n$"), "Fig.\u00a03 and size\u00a0$n$");
  assert.equal(
    proseText("reaches ~2x speedup on ~100 tokens, a ~ b, end~"),
    "reaches ~2x speedup on ~100 tokens, a ~ b, end~",
  );
});

import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseFeed } from "../../src/feed/parse.ts";
import { looksLikeAbstract } from "../../src/feed/paragraphs.ts";

const word = fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/);
const title = fc
  .array(word, { minLength: 1, maxLength: 12 })
  .map((ws) => ws.join(" "))
  .filter((t) => !looksLikeAbstract(t));
const sentence = fc.array(word, { minLength: 6, maxLength: 20 }).map((ws) => ws.join(" ") + ".");
const abstract = fc
  .array(sentence, { minLength: 2, maxLength: 6 })
  .map((ss) => ss.join(" "))
  .filter(looksLikeAbstract);
const eol = fc.constantFrom("\n", "\r\n", "\r");
const pad = fc.constantFrom("", " ", "  ", "\t");

test("any list of (title, abstract) written as a dump parses back to exactly those papers", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(title, abstract), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
      eol,
      pad,
      (papers, bom, nl, sp) => {
        const parts = ["new", "Subscribe", "Mar 11", ...papers.flat()];
        const text = (bom ? "\uFEFF" : "") + parts.map((p) => p + sp).join(nl + nl) + nl;
        const d = parseFeed(text, "p.txt");
        const unique = papers.filter(
          ([t, a], i) =>
            papers.findIndex(([t2, a2]) => t2.toLowerCase() === t.toLowerCase() && a2 === a) === i,
        );
        assert.deepEqual(
          d.entries.map((e) => [e.title, e.abstract]),
          unique,
        );
        assert.equal(d.diagnostics.filter((x) => x.severity === "error").length, 0);
      },
    ),
    { numRuns: 300 },
  );
});

test("any text at all yields a result and never throws", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.lorem({ maxCount: 30, mode: "sentences" })),
      (text) => {
        const d = parseFeed(text, "r.txt");
        assert.ok(Array.isArray(d.diagnostics));
        if (d.entries.length === 0) assert.ok(d.diagnostics.some((x) => x.severity === "error"));
      },
    ),
    { numRuns: 500 },
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import lunr from "lunr";
import { Highlighter, snippet, type Range } from "../../src/search/highlight.ts";
import { indexPipeline, registerShared } from "../../src/search/tokenizer.ts";

registerShared(lunr);
const highlighter = new Highlighter(indexPipeline(lunr));
/** the index terms of a query's words, as the engine reports them matched */
const termsOf = (q: string) => q.split(" ").flatMap((w) => indexPipeline(lunr).runString(w));
const marked = (text: string, terms: string[]) =>
  highlighter.marks(text, new Set(terms)).map(([s, l]) => text.slice(s, s + l));

test("the words whose index terms matched are marked as written, without their punctuation", () => {
  const title = "(Selective) State-Space Models: STATES, spaces/space.";
  const terms = termsOf("state space");
  assert.deepEqual(marked(title, terms), ["State", "Space", "STATES", "spaces", "space"]);
  assert.deepEqual(marked(title, termsOf("selective")), ["Selective"]);
});

test("a word is marked when a compound part matched, and never for a mere substring", () => {
  assert.deepEqual(marked("LongLoRA: efficient fine-tuning", ["lora"]), ["LongLoRA"]);
  assert.deepEqual(marked("Spacecraft in outer space", termsOf("space")), ["space"]);
  assert.deepEqual(marked("Nothing here", ["space"]), []);
});

test("a snippet windows around the first mark, on word boundaries, its marks on the same words", () => {
  const text = `${"lead ".repeat(40)}target ${"tail ".repeat(80)}`;
  const at = text.indexOf("target");
  // the second mark, on the last word, lies past the window's end
  const sn = snippet(text, [
    [at, 6],
    [text.length - 5, 4],
  ]);
  assert.ok(sn.text.startsWith("…") && sn.text.endsWith("…"));
  assert.match(sn.text, /^…lead /, "starts on a word");
  assert.equal(sn.text.length <= 240 + 2, true);
  assert.deepEqual(
    sn.marks.map(([s, l]) => sn.text.slice(s, s + l)),
    ["target"],
  );
  assert.deepEqual(
    snippet("short text", [[6, 4]]),
    { text: "short text", marks: [[6, 4]] },
    "short text whole",
  );
  assert.deepEqual(snippet("no marks at all", []).text, "no marks at all");
});

test("any mark the snippet keeps still covers the word it marked; the first mark is always kept", () => {
  const word = fc.stringMatching(/^[a-z]{1,12}$/);
  fc.assert(
    fc.property(
      fc.array(word, { minLength: 1, maxLength: 200 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      (ws, picks) => {
        const text = ws.join(" ");
        const starts = ws.map((_, i) => ws.slice(0, i).join(" ").length + (i ? 1 : 0));
        const idx = [...new Set(picks.map((p) => p % ws.length))].sort((a, b) => a - b);
        const marks = idx.map((i): Range => [starts[i]!, ws[i]!.length]);
        const sn = snippet(text, marks);
        const kept = sn.marks.map(([s, l]) => sn.text.slice(s, s + l));
        assert.ok(kept.length >= 1, "the first mark is in the window");
        assert.equal(kept[0], ws[idx[0]!]);
        for (const k of kept) assert.ok(ws.includes(k));
        assert.ok(sn.text.length <= 240 + 2);
      },
    ),
  );
});

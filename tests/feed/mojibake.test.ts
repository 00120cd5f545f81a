// Item 5 of issue 21: double-encoded text (UTF-8 read as Windows-1252 upstream) is repaired and said
// once per file; every warning points at the line of the value it is about.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { repairMojibake } from "../../src/feed/mojibake.ts";
import { parseFeed } from "../../src/feed/parse.ts";
import { formatDiagnostic } from "../../src/common/diagnostics.ts";

/** What a pipeline that reads UTF-8 as Windows-1252 (Latin-1 for its five holes) writes out. */
const CP1252 = new TextDecoder("windows-1252");
function doubleEncode(text: string): string {
  return [...text]
    .map((ch) => {
      const bytes = new TextEncoder().encode(ch);
      if (bytes.length === 1) return ch;
      return [...bytes]
        .map((b) =>
          [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)
            ? String.fromCharCode(b)
            : CP1252.decode(Uint8Array.of(b)),
        )
        .join("");
    })
    .join("");
}

test("double-encoded names and symbols are decoded: Weißl, ω, don’t, café", () => {
  assert.equal(repairMojibake("Jakob WeiÃ\u009fl").text, "Jakob Weißl");
  assert.equal(repairMojibake("Jakob WeiÃŸl").text, "Jakob Weißl");
  assert.equal(repairMojibake("an $Ï‰$-regular language").text, "an $ω$-regular language");
  assert.equal(repairMojibake("donâ€™t").text, "don’t");
  assert.deepEqual(repairMojibake("cafÃ© and Ã¼ber").repair, {
    first: 3,
    count: 2,
    before: "Ã©",
    after: "é",
  });
});

test("correct text is never changed: real names and words with the letters mojibake starts with", () => {
  for (const text of [
    "São Paulo",
    "João Sá",
    "Weißl",
    "naïve",
    "Ångström",
    "Jürgen Müller",
    "Zoë Çelik",
    "Łukasz Kaiser",
    "Ñuñoa",
    "€100, ¼ of it, ±3 °C",
    "Ωmega ω",
    "日本語のテキスト",
    "Émile Zola, Ça va, Œuvre",
  ])
    assert.deepEqual(repairMojibake(text), { text }, text);
  const shipped = readFileSync(
    new URL("../../content/feeds/2025-03-11-trending.txt", import.meta.url),
    "utf8",
  );
  assert.equal(repairMojibake(shipped).repair, undefined);
});

test("property: any text double-encoded once comes back as it was", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
      assert.equal(repairMojibake(doubleEncode(text)).text, text);
    }),
    { numRuns: 500 },
  );
});

test("a file's double-encoded text is repaired everywhere and said in one warning, at the first one", () => {
  const file = "tests/fixtures/feeds/hf-double-encoded-2025-03-14.json";
  const dump = parseFeed(readFileSync(file, "utf8"), file);
  const messages = dump.diagnostics.map(formatDiagnostic);
  assert.deepEqual(messages, [
    `${file}:8:29: warning: repaired 10 double-encoded characters (UTF-8 read as Windows-1252 somewhere upstream), first "ÃŸ" → "ß"`,
    // the field's own line, not the line where its entry starts (2)
    `${file}:22: warning: githubRepo "javascript:alert(1)": Invalid URL; left out`,
  ]);
  const [first, second] = dump.entries;
  assert.deepEqual(first!.meta.authors, ["Jakob Weißl", "Zoë Ångström"]);
  assert.equal(first!.title, "Café-Scale State Space Models for $ω$-Regular Languages");
  assert.match(first!.abstract, /on ω-regular languages and show they don’t need/);
  assert.equal(second!.meta.authors![0], "João São");
  assert.doesNotMatch(JSON.stringify(dump.entries), /[ÃÏâ]/);
});

test("warnings point at the value's own line in arXiv XML too", () => {
  const xml = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>http://arxiv.org/api/2f0Yk9</id>
  <updated>2025-03-15T00:00:00-04:00</updated>
  <entry>
    <id>http://arxiv.org/abs/2503.05555v1</id>
    <published>2025-03-14T00:00:00Z</published>
    <title>A Title</title>
    <summary>An abstract that is long enough to be read as prose, and it says so twice.</summary>
    <arxiv:doi>   </arxiv:doi>
    <arxiv:comment>see &lt;script&gt;</arxiv:comment>
    <author><name>Ana Chimera</name></author>
  </entry>
</feed>
`;
  const messages = parseFeed(xml, "x.xml").diagnostics.map(formatDiagnostic);
  assert.deepEqual(messages, [
    'x.xml:11: warning: the comment holds markup or template syntax ("<script>"); it is shown as plain text',
  ]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseFeed } from "../../src/feed/parse.ts";
import { mergeDumps } from "../../src/feed/merge.ts";
import { Paper } from "../../src/feed/schema.ts";

const FILE = "content/feeds/2025-03-11-trending.txt";
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), "utf8");
const dump = parseFeed(text, FILE);
const { papers } = mergeDumps([dump]);

test("the shipped dump gives 59 valid papers and no diagnostics", () => {
  assert.deepEqual(dump.diagnostics, []);
  assert.equal(papers.length, 59);
  for (const p of papers) assert.equal(Paper.safeParse(p).success, true, p.title);
});

test("titles are exactly the title lines of the file", () => {
  const lines = text.split("\n");
  for (const p of papers) assert.equal(lines[p.digests[0]!.line - 1], p.title);
  assert.deepEqual(
    papers.map((p) => p.digests[0]!.rank),
    papers.map((_, i) => i + 1),
  );
});

test("both Chimera papers have distinct slugs and every slug is unique", () => {
  const chimeras = papers.filter((p) => p.title.startsWith("Chimera:"));
  assert.equal(chimeras.length, 2);
  assert.notEqual(chimeras[0]!.slug, chimeras[1]!.slug);
  assert.equal(new Set(papers.map((p) => p.slug)).size, 59);
});

test("LaTeX in the S4 abstract is kept intact", () => {
  const s4 = papers.find((p) => p.abstract.includes("\\( x'(t) = Ax(t) + Bu(t), y(t) = Cx(t) + Du(t) \\)"));
  assert.ok(s4);
});

test("the CRAFT paper's code link", () => {
  const craft = papers.find((p) => p.abstract.includes("(CRAFT)"))!;
  assert.deepEqual(craft.links, [{ url: "https://github.com/AVC2-UESTC/CRAFT-SR", kind: "code" }]);
});

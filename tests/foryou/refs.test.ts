import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeManifest, decodePapers, encodeManifest, encodePapers } from "../../src/foryou/refs.ts";
import { matchLibrary } from "../../src/foryou/match.ts";
import { errorOf, valueOf } from "../helpers.ts";

const papers = [
  { slug: "mamba", day: "2025-03-11", title: "Mamba: Linear-Time  Sequence Modeling", arxivId: "2312.00752" },
  { slug: "journal", day: "2025-03-12", title: "A Journal Paper", doi: "10.1038/x" },
];

test("the papers file reads back what matching needs: the same matches as the site's own papers", () => {
  const read = valueOf(decodePapers(encodePapers(papers)));
  assert.deepEqual(
    read.map((p) => [p.slug, p.day, p.arxivId, p.doi]),
    [
      ["mamba", "2025-03-11", "2312.00752", undefined],
      ["journal", "2025-03-12", undefined, "10.1038/x"],
    ],
  );
  const entries = [
    { title: "MAMBA: linear-time sequence modeling", authors: [], source: "bibtex" as const },
    { title: "x", doi: "10.1038/x", authors: [], source: "bibtex" as const },
  ];
  assert.deepEqual(matchLibrary(entries, read), matchLibrary(entries, papers));
});

test("a manifest or papers file of another version or shape is refused with what is wrong", () => {
  const m = { days: { "2025-03-11": "foryou/2025-03-11-abc.json" }, papers: "foryou/papers-abc.json" };
  assert.deepEqual(valueOf(decodeManifest(encodeManifest(m))), m);
  assert.match(errorOf(decodeManifest("{")), /not JSON/);
  assert.match(errorOf(decodeManifest(JSON.stringify({ ...m, version: 9 }))), /not of this version: version/);
  assert.match(errorOf(decodePapers(JSON.stringify({ version: 1, papers: [["a", "b"]] }))), /papers file/);
});

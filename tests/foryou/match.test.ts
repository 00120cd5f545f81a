import { test } from "node:test";
import assert from "node:assert/strict";
import { matchLibrary, matchingReport } from "../../src/foryou/match.ts";
import type { LibraryEntry } from "../../src/foryou/library.ts";

const site = [
  { slug: "mamba", title: "Mamba: Linear-Time Sequence Modeling", arxivId: "2312.00752" },
  { slug: "nature", title: "A Journal Paper", doi: "10.1038/S41586-024-00001-X" },
  { slug: "s4", title: "Efficiently Modeling Long Sequences with Structured State Spaces" },
];
const entry = (e: Partial<LibraryEntry> & { title: string }): LibraryEntry => ({
  authors: [],
  source: "bibtex",
  ...e,
});

test("entries match by arXiv id, then DOI (any case, resolver or not), then normalised title; others count by text", () => {
  const m = matchLibrary(
    [
      entry({ title: "A renamed Mamba", arxivId: "2312.00752", line: 1 }),
      entry({ title: "Other title", doi: "10.1038/s41586-024-00001-x", line: 5 }),
      entry({ title: "efficiently  modeling long sequences with structured state spaces", line: 9 }),
      entry({ title: "Not on the site", abstract: "state space words", line: 12 }),
      entry({ title: "2024: and the", line: 15 }),
      entry({ title: "EFFICIENTLY MODELING LONG SEQUENCES WITH STRUCTURED STATE SPACES", line: 20 }),
    ],
    site,
  );
  assert.deepEqual(
    m.matched.map((x) => [x.slug, x.by]),
    [
      ["mamba", "arXiv id"],
      ["nature", "DOI"],
      ["s4", "title"],
    ],
  );
  assert.deepEqual(
    m.byText.map((e) => e.title),
    ["Not on the site"],
  );
  assert.deepEqual(matchingReport(m), [
    "matched 3, by text 1, skipped 2",
    'line 15: skipped "2024: and the": not on the site, and its title and abstract have no word to compare',
    'line 20: skipped "EFFICIENTLY MODELING LONG SEQUENCES WITH STRUCTURED STATE SPACES": the same paper as line 9',
  ]);
});

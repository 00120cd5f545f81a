import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { IMPORT_LIMIT, importLibrary } from "../../src/foryou/import.ts";
import {
  exportLibrary,
  joinLibraries,
  libraryFile,
  readLibrary,
  LIBRARY_VERSION,
} from "../../src/foryou/library.ts";
import { errorOf, ROOT, valueOf } from "../helpers.ts";

const fixture = (name: string) => readFileSync(`${ROOT}/tests/fixtures/library/${name}`, "utf8");

test("a Zotero BibTeX export: titles read from TeX, arXiv ids from the DOI, the eprint field, the note", () => {
  const r = valueOf(importLibrary(fixture("zotero.bib")));
  assert.equal(r.format, "bibtex");
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.entries.map((e) => [e.title, e.arxivId, e.line]),
    [
      ["Mamba: Linear-Time Sequence Modeling with Selective State Spaces", "2312.00752", 1],
      ["Efficiently Modeling Long Sequences with Structured State Spaces", "2111.00396", 16],
      ["Diagonal State Spaces are as Effective as Structured State Spaces", undefined, 25],
    ],
  );
  assert.deepEqual(r.entries[1]!.authors, ["Albert Gu", "Karan Goel", "Christopher Ré"]);
  assert.match(r.entries[0]!.abstract!, /^Foundation models are almost universally/);
  assert.equal(r.entries[0]!.doi, "10.48550/arxiv.2312.00752");
});

test("broken BibTeX entries are reported by line and the rest imported; hostile text stays text", () => {
  const r = valueOf(importLibrary(fixture("broken.bib")));
  assert.deepEqual(
    r.entries.map((e) => e.title),
    [
      "Informer: Beyond Efficient Transformer for Long Sequence Time-Series Forecasting",
      // TeX read as text (braces and \\href's wrapper gone); the markup is kept as characters, never parsed
      "<img src=x onerror=alert(1)> 7*7 javascript:alert(1)",
    ],
  );
  assert.equal(r.problems.length, 2);
  assert.match(r.problems[0]!, /^line 10: /);
  assert.match(r.problems[1]!, /^line 14: no title$/);
  assert.match(r.entries[1]!.abstract!, /<script>alert\("x"\)<\/script> time series forecasting/);
});

test("CSL JSON: good items kept, a bad one reported at its line", () => {
  const r = valueOf(importLibrary(fixture("library.csl.json")));
  assert.equal(r.format, "csl");
  assert.deepEqual(
    r.entries.map((e) => [e.title, e.arxivId, e.line]),
    [
      [
        "Autoformer: Decomposition Transformers with Auto-Correlation for Long-Term Series Forecasting",
        "2106.13008",
        2,
      ],
      ["Time series forecasting with deep state space models", undefined, 17],
    ],
  );
  assert.deepEqual(r.entries[0]!.authors, ["Haixu Wu", "Tsinghua ML Group"]);
  assert.deepEqual(r.problems, ["line 15: entry 2: title: no title"]);
});

test("this site's CSV export is read back; formula guards undone", () => {
  const csv = [
    "slug,title,authors,date,arxiv_id,primary_class,doi,topics,url,saved_at,bibtex_key",
    "mamba,'=Mamba,Albert Gu; Tri Dao,2024-05-01,2312.00752,cs.LG,,,https://arxiv.org/abs/2312.00752,2025-01-01T00:00:00.000Z,",
    "empty,,,,,,,,,,",
  ].join("\n");
  const r = valueOf(importLibrary(csv));
  assert.equal(r.format, "csv");
  assert.deepEqual(
    r.entries.map((e) => [e.title, e.slug, e.arxivId, e.authors]),
    [["=Mamba", "mamba", "2312.00752", ["Albert Gu", "Tri Dao"]]],
  );
  assert.deepEqual(r.problems, ["row 2: no title"]);
});

test("a file over the limit, and a file that is no library, are refused with a message", () => {
  const big = importLibrary("@misc{a, title={x}}\n" + " ".repeat(IMPORT_LIMIT));
  assert.equal(big.ok, false);
  assert.match(errorOf(big), /over the 10 MB a library may be/);
  const text = importLibrary("just some notes\n");
  assert.equal(text.ok, false);
  assert.match(errorOf(text), /not a library file/);
});

test("a stored library of another version is set aside whole, never lost", () => {
  const old = { version: 0, entries: [{ title: "Kept" }] };
  const r = readLibrary(old);
  assert.equal(r.library.version, LIBRARY_VERSION);
  assert.deepEqual(r.library.imports, []);
  assert.equal(r.setAside, old);
  const ok = {
    version: LIBRARY_VERSION,
    imports: [
      { id: "a", name: "a.bib", format: "bibtex", entries: [{ title: "T", source: "bibtex" }], skipped: [] },
    ],
    triage: { dismissed: [{ slug: "a", title: "A" }] },
  };
  const read = readLibrary(ok);
  assert.equal(read.setAside, undefined);
  assert.deepEqual(read.library.triage, { dismissed: [{ slug: "a", title: "A" }], read: [] });
  assert.deepEqual(read.library.imports[0]!.entries, [{ title: "T", source: "bibtex", authors: [] }]);
});

test("a library export reads back as the same library, joins another, and is told from CSL JSON", () => {
  const a = readLibrary({
    version: LIBRARY_VERSION,
    imports: [
      {
        id: "x",
        name: "x.bib",
        format: "bibtex",
        entries: [{ title: "Old", source: "bibtex" }],
        skipped: [],
      },
    ],
    triage: { dismissed: [{ slug: "s1", title: "One" }], read: [{ slug: "s2", title: "Two" }] },
  }).library;
  const back = libraryFile(JSON.parse(exportLibrary(a)));
  assert.deepEqual(back, { library: a });
  assert.equal(libraryFile([{ title: "a CSL item" }]), undefined);
  assert.equal(libraryFile({ title: "no format" }), undefined);
  const b = readLibrary({
    version: LIBRARY_VERSION,
    imports: [
      {
        id: "x",
        name: "x.bib",
        format: "bibtex",
        entries: [{ title: "New", source: "bibtex" }],
        skipped: [],
      },
    ],
    triage: { dismissed: [{ slug: "s3", title: "Three" }] },
  }).library;
  const joined = joinLibraries(a, b);
  assert.deepEqual(
    joined.imports.map((i) => i.entries[0]!.title),
    ["New"],
  );
  assert.deepEqual(
    joined.triage.dismissed.map((m) => m.slug),
    ["s1", "s3"],
  );
  assert.deepEqual(joined.triage.read, a.triage.read);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseFeed } from "../../src/feed/parse.ts";

const A1 =
  "We study long sequences with a new model. It scales linearly in the sequence length and beats strong baselines on three benchmarks.";
const A2 =
  "Attention is costly for long inputs. We propose a sparse variant that keeps accuracy while cutting memory by half on all tasks we tried.";
const HEAD =
  "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 11\n\n";
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const errors = (d: ReturnType<typeof parseFeed>) => d.diagnostics.filter((x) => x.severity === "error");
const warnings = (d: ReturnType<typeof parseFeed>) => d.diagnostics.filter((x) => x.severity === "warning");

test("skips the header lines, reads the date line as label and alternates title/abstract", () => {
  const d = parseFeed(fixture("two-papers.txt"), "2025-03-11-trending.txt");
  assert.equal(d.label, "Mar 11");
  assert.equal(d.date, "2025-03-11");
  assert.deepEqual(
    d.entries.map((e) => [e.title, e.rank, e.line]),
    [
      ["First Paper Title", 1, 11],
      ["Second Paper: A Study", 2, 15],
    ],
  );
  assert.equal(d.entries[0]!.abstract, A1);
  assert.deepEqual(d.diagnostics, []);
});

test("CRLF, CR, BOM, trailing spaces and tabs parse the same as clean LF text", () => {
  const clean = parseFeed(fixture("two-papers.txt"), "x.txt");
  const messy =
    "\uFEFF" +
    fixture("two-papers.txt")
      .replace(/\n/g, (_m) => " \t\r\n")
      .replace("Subscribe \t\r\n", "Subscribe\r");
  const d = parseFeed(messy, "x.txt");
  assert.deepEqual(d.entries, clean.entries);
  assert.deepEqual(errors(d), []);
});

test("a date comes from front matter before the file name, never from the clock", () => {
  const text = `---\ndate: 2024-01-02\nsource: https://example.org\ntitle: My dump\n---\n${HEAD}T One\n\n${A1}\n`;
  const d = parseFeed(text, "2025-03-11-trending.txt");
  assert.equal(d.date, "2024-01-02");
  assert.equal(d.source, "https://example.org");
  assert.equal(d.entries[0]!.line, 16);
  assert.equal(parseFeed(`${HEAD}T One\n\n${A1}\n`, "dump.txt").date, undefined);
});

test("bad front matter is an error at line 1 naming the field", () => {
  const d = parseFeed(`---\ndate: yesterday\n---\nT\n\n${A1}\n`, "f.txt");
  assert.equal(errors(d).length, 1);
  assert.match(errors(d)[0]!.message, /front matter date: expected a date as YYYY-MM-DD/);
  assert.match(errors(parseFeed(`---\nfoo: [\n---\nT\n`, "f.txt"))[0]!.message, /not valid YAML/);
  assert.match(errors(parseFeed(`---\ndate: 2024-01-01\nT\n`, "f.txt"))[0]!.message, /never closed/);
});

test("an unknown header line before the date line is skipped with a warning", () => {
  const d = parseFeed(`new\n\nTrending on the hub today\n\nMar 11\n\nT One\n\n${A1}\n`, "f.txt");
  assert.equal(d.entries.length, 1);
  assert.deepEqual(
    warnings(d).map((w) => w.line),
    [3],
  );
});

test("without a date line only known header lines are skipped", () => {
  const d = parseFeed(`Subscribe\n\nT One\n\n${A1}\n`, "2025-01-05.txt");
  assert.deepEqual(
    d.entries.map((e) => e.title),
    ["T One"],
  );
  assert.equal(d.label, "Jan 5, 2025");
});

test("a title followed by another title is an error on the first one's line", () => {
  const d = parseFeed(fixture("missing-abstract.txt"), "m.txt");
  assert.deepEqual(
    errors(d).map((e) => [e.line, /has no abstract/.test(e.message)]),
    [[5, true]],
  );
  assert.deepEqual(
    d.entries.map((e) => e.title),
    ["Second Paper: A Study"],
  );
});

test("a lone title at the end is an error", () => {
  const d = parseFeed(fixture("lone-title.txt"), "l.txt");
  assert.deepEqual(
    errors(d).map((e) => e.line),
    [7],
  );
  assert.match(errors(d)[0]!.message, /last paragraph/);
});

test("an abstract where a title is expected is an error", () => {
  const d = parseFeed(`Mar 1\n\nT One\n\n${A1}\n\n${A2}\n`, "a.txt");
  assert.deepEqual(
    errors(d).map((e) => e.line),
    [7],
  );
  assert.match(errors(d)[0]!.message, /reads as an abstract/);
});

test("empty, header-only and binary input give one error and no papers", () => {
  for (const text of ["", "\n\n  \n", fixture("headers-only.txt"), "abc\u0000def"]) {
    const d = parseFeed(text, "e.txt");
    assert.equal(d.entries.length, 0);
    assert.equal(errors(d).length, 1, JSON.stringify(text));
  }
});

test("a paragraph over several lines is joined with a warning", () => {
  const d = parseFeed(`Mar 1\n\nA title\nthat wraps\n\n${A1.replace(". ", ".\n")}\n`, "w.txt");
  assert.equal(d.entries[0]!.title, "A title that wraps");
  assert.equal(d.entries[0]!.abstract, A1);
  assert.deepEqual(
    warnings(d).map((w) => w.line),
    [3, 6],
  );
});

test("zero-width and bidi controls are removed from titles with a warning", () => {
  const d = parseFeed(`Mar 1\n\nMa\u200Bmba \u202Eevil\u202C\n\n${A1}\n`, "z.txt");
  assert.equal(d.entries[0]!.title, "Mamba evil");
  assert.match(warnings(d)[0]!.message, /U\+200B, U\+202E, U\+202C/);
});

test("text is NFC-normalised", () => {
  const d = parseFeed(`Mar 1\n\nCafe\u0301 models\n\n${A1}\n`, "n.txt");
  assert.equal(d.entries[0]!.title, "Caf\u00e9 models");
});

test("exact duplicates merge with a warning naming both lines; same title, other abstract keeps both", () => {
  const d = parseFeed(`Mar 1\n\nT One\n\n${A1}\n\nT One\n\n${A1}\n\nT one\n\n${A2}\n`, "d.txt");
  assert.deepEqual(
    d.entries.map((e) => [e.title, e.rank, e.variant]),
    [
      ["T One", 1, undefined],
      ["T one", 2, 2],
    ],
  );
  assert.deepEqual(
    warnings(d).map((w) => [w.line, w.message.includes("line 3")]),
    [
      [7, true],
      [11, true],
    ],
  );
});

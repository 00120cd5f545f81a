import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, runCli, tempDir } from "../helpers.ts";

test("check on the shipped dump: 59 papers, 0 errors, exit 0", async () => {
  const r = await runCli(["check", "content/feeds/2025-03-11-trending.txt"]);
  assert.equal(r.code, 0);
  assert.equal(r.stderr.trim().split("\n").at(-1), "59 papers, 0 errors, 0 warnings");
});

test("check without files reads content/feeds", async () => {
  const r = await runCli(["check"]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /^59 papers/m);
});

test("check --format github prints annotations", async () => {
  const r = await runCli(["check", "--format", "github", "tests/fixtures/lone-title.txt"]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /^::error file=tests\/fixtures\/lone-title.txt,line=7::title "Lonely Title At The End" has no abstract/m,
  );
});

test("check --format github gives a column (col=) when the diagnostic has one: JSON and XML dumps", async (t) => {
  const dir = tempDir(t);
  const hf = readFileSync(path.join(ROOT, "tests/fixtures/feeds/hf-daily-papers-2025-03-14.json"), "utf8");
  writeFileSync(
    path.join(dir, "2025-03-14-hf-daily.json"),
    hf.replace('"title": "LongWriter', '"title": 7, "x": "'),
  );
  writeFileSync(
    path.join(dir, "2025-01-16-arxiv-cs.LG.xml"),
    "<rss><channel>\n  <item><title>T</item>\n</rss>\n",
  );
  const r = await runCli(
    ["check", "--format", "github", "2025-03-14-hf-daily.json", "2025-01-16-arxiv-cs.LG.xml"],
    dir,
  );
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /^::error file=2025-03-14-hf-daily.json,line=54,col=16::entry 1: paper.title: expected a string$/m,
  );
  assert.match(r.stderr, /^::error file=2025-01-16-arxiv-cs.LG.xml,line=2,col=\d+::not well-formed XML: /m);
});

test("list --json gives 59 records and nothing else on stdout", async () => {
  const r = await runCli(["list", "--json"]);
  assert.equal(r.code, 0);
  const records = JSON.parse(r.stdout);
  assert.equal(records.length, 59);
  assert.equal(records[0].digests[0].file, "content/feeds/2025-03-11-trending.txt");
});

test("bad input matrix: one FILE[:LINE]: error: line each, exit 1", async (t) => {
  const dir = tempDir(t);
  const big = path.join(dir, "big.txt");
  writeFileSync(big, "x".repeat(50 * 1024 * 1024));
  const cases: [string, RegExp][] = [
    [
      "tests/fixtures/empty.txt",
      /^tests\/fixtures\/empty.txt:1: error: no papers found: the file is empty$/m,
    ],
    ["tests/fixtures/binary.bin", /^tests\/fixtures\/binary.bin:1: error: this is not a text dump/m],
    [big, /big.txt: error: file is 50.0 MB; a dump may be at most 32 MB/],
    [
      "tests/fixtures/headers-only.txt",
      /headers-only.txt:3: error: no papers found: the file holds only header lines/,
    ],
    [
      "tests/fixtures/lone-title.txt",
      /lone-title.txt:7: error: title "Lonely Title At The End" has no abstract/,
    ],
    [
      "tests/fixtures/missing-abstract.txt",
      /missing-abstract.txt:5: error: title "First Paper Title" has no abstract/,
    ],
    ["tests", /^tests: error: is a folder, expected a text file$/m],
    ["nope.txt", /^nope.txt: error: no such file or folder$/m],
  ];
  for (const [file, expected] of cases) {
    const r = await runCli(["check", file]);
    assert.equal(r.code, 1, file);
    assert.match(r.stderr, expected);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
});

test("usage errors exit 2 with usage on stderr", async () => {
  for (const argv of [["frobnicate"], ["check", "--nope"], []]) {
    const r = await runCli(argv);
    assert.equal(r.code, 2, argv.join(" "));
    assert.match(r.stderr, /Usage: paper-digest/);
  }
  const help = await runCli(["list", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--json/);
});

test("the installed bin runs through npx", () => {
  const out = spawnSync("npx", ["--no-install", "paper-digest", "check", "tests/fixtures/lone-title.txt"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(out.status, 1);
  assert.match(out.stderr, /lone-title.txt:7: error:/);
  assert.equal(
    execFileSync("npx", ["--no-install", "paper-digest", "list", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    }).startsWith("["),
    true,
  );
});

test("check on a broken JSON or XML dump prints FILE:LINE:COL: error and exits 1", async (t) => {
  const dir = tempDir(t);
  const json = path.join(dir, "2025-03-14-hf-daily.json");
  const line2 = '  {"paper": {"id": "2501.00001", "title": 7, "summary": "x"}}';
  writeFileSync(json, `[\n${line2}\n]\n`);
  const xml = path.join(dir, "2025-03-15-arxiv-api.xml");
  writeFileSync(
    xml,
    '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <entry>\n</feed>\n',
  );
  const r = await runCli(["check", json, xml], dir);
  assert.equal(r.code, 1);
  const col = line2.indexOf("7") + 1;
  assert.ok(
    r.stderr.includes(`2025-03-14-hf-daily.json:2:${col}: error: entry 1: paper.title: expected a string\n`),
    r.stderr,
  );
  assert.match(r.stderr, /^2025-03-15-arxiv-api\.xml:4:\d+: error: not well-formed XML: /m);
  assert.match(r.stderr.trim().split("\n").at(-1)!, /^0 papers, 2 errors, 0 warnings$/);
});

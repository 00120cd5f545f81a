import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT, project, runCli, tempDir } from "../helpers.ts";
import { treeHash } from "../site/check-site.ts";

let root = "";
let out = "";
let before0 = "";

before(async () => {
  root = project({ after: (fn) => process.on("exit", fn) });
  out = path.join(root, "_site");
  const r = await runCli(["build"], root);
  assert.equal(r.code, 0, r.stderr);
  before0 = treeHash(out);
});

async function failsCleanly(
  argv: string[],
  expected: RegExp,
  code: number,
  setup?: () => void,
  undo?: () => void,
) {
  setup?.();
  try {
    const r = await runCli(["build", ...argv], root);
    assert.equal(r.code, code, r.stderr);
    const errors = r.stderr.split("\n").filter((l) => /: error: /.test(l));
    assert.equal(errors.length, 1, r.stderr);
    assert.match(errors[0]!, expected);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    assert.equal(treeHash(out), before0, "the previous output is byte-identical");
  } finally {
    undo?.();
  }
}

test("an invalid topic file stops the build with FILE: field: message, exit 1", async () => {
  const bad = path.join(root, "content/topics/bad.md");
  await failsCleanly(
    [],
    /^content\/topics\/bad.md: error: threshold: /,
    1,
    () => writeFileSync(bad, "---\nname: Bad\nthreshold: lots\n---\nx\n"),
    () => rmSync(bad),
  );
});

test("an override naming an unknown topic stops the build, exit 1", async () => {
  const dir = path.join(root, "content/papers");
  const file = path.join(dir, "music-transformer.md");
  await failsCleanly(
    [],
    /^content\/papers\/music-transformer.md: error: topics.add.0: unknown topic "jazz"/,
    1,
    () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, "---\ntopics:\n  add: [jazz]\n---\n");
    },
    () => rmSync(file),
  );
});

test("broken dumps stop the build, exit 1, previous output untouched", async () => {
  const cases: [string, RegExp][] = [
    ["empty.txt", /empty.txt:1: error: no papers found: the file is empty/],
    ["binary.bin", /binary.bin:1: error: this is not a text dump/],
    ["headers-only.txt", /headers-only.txt:3: error: no papers found/],
    ["lone-title.txt", /lone-title.txt:7: error: title "Lonely Title At The End" has no abstract/],
  ];
  for (const [name, expected] of cases)
    await failsCleanly([path.join(ROOT, "tests/fixtures", name)], expected, 1);
  const big = path.join(root, "big.txt");
  await failsCleanly(
    [big],
    /big.txt: error: file is 50.0 MB/,
    1,
    () => writeFileSync(big, "x".repeat(50 * 1024 * 1024)),
    () => rmSync(big),
  );
});

test("an output folder that cannot be written: exit 3, one line", async () => {
  const blocker = path.join(root, "not-a-folder");
  writeFileSync(blocker, "a file");
  const r = await runCli(["build", "--out", path.join(blocker, "site")], root);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /not-a-folder\/site: error: cannot write the site: /);
  assert.equal(treeHash(out), before0);
});

test("a missing feed folder: exit 1, one line naming it", async () => {
  const empty = tempDir({ after: (fn) => process.on("exit", fn) });
  cpSync(path.join(ROOT, "content/topics"), path.join(empty, "content/topics"), { recursive: true });
  const r = await runCli(["build"], empty);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^content\/feeds: error: feed folder: no such file or folder$/m);
});

test("a good build replaces the previous output completely", async () => {
  const stray = path.join(out, "stray.html");
  writeFileSync(stray, "old");
  const r = await runCli(["build"], root);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(treeHash(out), before0);
});

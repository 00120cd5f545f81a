import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, runCli, tempDir } from "../helpers.ts";

const REAL = readFileSync(path.join(ROOT, "content/feeds/2025-03-11-trending.txt"), "utf8");

function project(t: { after: (fn: () => void) => void }) {
  const root = tempDir(t);
  cpSync(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
  return root;
}

/** The real dump minus its first two papers plus one new paper. */
function nextDay(): string {
  const parts = REAL.trim().split("\n\n");
  return (
    [
      ...parts.slice(0, 5),
      "Mar 12",
      ...parts.slice(9),
      "A Brand New Paper About Things",
      "This is a new abstract. It has several sentences and is long enough to be read as prose by the parser.",
    ]
      .filter((p, i) => !(i === 4 && p === "Mar 11"))
      .join("\n\n") + "\n"
  );
}

test("add stores the dump under its date and says what changed", async (t) => {
  const root = project(t);
  const file = path.join(root, "incoming.txt");
  writeFileSync(file, nextDay());
  const r = await runCli(["add", file, "--date", "2025-03-12"], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^added content\/feeds\/2025-03-12-trending.txt: 58 papers$/m);
  assert.match(r.stdout, /^1 new paper\n {2}A Brand New Paper About Things$/m);
  assert.match(r.stdout, /^57 papers seen before in earlier dumps$/m);
  assert.match(
    r.stdout,
    /^2 papers dropped off since Mar 11 \(2025-03-11\)\n {2}Feature Modulation Transformer/m,
  );
  assert.equal(readFileSync(path.join(root, "content/feeds/2025-03-12-trending.txt"), "utf8"), nextDay());
});

test("add takes the date from the file name or front matter, and asks for --date when there is none", async (t) => {
  const root = project(t);
  const named = path.join(root, "2025-03-13-anything.txt");
  writeFileSync(named, nextDay());
  assert.equal((await runCli(["add", named], root)).code, 0);
  const fm = path.join(root, "fm.txt");
  writeFileSync(fm, "---\ndate: 2025-03-14\n---\n" + nextDay().replace("A Brand New", "Another New"));
  assert.equal((await runCli(["add", fm], root)).code, 0);
  const none = path.join(root, "undated.txt");
  writeFileSync(none, nextDay().replace("A Brand New", "Third New"));
  const r = await runCli(["add", none], root);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /undated.txt: error: no date known for this dump: .* pass --date YYYY-MM-DD/);
  assert.deepEqual(readdirSync(path.join(root, "content/feeds")).sort(), [
    "2025-03-11-trending.txt",
    "2025-03-13-trending.txt",
    "2025-03-14-trending.txt",
  ]);
});

test("add refuses a dump with errors and an exact copy, writing nothing", async (t) => {
  const root = project(t);
  const copy = path.join(root, "copy.txt");
  writeFileSync(copy, REAL.replace(/\n/g, "\r\n"));
  const r1 = await runCli(["add", copy, "--date", "2025-04-01"], root);
  assert.equal(r1.code, 1);
  assert.match(
    r1.stderr,
    /error: an exact copy of content\/feeds\/2025-03-11-trending.txt is already in content\/feeds/,
  );
  const r2 = await runCli(
    ["add", path.join(ROOT, "tests/fixtures/lone-title.txt"), "--date", "2025-04-01"],
    root,
  );
  assert.equal(r2.code, 1);
  assert.match(r2.stderr, /lone-title.txt:7: error: /);
  assert.deepEqual(readdirSync(path.join(root, "content/feeds")), ["2025-03-11-trending.txt"]);
  assert.equal((await runCli(["add", copy, "--date", "yesterday"], root)).code, 1);
});

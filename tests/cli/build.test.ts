import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, project, runCli, tempDir } from "../helpers.ts";
import { files, treeHash } from "../site/check-site.ts";

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

/** content/site.json of `dir` as shipped, with `host` set (one key a line: "host" is on line 6). */
function setHost(dir: string, host: unknown): void {
  const file = path.join(dir, "content/site.json");
  const site = JSON.parse(readFileSync(path.join(ROOT, "content/site.json"), "utf8")) as object;
  writeFileSync(file, JSON.stringify({ ...site, host }, null, 2) + "\n");
}

test("a host content/site.json does not know, or a host of one's own without its limit: FILE:LINE:COL, exit 1", async () => {
  const shipped = readFileSync(path.join(root, "content/site.json"), "utf8");
  const restore = () => writeFileSync(path.join(root, "content/site.json"), shipped);
  await failsCleanly(
    [],
    /^content\/site.json:6:11: error: host: unknown host "gh-pages"; expected one of "github-pages", "cloudflare-pages", "cloudflare-pages-paid", "netlify", or an object \{ "name", "measure", "limit" \} for a host of your own$/,
    1,
    () => setHost(root, "gh-pages"),
    restore,
  );
  await failsCleanly(
    [],
    /^content\/site.json:6:11: error: host: a host of your own: measure: expected one of "bytes", "files", "entries-per-folder"; limit: missing; expected a number$/,
    1,
    () => setHost(root, { name: "our server", measure: "megabytes" }),
    restore,
  );
  await failsCleanly(
    [],
    /^content\/site.json:6:11: error: host: expected one of "github-pages", .*, or an object \{ "name", "measure", "limit" \} for a host of your own$/,
    1,
    () => setHost(root, 1e9),
    restore,
  );
});

test("past 80% of the host's limit the build warns, over it louder; both write the site, exit 0", async (t) => {
  // the site weighs what the shipped build wrote, all but its report
  const weighed = files(out, "").filter((f) => !f.endsWith(path.join("about", "index.html")));
  const count = weighed.length;
  const bytes = weighed.reduce((a, f) => a + statSync(f).size, 0);
  const dir = project(t);
  const build = async (host: object) => {
    setHost(dir, { name: "tiny host", ...host });
    const r = await runCli(["build"], dir);
    assert.equal(r.code, 0, r.stderr);
    const about = readFileSync(path.join(dir, "_site/about/index.html"), "utf8");
    return { stderr: r.stderr, warnings: r.stderr.split("\n").filter((l) => / warning: /.test(l)), about };
  };

  const roomy = await build({ measure: "files", limit: count * 2 });
  assert.deepEqual(roomy.warnings, []);
  assert.match(roomy.stderr, /, 0 warnings in /);
  assert.match(
    roomy.about,
    new RegExp(`<strong>fits tiny host: ${count} files of ${count * 2}</strong>, 50%`),
  );

  const limit = Math.floor(count / 0.9);
  const near = await build({ measure: "files", limit });
  assert.deepEqual(near.warnings, [
    `_site: warning: the site uses 90% of the limit of tiny host (${count} files of ${limit}), room for about ` +
      `${Math.round(((limit - count) / count) * 59)} more papers at this weight a paper; before it is full, make it ` +
      `lighter or name a host with a larger limit as "host" in content/site.json`,
  ]);
  assert.match(near.stderr, /, 1 warning in /);
  assert.match(near.about, /<strong>Warning:<\/strong> the site uses 90% of the limit of tiny host/);

  const over = await build({ measure: "bytes", limit: bytes - 1 });
  assert.equal(over.warnings.length, 1);
  assert.match(
    over.warnings[0]!,
    /^_site: warning: the site is over the limit of tiny host \([\d.]+ MB of [\d.]+ MB, 100%\): it was written, but the host may refuse or cut off the deploy; make it lighter \(fewer dumps in content\/feeds\/\) or deploy it elsewhere and name a host with a larger limit as "host" in content\/site.json$/,
  );
  assert.match(over.about, /<strong>over tiny host: /);
  assert.equal(files(path.join(dir, "_site/papers"), "index.html").length, 59, "the site was written");
});

test("run from the project's own folder, as a user runs it, the build writes every page", (t) => {
  // the command in a child process whose working folder is the project, not this repository: the
  // templates are then outside it (Eleventy globs from the working folder)
  const root = project(t);
  const out = path.join(root, "_site");
  const r = spawnSync(process.execPath, [path.join(ROOT, "src/cli/paper-digest.js"), "build"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /59 papers, 81 pages/);
  assert.equal(files(path.join(out, "papers"), ".html").length, 59);
  assert.match(readFileSync(path.join(out, "about", "index.html"), "utf8"), /fits GitHub Pages/);
});

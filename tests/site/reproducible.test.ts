import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, runCli, tempDir } from "../helpers.ts";
import { files, treeHash } from "./check-site.ts";

test("the same content builds to byte-identical output, in two places, with no build clock or path in it", async (t) => {
  const a = path.join(tempDir(t), "a");
  const b = path.join(tempDir(t), "elsewhere", "b");
  assert.equal((await runCli(["build", "--out", a])).code, 0);
  assert.equal((await runCli(["build", "--out", b])).code, 0);
  assert.equal(treeHash(a), treeHash(b));
  for (const f of files(a, "")) {
    const text = readFileSync(f, "utf8");
    assert.ok(!text.includes(ROOT) && !text.includes(a), `${f} names a build path`);
    assert.ok(
      !text.includes(new Date().toISOString().slice(0, 10)) || f.includes("katex"),
      `${f} holds today's date`,
    );
  }
  assert.match(readFileSync(path.join(a, "feed.xml"), "utf8"), /<updated>2025-03-11T00:00:00Z<\/updated>/);
});

test("SOURCE_DATE_EPOCH dates a site whose dumps have no date", async (t) => {
  const root = tempDir(t);
  cpSync(path.join(ROOT, "content/topics"), path.join(root, "content/topics"), { recursive: true });
  cpSync(
    path.join(ROOT, "content/feeds/2025-03-11-trending.txt"),
    path.join(root, "content/feeds/undated.txt"),
  );
  const out = path.join(root, "_site");
  const { main } = await import("../../src/cli/main.ts");
  let err = "";
  const code = await main(["build", "--out", out], {
    stdout: () => {},
    stderr: (s) => void (err += s),
    cwd: root,
    env: { SOURCE_DATE_EPOCH: "1741651200" },
  });
  assert.equal(code, 0, err);
  assert.match(readFileSync(path.join(out, "feed.xml"), "utf8"), /<updated>2025-03-11T00:00:00Z<\/updated>/);
});

test("the build report lists each dump, its counts, the warnings, the taxonomy and generator versions", async (t) => {
  const out = path.join(tempDir(t), "s");
  assert.equal(
    (
      await runCli([
        "build",
        "content/feeds/2025-03-11-trending.txt",
        "tests/fixtures/hostile.txt",
        "--out",
        out,
      ])
    ).code,
    0,
  );
  const about = readFileSync(path.join(out, "about/index.html"), "utf8");
  assert.match(
    about,
    /<td>2025-03-11<\/td><td>Mar 11<\/td><td><code>content\/feeds\/2025-03-11-trending.txt<\/code><\/td><td>59<\/td><td>59<\/td><td>0<\/td>/,
  );
  assert.match(about, /<td>Mar 12<\/td><td><code>tests\/fixtures\/hostile.txt<\/code><\/td><td>11<\/td>/);
  assert.match(
    about,
    /tests\/fixtures\/hostile.txt:11: warning: the title holds markup or template syntax \(&quot;&lt;script&gt;&quot;\)/,
  );
  assert.match(about, /Taxonomy version <code>[0-9a-f]{10}<\/code>/);
  assert.match(about, /generator Paper Digest \d+\.\d+\.\d+/);
  assert.match(
    readFileSync(path.join(out, "index.html"), "utf8"),
    /<a href="\/about\/">About this build<\/a>/,
  );
});

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli, tempDir } from "../helpers.ts";
import { brokenLinks, files, invalidXml, validateHtml } from "./check-site.ts";
import { pageText, unsafeMarkup } from "./safety.ts";

let out = "";
let stderr = "";
before(async () => {
  out = path.join(tempDir({ after: (fn) => process.on("exit", fn) }), "site");
  const r = await runCli(["build", "tests/fixtures/hostile.txt", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  stderr = r.stderr;
});

test("every distinct paper has a page; exact duplicates are merged; slugs are clean ASCII", () => {
  const slugs = files(path.join(out, "papers"), "index.html").map((f) => path.basename(path.dirname(f)));
  assert.equal(slugs.length, 11);
  for (const s of slugs) assert.match(s, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  for (const s of slugs) assert.ok(s.length <= 80, s);
  assert.equal(slugs.filter((s) => s.startsWith("same-title-different-abstract")).length, 2);
});

test("each oddity is a warning with its line", () => {
  for (const expected of [
    /hostile.txt:1: warning: removed a byte-order mark/,
    /hostile.txt:1: warning: \d+ lines end with CR or CRLF/,
    /hostile.txt:11: warning: the title holds markup/,
    /hostile.txt:26: warning: abstract spans 5 lines/,
    /hostile.txt:36: warning: removed invisible or control characters \(U\+200B, U\+202E, U\+202C\)/,
    /hostile.txt:44: warning: duplicate of the paper at line 40/,
    /hostile.txt:52: warning: same title as the paper at line 48/,
  ])
    assert.match(stderr, expected);
});

test("no element, attribute, script or URL scheme from feed text reaches any page", () => {
  assert.deepEqual(unsafeMarkup(out), []);
});

test("the hostile text itself is on the pages, as text", () => {
  const text = (slug: string) => pageText(path.join(out, "papers", slug, "index.html"));
  assert.match(
    text("script-alert-title-script-scripted-title"),
    /<script>alert\('title'\)<\/script> Scripted Title/,
  );
  assert.match(text("script-alert-title-script-scripted-title"), /<img src=x onerror=alert\(2\)>/);
  assert.match(
    text("template-7-7-and-raw-syntax"),
    /\{\{ 7\*7 \}\}, \{% include 'x' %\}, \{# comment #\} and \$\{7\*7\}/,
  );
  assert.match(
    text("markdown-bold-and-a-link-javascript-alert-6-in-a-title"),
    /\*\*not bold\*\*, _not italic_, \[not a link\]\(/,
  );
  assert.match(
    text("front-matter-fences-inside-an-abstract"),
    // the fences are text of the abstract, which reads `---` as TeX does: an em dash
    /on purpose\. — title: injected — The fences/,
  );
  assert.match(
    text("math-href-javascript-alert-8-click-and-frac-title"),
    /\\\( \\frac\{ \\\) cannot be parsed and stays raw/,
  );
});

test("JSON-LD cannot be closed by feed text and still parses to the title", () => {
  const html = readFileSync(
    path.join(out, "papers/json-ld-breaker-script-script-alert-7-script/index.html"),
    "utf8",
  );
  const block = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!;
  assert.doesNotMatch(block, /<\/script/i);
  assert.equal(JSON.parse(block).headline, "JSON-LD breaker </script><script>alert(7)</script>");
});

test("html-validate: no errors; no broken internal link; feeds are well-formed XML", async () => {
  assert.deepEqual(await validateHtml(out), []);
  assert.deepEqual(brokenLinks(out), []);
  assert.deepEqual(invalidXml(out), []);
});

test("every page carries the Content-Security-Policy", () => {
  for (const f of files(out, ".html")) {
    assert.match(
      readFileSync(f, "utf8"),
      /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'">/,
      f,
    );
  }
});

test("diagnostics stay on stderr: no page shows a parser message except the build report", () => {
  for (const f of files(out, ".html").filter((f) => !f.includes(`${path.sep}about${path.sep}`))) {
    assert.doesNotMatch(readFileSync(f, "utf8"), /warning: /, f);
  }
});

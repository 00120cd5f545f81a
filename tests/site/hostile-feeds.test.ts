import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { runCli, tempDir } from "../helpers.ts";
import { brokenLinks, decodeHtml, files, invalidXml, validateHtml } from "./check-site.ts";
import { pageText, unsafeMarkup } from "./safety.ts";

let out = "";
let stderr = "";
const FEEDS = ["tests/fixtures/feeds/hostile-hf.json", "tests/fixtures/feeds/hostile-arxiv.xml"];

before(async () => {
  out = path.join(tempDir({ after: (fn) => process.on("exit", fn) }), "site");
  const r = await runCli(["build", ...FEEDS, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  stderr = r.stderr;
});

const paper = (pattern: RegExp) => {
  const file = files(path.join(out, "papers"), "index.html").find((f) => pattern.test(f));
  assert.ok(file, String(pattern));
  return { html: readFileSync(file, "utf8"), text: pageText(file) };
};

test("no element, attribute, script or URL scheme from a JSON or XML dump reaches any page", () => {
  assert.deepEqual(unsafeMarkup(out), []);
});

test("unsafe links and malformed metadata are left out with a warning naming the file and the value's line", () => {
  for (const expected of [
    /hostile-hf\.json:28: warning: githubRepo "javascript:alert\(5\)": .*left out/,
    /hostile-hf\.json:29: warning: projectPage "data:text\/html,.*left out/,
    /hostile-arxiv\.xml:19: warning: categories .*left out/,
    /hostile-hf\.json:5: warning: the title holds markup or template syntax/,
    /hostile-hf\.json:7: warning: removed invisible or control characters \(U\+202E\) from the author/,
  ])
    assert.match(stderr, expected);
});

test("authors, comments, journal and titles show as text, never as markup", () => {
  const hf = paper(/script-alert-hf-script-scripted/);
  assert.match(hf.text, /<script>alert\('hf'\)<\/script> Scripted \{\{ 7\*7 \}\} Title/);
  assert.match(hf.text, /<b onmouseover=alert\(4\)>Eve<\/b>/);
  assert.doesNotMatch(hf.html, /href="javascript:|href="data:/);
  const ax = paper(/entity-img-src-x-onerror-alert-9-title-wrapped/);
  assert.match(ax.text, /Entity <img src=x onerror=alert\(9\)> Title Wrapped/);
  assert.match(ax.text, /<script>alert\(12\)<\/script>/);
  assert.match(ax.text, /\{\{ 7\*7 \}\} <i>comment<\/i>/);
  assert.match(
    ax.text,
    /A CDATA abstract with <svg onload=alert\(10\)> and <a href="javascript:alert\(11\)">a link<\/a>\. It has two sentences/,
  );
});

test("JSON-LD and citation meta tags hold hostile authors as data", () => {
  const { html } = paper(/script-alert-hf-script-scripted/);
  const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
  assert.doesNotMatch(block, /<\/script|\u2028/i);
  const ld = JSON.parse(block);
  assert.equal(ld.author[0].name, "<b onmouseover=alert(4)>Eve</b>");
  assert.match(ld.headline, /^<script>alert\('hf'\)<\/script> Scripted/);
  // the short description is the meta tag's alone, escaped there
  assert.match(
    html,
    /<meta name="description" content="[^"]*&lt;\/script&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt; break-out/,
  );
  assert.match(
    html,
    /<meta name="citation_author" content="&lt;b onmouseover=alert\(4\)&gt;Eve&lt;\/b&gt;">/,
  );
});

test("the BibTeX of hostile papers parses, one entry, fields as given", () => {
  for (const [pattern, title] of [
    [/script-alert-hf-script-scripted/, "<script>alert('hf')</script> Scripted {{ 7*7 }} Title"],
    // a title is TeX, here as on the page: its `--` is an en dash
    [/a-title-with-quotes/, "A title with \"quotes\" & 'apostrophes' – and </title> and ]]>"],
  ] as const) {
    const { html } = paper(pattern);
    const code = /<pre class="bibtex"[^>]*><code>(.*?)<\/code><\/pre>/s.exec(html)![1]!;
    const r = parseBibtex(decodeHtml(code), { sentenceCase: false });
    assert.deepEqual(r.errors, []);
    assert.equal(r.entries.length, 1);
    assert.equal(r.entries[0]!.fields.title, title);
  }
});

test("html-validate: no errors; links resolve; feeds are well-formed XML", async () => {
  assert.deepEqual(await validateHtml(out), []);
  assert.deepEqual(brokenLinks(out), []);
  assert.deepEqual(invalidXml(out), []);
});

// Item 7 of issue 21: a file that is no feed dump is named for what it is, and XML is XML after a
// declaration, comments or a DOCTYPE.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFeed } from "../../src/feed/parse.ts";
import { formatDiagnostic } from "../../src/common/diagnostics.ts";
import { sniff } from "../../src/feed/sniff.ts";

const messages = (text: string, file: string) => parseFeed(text, file).diagnostics.map(formatDiagnostic);

const HTML_429 =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>429 Too Many Requests</title></head>\n<body><h1>Too Many Requests</h1></body></html>\n';

test("an HTML page saved as .json, .xml or .txt is an HTML page, not papers without abstracts", () => {
  for (const file of ["2025-03-14-hf-daily.json", "cs.LG.xml", "page.txt"]) {
    assert.deepEqual(messages(HTML_429, file), [
      `${file}:1: error: this is an HTML page, not a feed dump (a service's error or login page saved in its place?)`,
    ]);
    assert.equal(parseFeed(HTML_429, file).entries.length, 0);
  }
  assert.equal(sniff("\uFEFF<html><body>x</body></html>".slice(1)), "html");
  assert.equal(sniff("<!-- cached -->\n<html>\n<body>x</body></html>"), "html");
});

test("a one-line text answer saved as .json or .xml says what it holds", () => {
  assert.deepEqual(messages("Rate exceeded.", "2025-03-14-hf-daily.json"), [
    '2025-03-14-hf-daily.json:1: error: this is a one-line text, not a feed dump: "Rate exceeded." (a service\'s answer in place of the JSON it was asked for?)',
  ]);
  assert.match(messages("Too Many Requests\n", "listing.xml")[0]!, /one-line text.*"Too Many Requests".*XML/);
  assert.match(
    messages("first line\nsecond line\n", "listing.xml")[0]!,
    /named \.xml but holds text, not XML/,
  );
  // a pasted page is text whatever it says
  assert.match(messages("Rate exceeded.", "2025-03-14-trending.txt").join("\n"), /has no abstract/);
});

test("a JSON list of strings: each entry is a string where a paper object was expected, at its place", () => {
  assert.deepEqual(messages('[\n  "2503.00001",\n  42,\n  null\n]\n', "x.json"), [
    "x.json:2:3: error: entry 1: a string where a paper object was expected",
    "x.json:3:3: error: entry 2: a number where a paper object was expected",
    "x.json:4:3: error: entry 3: null where a paper object was expected",
  ]);
});

test("XML after a declaration, comments, a processing instruction or a DOCTYPE is read as XML", () => {
  const listing = (prolog: string) =>
    `${prolog}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>cs.LG updates on arXiv.org</title>` +
    `<link>http://rss.arxiv.org/rss/cs.LG</link><pubDate>Fri, 14 Mar 2025 00:00:00 -0400</pubDate>` +
    `<item><title>A Paper</title><link>https://arxiv.org/abs/2503.09999</link>` +
    `<description>arXiv:2503.09999v1 Announce Type: new \nAbstract: We study a thing at length and report what we found in it.</description>` +
    `<guid isPermaLink="false">oai:arXiv.org:2503.09999v1</guid><category>cs.LG</category>` +
    `<dc:creator>Ana Chimera</dc:creator><arxiv:announce_type xmlns:arxiv="http://arxiv.org/schemas/atom">new</arxiv:announce_type></item></channel></rss>\n`;
  for (const prolog of [
    "",
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    "<!-- saved by feed-archiver 2.1 on 2025-03-14 -->\n",
    '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="rss.xsl"?>\n<!-- a comment -->\n',
    "<!DOCTYPE rss>\n<!-- x -->\n",
  ]) {
    const dump = parseFeed(listing(prolog), "cs.LG.xml");
    assert.equal(dump.format, "arxiv-listing", prolog);
    assert.deepEqual(
      dump.entries.map((e) => e.meta.arxivId),
      ["2503.09999"],
      dump.diagnostics.map(formatDiagnostic).join("\n"),
    );
  }
});

// Item 4 of issue 21: generic RSS and Atom feeds of papers are a format of their own, not an arXiv
// listing: the digest takes the feed's title; ids, DOIs and authors come from where such feeds keep them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "../../../src/feed/parse.ts";
import { mergeDumps } from "../../../src/feed/merge.ts";
import { targetName } from "../../../src/feed/store.ts";
import { formatDiagnostic } from "../../../src/common/diagnostics.ts";
import { ROOT } from "../../helpers.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/feeds");
const read = (name: string) =>
  parseFeed(readFileSync(path.join(FIXTURES, name), "utf8"), `tests/fixtures/feeds/${name}`);

test("a third-party daily-papers RSS: its own title, arXiv ids from /arxiv/ID links, HTML descriptions as text", () => {
  const dump = read("feed-daily-papers.rss.xml");
  assert.equal(dump.format, "feed");
  assert.equal(dump.title, "Cool Papers - cs.LG");
  assert.equal(dump.date, "2025-03-17");
  assert.deepEqual(
    dump.entries.map((e) => [e.meta.arxivId, e.meta.authors]),
    [
      ["2312.00752", ["Albert Gu", "Tri Dao"]],
      ["2503.10001", ["Lena Vogt", "Mina Okafor"]],
    ],
  );
  assert.match(dump.entries[0]!.abstract, /its core attention module\. We identify that a key weakness/);
  assert.doesNotMatch(dump.entries[0]!.abstract, /[<>]/);
  assert.deepEqual(dump.diagnostics.map(formatDiagnostic), [
    'tests/fixtures/feeds/feed-daily-papers.rss.xml:27: warning: "A Title Without Any Abstract" has no abstract (no description, summary or content); left out',
  ]);
  assert.equal(targetName({ ...dump, date: "2025-03-17" }), "2025-03-17-feed-cool-papers-cs-lg.xml");
});

test("a journal's table of contents (RSS 1.0 with Dublin Core and PRISM): DOI, every dc:creator, the abstract without the citation line", () => {
  const dump = read("feed-journal-toc.rdf.xml");
  assert.equal(dump.format, "feed");
  assert.equal(dump.title, "Nature Machine Intelligence");
  assert.equal(dump.date, "2025-03-12");
  const [paper] = dump.entries;
  assert.equal(paper!.meta.doi, "10.1038/s42256-025-01001-x");
  assert.equal(paper!.meta.arxivId, undefined);
  assert.deepEqual(paper!.meta.authors, ["Jakob Weißl", "Zoë Ångström"]);
  assert.match(paper!.abstract, /^State space layers let protein language models read whole genomes\./);
});

test("an Atom feed of papers (after a comment): <author><name>, an id from a /pdf/ link; it merges with the same paper from Hugging Face by id", () => {
  const atom = read("feed-papers.atom.xml");
  assert.equal(atom.format, "feed");
  assert.equal(atom.title, "Daily Papers: long context");
  assert.equal(atom.date, "2025-03-18");
  assert.deepEqual(atom.entries[0]!.meta.authors, ["Yushi Bai", "Jiajie Zhang"]);
  assert.equal(atom.entries[0]!.meta.arxivId, "2408.07055");
  const hf = read("hf-daily-papers-2025-03-14.json");
  const merged = mergeDumps([hf, atom]);
  const longWriter = merged.papers.filter((p) => p.arxivId === "2408.07055");
  assert.equal(longWriter.length, 1);
  assert.deepEqual(
    longWriter[0]!.digests.map((d) => d.file),
    ["tests/fixtures/feeds/hf-daily-papers-2025-03-14.json", "tests/fixtures/feeds/feed-papers.atom.xml"],
  );
  const digest = merged.digests.find((d) => d.file.endsWith("feed-papers.atom.xml"))!;
  assert.equal(digest.title, "Daily Papers: long context");
  assert.equal(digest.trending, false);
});

test("arXiv's own answers are still told apart from generic feeds", () => {
  assert.equal(read("arxiv-api-query.atom.xml").format, "arxiv-api");
  assert.equal(read("arxiv-listing-cs.LG.rss.xml").format, "arxiv-listing");
});

test("a generic feed's hostile text stays text: markup in titles and descriptions, script and javascript: links", () => {
  const rss = `<rss version="2.0"><channel><title>&lt;img src=x onerror=alert(1)&gt; papers</title><link>https://example.org/</link>
<item><title>A &lt;script&gt;alert(1)&lt;/script&gt; Title</title><link>javascript:alert(1)</link>
<description>&lt;p onclick="x()"&gt;Text with a &lt;a href="javascript:alert(2)"&gt;link&lt;/a&gt; and {{ 7*7 }} in it, long enough.&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt;</description></item></channel></rss>`;
  const dump = parseFeed(rss, "h.xml");
  const [e] = dump.entries;
  assert.equal(e!.title, "A Title");
  assert.doesNotMatch(e!.abstract, /javascript|onclick|<|alert\(3\)/);
  assert.match(e!.abstract, /Text with a link and \{\{ 7\*7 \}\} in it/);
  assert.equal(e!.meta.arxivId, undefined);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseFeed } from "../../../src/feed/parse.ts";
import { formatDiagnostic } from "../../../src/common/diagnostics.ts";
import { parseArxivRef } from "../../../src/feed/arxiv.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), "utf8");
const API = fixture("arxiv-api-query.atom.xml");
const LISTING = fixture("arxiv-listing-cs.LG.rss.xml");
const messages = (d: ReturnType<typeof parseFeed>) => d.diagnostics.map(formatDiagnostic);

test("arXiv ids are read from every form feeds write them in, without their version", () => {
  const cases: [string, ReturnType<typeof parseArxivRef>][] = [
    ["http://arxiv.org/abs/2312.00752v2", { id: "2312.00752", version: 2 }],
    ["oai:arXiv.org:2501.00663v1", { id: "2501.00663", version: 1 }],
    ["arXiv:2501.00663", { id: "2501.00663", version: undefined }],
    ["https://arxiv.org/pdf/2111.00396v3", { id: "2111.00396", version: 3 }],
    ["http://arxiv.org/abs/hep-th/9901001v1", { id: "hep-th/9901001", version: 1 }],
    ["math.GT/0309136", { id: "math.GT/0309136", version: undefined }],
  ];
  for (const [text, ref] of cases) assert.deepEqual(parseArxivRef(text), ref, text);
  for (const text of ["", "2312", "https://example.org/abs/2312.00752", "javascript:alert(1)"])
    assert.equal(parseArxivRef(text), undefined, text);
});

test("an arXiv API result: entries with wrapped title and abstract unwrapped, LaTeX kept, metadata", () => {
  const d = parseFeed(API, "content/feeds/query.xml");
  assert.equal(d.format, "arxiv-api");
  assert.deepEqual(messages(d), []);
  assert.equal(d.date, "2025-03-15", "the feed's own date when the file name has none");
  assert.equal(d.entries.length, 4);
  const s4 = d.entries[0]!;
  assert.equal(s4.title, "Efficiently Modeling Long Sequences with Structured State Spaces");
  assert.match(s4.abstract, /^A central goal of sequence modeling/);
  assert.match(s4.abstract, /\\\( x'\(t\) = Ax\(t\) \+ Bu\(t\), y\(t\) = Cx\(t\) \+ Du\(t\) \\\)/);
  assert.match(s4.abstract, /a low-rank correction/, "a line broken after a hyphen joins without a space");
  assert.doesNotMatch(s4.abstract, /\n|\s{2}/);
  assert.deepEqual(s4.meta, {
    arxivId: "2111.00396",
    version: 3,
    authors: ["Albert Gu", "Karan Goel", "Christopher Ré"],
    published: "2021-10-31",
    updated: "2022-08-05",
    categories: ["cs.LG"],
    comment: "ICLR 2022 (Outstanding Paper HM)",
  });
  assert.deepEqual(d.entries[2]!.meta.categories, ["cs.LG", "cs.AI", "cs.CL", "cs.CV", "cs.IR"]);
  const informer = d.entries[3]!;
  assert.equal(informer.meta.doi, "10.1609/aaai.v35i12.17325");
  assert.match(
    informer.meta.journalRef!,
    /^Proceedings of the AAAI Conference on Artificial Intelligence, 35\(12\)/,
  );
  assert.equal(API.split("\n")[informer.line - 1]!.trim(), "<entry>", "an entry's line is its <entry> tag's");
});

test("an arXiv API error feed is an error, not a paper", () => {
  const error = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: search_query=&amp;id_list=1234.12345</title>
  <id>http://arxiv.org/api/x</id>
  <updated>2025-03-15T00:00:00-04:00</updated>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2025-03-15T00:00:00-04:00</updated>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>`;
  const d = parseFeed(error, "e.xml");
  assert.equal(d.entries.length, 0);
  assert.deepEqual(messages(d), [
    "e.xml:6:3: error: the arXiv API answered with an error, not papers: incorrect id format for 1234.12345",
  ]);
});

test("broken XML is an error at its line and column; another XML document is named", () => {
  const broken = API.replace("</title>\n    <summary>", "</titel>\n    <summary>");
  const [first] = messages(parseFeed(broken, "b.xml"));
  assert.match(first!, /^b\.xml:\d+:\d+: error: not well-formed XML: /);
  const line = broken.split("\n").findIndex((l) => l.includes("</titel>")) + 1;
  assert.equal(Number(first!.split(":")[1]), line);
  // an HTML page is said to be one (sniff.test.ts); another XML document is named by its root
  assert.match(
    messages(parseFeed("<?xml version='1.0'?>\n<html><body/></html>", "h.xml"))[0]!,
    /^h\.xml:1: error: this is an HTML page, not a feed dump/,
  );
  assert.match(
    messages(parseFeed("<?xml version='1.0'?>\n<opml version='2.0'><body/></opml>", "o.xml"))[0]!,
    /^o\.xml:2:1: error: an XML dump must be an RSS or Atom feed \(an arXiv API result, an arXiv listing, a feed of papers\), found <opml>/,
  );
  assert.match(
    messages(
      parseFeed(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom">&e;</feed>',
        "x.xml",
      ),
    )[0]!,
    /not well-formed XML/,
  );
});

test("an arXiv listing: new and cross-listed items are the day's papers, replacements are updates", () => {
  const d = parseFeed(LISTING, "content/feeds/cs.LG.xml");
  assert.equal(d.format, "arxiv-listing");
  assert.deepEqual(messages(d), []);
  assert.equal(d.date, "2025-01-16", "the listing's own day, as it writes it");
  assert.equal(d.title, "cs.LG updates on arXiv.org");
  assert.deepEqual(
    d.entries.map((e) => [e.title.slice(0, 20), e.meta.arxivId, e.meta.version, e.rank]),
    [
      ["Titans: Learning to ", "2501.00663", 1, 1],
      ["LongProc: Benchmarki", "2501.05414", 1, 2],
      ["Giraffe: Adventures ", "2308.10882", 1, 3],
    ],
  );
  assert.deepEqual(d.entries[0]!.meta.authors, ["Ali Behrouz", "Peilin Zhong", "Vahab Mirrokni"]);
  assert.deepEqual(d.entries[0]!.meta.categories, ["cs.LG", "cs.AI", "cs.CL"]);
  assert.match(
    d.entries[0]!.abstract,
    /^Over more than a decade/,
    "the 'arXiv:… Announce Type: … Abstract:' prefix is gone",
  );
  assert.deepEqual(
    d.updates.map((e) => [e.meta.arxivId, e.meta.version]),
    [
      ["2407.00402", 2],
      ["2309.12307", 3],
    ],
  );
});

test("the same arXiv id twice in one dump is one paper; the same title with another id is two", () => {
  const item = (id: string, title: string) =>
    `<item><title>${title}</title><link>https://arxiv.org/abs/${id}</link><description>arXiv:${id}v1 Announce Type: new
Abstract: A long enough abstract about a model. It has two sentences to read as prose.</description><guid isPermaLink="false">oai:arXiv.org:${id}v1</guid><dc:creator>A. Author</dc:creator></item>`;
  const rss = (items: string) =>
    `<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>t</title><pubDate>Thu, 16 Jan 2025 00:00:00 -0500</pubDate>${items}</channel></rss>`;
  const dup = parseFeed(rss(item("2501.00001", "Same") + item("2501.00001", "Same")), "d.xml");
  assert.equal(dup.entries.length, 1);
  assert.match(dup.diagnostics[0]!.message, /arXiv 2501\.00001 is listed again/);
  const twins = parseFeed(rss(item("2501.00001", "Same") + item("2501.00002", "Same")), "t.xml");
  assert.equal(twins.entries.length, 2);
  assert.equal(twins.entries[1]!.variant, 2);
});

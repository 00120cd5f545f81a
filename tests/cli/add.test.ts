import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, project, runCli } from "../helpers.ts";

const REAL = readFileSync(path.join(ROOT, "content/feeds/2025-03-11-trending.txt"), "utf8");

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
  assert.match(
    r.stderr,
    /undated.txt: error: no date known for this dump: give it front matter 'date:'.* pass --date YYYY-MM-DD/,
  );
  // front matter is for pasted text alone: a JSON dump without a day is told what fits it
  const json = path.join(root, "undated.json");
  writeFileSync(
    json,
    JSON.stringify([
      {
        paper: {
          id: "2501.00001",
          title: "A Title Here",
          summary: "An abstract of the paper that says what it does.",
        },
      },
    ]),
  );
  const rj = await runCli(["add", json], root);
  assert.equal(rj.code, 1);
  assert.match(
    rj.stderr,
    /undated.json: error: no date known for this dump: its items carry no submittedOnDailyAt or publishedAt day; put the day in its file name \(YYYY-MM-DD-….json\) or pass --date/,
  );
  assert.doesNotMatch(rj.stderr, /front matter/);
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

const FIXTURES = path.join(ROOT, "tests/fixtures/feeds");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const feeds = (root: string) => readdirSync(path.join(root, "content/feeds")).sort();

test("add keeps each format: JSON, arXiv API and listing dumps get their own names, stored as they are", async (t) => {
  const root = project(t);
  const cases = [
    ["hf-daily-papers-2025-03-14.json", "2025-03-14-hf-daily.json", 5],
    // named by a short hash of the query its self link asks
    ["arxiv-api-query.atom.xml", "2025-03-15-arxiv-api-7175dc.xml", 4],
    ["arxiv-listing-cs.LG.rss.xml", "2025-01-16-arxiv-cs.LG.xml", 3],
  ] as const;
  for (const [name, stored, count] of cases) {
    const r = await runCli(["add", path.join(FIXTURES, name)], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^added content/feeds/${stored}: ${count} papers$`, "m"));
    assert.equal(readFileSync(path.join(root, "content/feeds", stored), "utf8"), fixture(name));
  }
  const check = await runCli(["check"], root);
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stderr, /, 0 errors, 0 warnings$/m);
});

test("a listing without a category in its channel is stored as arxiv-listing", async (t) => {
  const root = project(t);
  const file = path.join(root, "listing.xml");
  const text = fixture("arxiv-listing-cs.LG.rss.xml")
    .replace(/<link>http:\/\/rss.arxiv.org\/rss\/cs.LG<\/link>/, "<link>https://arxiv.org/</link>")
    .replace("<title>cs.LG updates on arXiv.org</title>", "<title>Updates</title>");
  writeFileSync(file, text);
  const r = await runCli(["add", file], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^added content\/feeds\/2025-01-16-arxiv-listing.xml: 3 papers$/m);
});

test("what changed compares papers as the merge does: by arXiv id, whatever the title", async (t) => {
  const root = project(t);
  assert.equal((await runCli(["add", path.join(FIXTURES, "hf-daily-papers-2025-03-14.json")], root)).code, 0);
  const renamed = path.join(root, "2025-03-20-query.xml");
  writeFileSync(
    renamed,
    `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>ArXiv Query</title>
  <entry>
    <id>http://arxiv.org/abs/2408.07055v2</id>
    <title>A Retitled Version Of The Same Paper</title>
    <summary>The same paper under a new title. Its abstract is long enough to read as prose, and it says so twice.</summary>
  </entry>
</feed>
`,
  );
  const r = await runCli(["add", renamed], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^added content\/feeds\/2025-03-20-arxiv-api-[0-9a-f]{6}.xml: 1 paper$/m);
  assert.match(r.stdout, /^0 new papers$/m);
  assert.match(r.stdout, /^1 paper seen before in earlier dumps$/m);
  assert.doesNotMatch(r.stdout, /dropped off/, "an API result is no trending list: nothing drops off it");
});

test("what dropped off compares a dump with the previous one of its own kind, and long lists are cut", async (t) => {
  const root = project(t);
  const hf = readFileSync(path.join(ROOT, "tests/fixtures/feeds/hf-daily-papers-2025-03-14.json"), "utf8");
  const first = path.join(root, "2025-03-14-hf-daily.json");
  writeFileSync(first, hf);
  assert.equal((await runCli(["add", first], root)).code, 0);
  const second = path.join(root, "2025-03-15-hf-daily.json");
  writeFileSync(second, JSON.stringify(JSON.parse(hf).slice(0, 2)));
  const r = await runCli(["add", second], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^3 papers dropped off since Mar 14, 2025 \(2025-03-14\)\n {2}Sparsing Law/m);
  assert.doesNotMatch(r.stdout, /since Mar 11/, "the pasted trending page is another series");
  const pasted = await runCli(
    ["add", path.join(ROOT, "tests/fixtures/two-papers.txt"), "--date", "2025-03-16"],
    root,
  );
  assert.match(pasted.stdout, /^59 papers dropped off since Mar 11 \(2025-03-11\)$/m);
  assert.match(pasted.stdout, /^ {2}… and 39 more$/m);
});

test("add reads every stored dump: an exact copy of a JSON dump is refused, the same day again replaces it", async (t) => {
  const root = project(t);
  assert.equal((await runCli(["add", path.join(FIXTURES, "hf-daily-papers-2025-03-14.json")], root)).code, 0);
  const copy = path.join(root, "copy.json");
  writeFileSync(copy, fixture("hf-daily-papers-2025-03-14.json"));
  const r1 = await runCli(["add", copy, "--date", "2025-04-01"], root);
  assert.equal(r1.code, 1);
  assert.match(
    r1.stderr,
    /\/copy.json: error: an exact copy of content\/feeds\/2025-03-14-hf-daily.json is/m,
  );
  const other = path.join(root, "other.json");
  writeFileSync(other, fixture("hf-daily-papers-2025-03-14.json").replace("LongWriter:", "LongReader:"));
  // the same source and day again (upvotes changed, a title fixed) is an update of the stored dump
  const r2 = await runCli(["add", other], root);
  assert.equal(r2.code, 0, r2.stderr);
  assert.match(
    r2.stdout,
    /^content\/feeds\/2025-03-14-hf-daily.json: replaces the stored dump of the same source and day \(Hugging Face daily papers, 2025-03-14\): 5 papers before, 5 now$/m,
  );
  assert.match(r2.stdout, /^updated content\/feeds\/2025-03-14-hf-daily.json: 5 papers$/m);
  assert.deepEqual(feeds(root), ["2025-03-11-trending.txt", "2025-03-14-hf-daily.json"]);
  assert.match(
    readFileSync(path.join(root, "content/feeds/2025-03-14-hf-daily.json"), "utf8"),
    /LongReader:/,
  );
});

test("add: a target name taken in the meantime is refused, and a feed folder that cannot be read exits 3", async (t) => {
  const root = project(t);
  // a dangling link: the name is taken though nothing can be read there
  symlinkSync("nowhere.txt", path.join(root, "content/feeds/2025-03-12-trending.txt"));
  const file = path.join(root, "incoming.txt");
  writeFileSync(file, nextDay());
  const r1 = await runCli(["add", file, "--date", "2025-03-12"], root);
  assert.equal(r1.code, 1);
  assert.match(r1.stderr, /content\/feeds\/2025-03-12-trending.txt already exists with other content/);
  rmSync(path.join(root, "content/feeds"), { recursive: true });
  writeFileSync(path.join(root, "content/feeds"), "not a folder");
  const r2 = await runCli(["add", file, "--date", "2025-03-12"], root);
  assert.equal(r2.code, 3);
  assert.match(
    r2.stderr,
    /\/incoming.txt: error: cannot read content\/feeds: a part of the path is not a folder$/m,
  );
});

test("two arXiv API queries of one day are both stored, each under its query; the same query again replaces its file", async (t) => {
  const root = project(t);
  const api = fixture("arxiv-api-query.atom.xml");
  // another query (another self link and title) answered the same day, with one of the same papers
  const other = api
    .replaceAll("long%20sequences", "state%20space")
    .replace('all:"long sequences"', 'all:"state space"')
    .replace(/<entry>[\s\S]*?<\/entry>\s*/, "");
  const a = path.join(root, "a.xml");
  const b = path.join(root, "b.xml");
  writeFileSync(a, api);
  writeFileSync(b, other);
  assert.equal((await runCli(["add", a], root)).code, 0);
  const r = await runCli(["add", b], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^added content\/feeds\/2025-03-15-arxiv-api-[0-9a-f]{6}.xml: 3 papers$/m);
  const stored = feeds(root).filter((f) => f.includes("arxiv-api"));
  assert.equal(stored.length, 2, stored.join(", "));
  assert.notEqual(stored[0], stored[1]);
  // the first query again, a day later in its answer's eyes but the same day by its name: an update
  const again = path.join(root, "2025-03-15-again.xml");
  writeFileSync(
    again,
    api
      .replace("<updated>2025-03-15", "<updated>2025-03-15")
      .replace("</title>\n  <id>", "</title>\n  <!-- again -->\n  <id>"),
  );
  const r2 = await runCli(["add", again], root);
  assert.equal(r2.code, 0, r2.stderr);
  assert.match(
    r2.stdout,
    /replaces the stored dump of the same source and day \(the arXiv API query .*, 2025-03-15\): 4 papers before, 4 now/,
  );
  assert.equal(feeds(root).filter((f) => f.includes("arxiv-api")).length, 2);
  const check = await runCli(["check"], root);
  assert.match(check.stderr, /, 0 errors, 0 warnings$/m);
});

test("check and build warn when content/feeds holds two dumps of one source and day, and make one digest of it", async (t) => {
  const root = project(t);
  const hf = fixture("hf-daily-papers-2025-03-14.json");
  writeFileSync(path.join(root, "content/feeds/2025-03-14-hf-daily.json"), hf);
  writeFileSync(
    path.join(root, "content/feeds/daily_papers_2025-03-14.json"),
    hf.replace("LongWriter:", "LongReader:"),
  );
  const check = await runCli(["check"], root);
  assert.equal(check.code, 0, check.stderr);
  assert.match(
    check.stderr,
    /^content\/feeds\/2025-03-14-hf-daily.json: warning: content\/feeds\/daily_papers_2025-03-14.json holds the same source and day \(Hugging Face daily papers, 2025-03-14\); only content\/feeds\/daily_papers_2025-03-14.json is read/m,
  );
  const list = await runCli(["list", "--json"], root);
  const papers = JSON.parse(list.stdout) as { title: string; digests: { file: string }[] }[];
  const hfPapers = papers.filter((p) => p.digests.some((d) => d.file.includes("2025-03-14")));
  assert.equal(hfPapers.length, 5);
  for (const p of hfPapers)
    assert.equal(p.digests.filter((d) => d.file.includes("2025-03-14")).length, 1, p.title);
  assert.ok(papers.some((p) => p.title.startsWith("LongReader:")));
});

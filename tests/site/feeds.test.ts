import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { ROOT, runCli, tempDir } from "../helpers.ts";
import { brokenLinks, decodeHtml, files, invalidXml, validateHtml } from "./check-site.ts";

let out = "";
const page = (p: string) => readFileSync(path.join(out, p), "utf8");
const S4 = "papers/efficiently-modeling-long-sequences-with-structured-state-spaces/index.html";

/** The shipped text dump plus a Hugging Face, an arXiv API and an arXiv listing dump of other days. */
before(async () => {
  const root = tempDir({ after: (fn) => process.on("exit", fn) });
  cpSync(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
  const feeds = path.join(root, "content", "feeds");
  const sample = (name: string) => path.join(ROOT, "tests", "fixtures", "feeds", name);
  cpSync(sample("hf-daily-papers-2025-03-14.json"), path.join(feeds, "2025-03-14-hf-daily.json"));
  cpSync(sample("arxiv-api-query.atom.xml"), path.join(feeds, "2025-03-15-arxiv-api.xml"));
  cpSync(sample("arxiv-listing-cs.LG.rss.xml"), path.join(feeds, "2025-01-16-arxiv-cs.LG.xml"));
  mkdirSync(path.join(root, "out"));
  out = path.join(root, "out", "site");
  const r = await runCli(["build", "--out", out], root);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^59 papers, \d+ pages, 0 warnings/m);
});

test("each paper is one page, whichever dumps it is in", () => {
  assert.equal(readdirSync(path.join(out, "papers")).length, 59);
  const s4 = page(S4);
  assert.match(s4, /#\d+ on Mar 11, 2025/);
  assert.match(s4, /#1 on Mar 15, 2025/);
});

test("a paper with an arXiv id links to arXiv and its PDF, lists its authors and carries citation meta tags", () => {
  const s4 = page(S4);
  assert.match(s4, /<a class="button button-arxiv" href="https:\/\/arxiv.org\/abs\/2111.00396"/);
  assert.match(s4, /<a class="button button-pdf" href="https:\/\/arxiv.org\/pdf\/2111.00396v3"/);
  assert.match(s4, />Albert Gu<\/a>, <a[^>]*>Karan Goel<\/a>, <a[^>]*>Christopher Ré<\/a>/);
  assert.match(s4, /href="\/search\/\?q=%2Bauthor%3Aalbert%20%2Bauthor%3Agu"/);
  for (const tag of [
    '<meta name="citation_title" content="Efficiently Modeling Long Sequences with Structured State Spaces">',
    '<meta name="citation_author" content="Albert Gu">',
    '<meta name="citation_publication_date" content="2021/10/31">',
    '<meta name="citation_arxiv_id" content="2111.00396">',
    '<meta name="citation_pdf_url" content="https://arxiv.org/pdf/2111.00396v3">',
  ])
    assert.ok(s4.includes(tag), tag);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(s4)![1]!);
  assert.deepEqual(ld.author, [
    { "@type": "Person", name: "Albert Gu" },
    { "@type": "Person", name: "Karan Goel" },
    { "@type": "Person", name: "Christopher Ré" },
  ]);
  assert.ok(ld.sameAs.includes("https://arxiv.org/abs/2111.00396"));
});

test("the paper page's BibTeX parses and holds the arXiv fields", () => {
  const text = /<pre class="bibtex" data-copy="BibTeX"><code>(.*?)<\/code><\/pre>/s.exec(page(S4))![1]!;
  const r = parseBibtex(decodeHtml(text), { sentenceCase: false });
  assert.deepEqual(r.errors, []);
  const f = r.entries[0]!.fields;
  assert.equal(f.eprint, "2111.00396");
  assert.equal(f.archiveprefix, "arXiv");
  assert.equal(f.primaryclass, "cs.LG");
  assert.equal(f.year, "2021");
});

test("a Hugging Face paper shows its upvotes and links to its Hugging Face page; Atom entries carry authors", () => {
  const lw = page(
    "papers/longwriter-unleashing-10-000-plus-word-generation-from-long-context-llms/index.html",
  );
  assert.match(lw, /64 upvotes on Hugging Face/);
  assert.match(lw, /href="https:\/\/huggingface.co\/papers\/2408.07055"/);
  const feed = page("feed.xml");
  assert.match(feed, /<author><name>Albert Gu<\/name><\/author>/);
  assert.match(
    feed,
    /<link href="https:\/\/arxiv.org\/abs\/2111.00396" rel="related" type="text\/html" title="arXiv"\/>/,
  );
});

test("a paper no dump gave an id offers searches for its exact title", () => {
  const pasted = files(path.join(out, "papers"), "index.html")
    .map((f) => readFileSync(f, "utf8"))
    .find((html) => !html.includes("citation_arxiv_id"))!;
  assert.match(
    pasted,
    /<a class="button button-find" href="https:\/\/arxiv.org\/search\/\?query=[^"]+&amp;searchtype=title"/,
  );
  assert.match(pasted, /<a class="button button-find" href="https:\/\/www.semanticscholar.org\/search\?q=/);
});

test("the listing's digest lists its new papers and says how many replacements it left out", () => {
  const d = page("digests/2025-01-16-arxiv-listing-cs-lg/index.html");
  assert.match(d, /<h1>cs.LG updates on arXiv.org, Jan 16, 2025<\/h1>/);
  assert.equal(d.match(/<li class="card"/g)?.length, 3);
  assert.match(d, /2 replacements of earlier papers, not listed here/);
});

test("the whole site validates, links resolve and every feed is well-formed XML", async () => {
  assert.deepEqual(await validateHtml(out), []);
  assert.deepEqual(brokenLinks(out), []);
  assert.deepEqual(invalidXml(out), []);
});

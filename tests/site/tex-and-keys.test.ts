// Items 8, 9 and 11 of issue 21 as a reader meets them: TeX text commands on the pages, the search
// and the feed; an arXiv comment's links and journal reference; BibTeX keys unique on the site and
// the same in the browser's export.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli, tempDir, ROOT } from "../helpers.ts";
import { files } from "./check-site.ts";
import { pageText } from "./safety.ts";
import { loadContent } from "../../src/site/pipeline.ts";
import { enrich, searchDocs } from "../../src/site/enrich.ts";
import { searcherFor } from "../search/fixture.ts";
import { fromCard, recordOf } from "../../src/library/saved-paper.ts";
import { fromHtmlIsomorphic } from "hast-util-from-html-isomorphic";
import { toText } from "hast-util-to-text";
import type { Element, Root } from "hast";
import { toBibtex } from "../../src/client/export.ts";

const TEX = "tests/fixtures/feeds/arxiv-api-tex.atom.xml";
const SHIPPED = "content/feeds/2025-03-11-trending.txt";
let out = "";

before(async () => {
  out = path.join(tempDir({ after: (fn) => process.on("exit", fn) }), "site");
  const r = await runCli(["build", SHIPPED, TEX, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
});

const page = (slug: string) => path.join(out, "papers", slug, "index.html");
const SPARSE = "gated-emph-sparse-attention-reaches-94-5-on-long-contexts";
const SPEECH = "gated-recurrences-for-streaming-speech";

/** Elements of a parsed page, in document order. */
function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children)
    if (child.type === "element") {
      yield child;
      yield* elements(child);
    }
}
const classed = (e: Element, name: string) => e.properties.className?.includes(name);

/** The record a paper page shows and carries, read as the Save button reads it (its heading, author links, chips, data-*). */
function recordOnPage(html: string) {
  const article = [...elements(fromHtmlIsomorphic(html))].find((e) => e.tagName === "article")!;
  const children = article.children.filter((c): c is Element => c.type === "element");
  const authors = children.find((c) => classed(c, "authors"));
  const meta = children.find((c) => classed(c, "meta"))!;
  const data = Object.fromEntries(
    Object.entries(article.properties).flatMap(([k, v]) =>
      k.startsWith("data") ? [[k.slice(4).toLowerCase(), String(v)]] : [],
    ),
  );
  const shown = {
    slug: data.paper!,
    title: toText(children.find((c) => c.tagName === "h1")!),
    authors: authors ? [...elements(authors)].filter((e) => e.tagName === "a").map((a) => toText(a)) : [],
    topics: meta.children.flatMap((c) => (c.type === "element" && classed(c, "chip") ? [toText(c)] : [])),
  };
  return fromCard(shown, data);
}

test("the paper page shows TeX text commands as text and markup; math keeps KaTeX", () => {
  const html = readFileSync(page(SPARSE), "utf8");
  const abstract = /<div class="abstract">([\s\S]*?)<\/div>\n/.exec(html)![1]!;
  assert.match(abstract, /We propose a <em>sparse<\/em> attention kernel that reaches 94\.5% accuracy/);
  assert.match(abstract, /<strong><span class="katex">/);
  assert.match(abstract, /<code>gsa_kernel<\/code>/);
  assert.match(
    abstract,
    /3B\u00a0\\citep\{llama3\} – on 120–360 tokens — while staying “training-free”\. Q&#x26;A/,
  );
  assert.match(
    abstract,
    /<a href="https:\/\/gsa-lab.github.io\/" rel="noopener nofollow">our project page<\/a>/,
  );
  assert.doesNotMatch(abstract, /javascript|href="[^h]/);
  const text = pageText(page(SPARSE));
  assert.match(text, /Gated Sparse Attention Reaches 94\.5% on Long Contexts/, "the title");
  assert.match(
    html,
    /<meta name="description" content="We propose a sparse attention kernel that reaches 94\.5% accuracy/,
  );
  assert.doesNotMatch(html, /<h1>[^<]*\\/);
  // reference managers read the head: its title is the words too, in the tags and the JSON-LD
  const title = "Gated Sparse Attention Reaches 94.5% on Long Contexts";
  assert.match(html, new RegExp(`<meta name="citation_title" content="${title.replace(".", "\\.")}">`));
  const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
  assert.equal(ld.headline, title);
});

test("cards, the Atom feed and the search read the words, not the commands", async () => {
  const home = readFileSync(
    path.join(
      out,
      "digests",
      files(path.join(out, "digests"), "index.html")
        .map((f) => path.relative(path.join(out, "digests"), f))
        .find((f) => /api/.test(f))!,
    ),
    "utf8",
  );
  assert.match(home, /Gated Sparse Attention Reaches 94\.5% on Long Contexts/);
  assert.match(home, /We propose a sparse attention kernel that reaches 94\.5% accuracy/);
  assert.doesNotMatch(home, /\\emph|\\textbf|94\.5\\%/);
  const feed = readFileSync(path.join(out, "feed.xml"), "utf8");
  assert.match(feed, /<title>Gated Sparse Attention Reaches 94\.5% on Long Contexts<\/title>/);
  assert.match(
    feed,
    /<summary type="text">We propose a sparse attention kernel that reaches 94\.5% accuracy with \$O\(n &#92;log n\)\$/,
  );

  const content = await loadContent({ root: ROOT, feeds: [TEX] });
  const { searcher } = searcherFor(searchDocs(await enrich(content.papers, { thread: false })));
  const hits = async (q: string) => (await searcher.search(q)).hits.map((h) => h.title);
  assert.deepEqual(await hits("sparse"), ["Gated Sparse Attention Reaches 94.5% on Long Contexts"]);
  assert.deepEqual(await hits("training-free"), ["Gated Sparse Attention Reaches 94.5% on Long Contexts"]);
  assert.deepEqual(await hits("emph"), []);
});

test("a comment's URLs are links and make the Code and Project page buttons; a whole journal reference is not a journal title", () => {
  const html = readFileSync(page(SPARSE), "utf8");
  assert.match(
    html,
    /<span class="comment">12 pages, 5 figures\. Code: <a href="https:\/\/github.com\/gsa-lab\/gsa-kernel" rel="noopener nofollow">https:\/\/github.com\/gsa-lab\/gsa-kernel<\/a>\. Project page: <a href="https:\/\/gsa-lab.github.io\/gsa"/,
  );
  assert.match(
    html,
    /class="button button-code" href="https:\/\/github.com\/gsa-lab\/gated_sparse"/,
    "\\url in the abstract",
  );
  assert.match(
    html,
    /class="button button-code" href="https:\/\/github.com\/gsa-lab\/gsa-kernel"/,
    "the comment's code",
  );
  assert.match(html, /class="button button-project" href="https:\/\/gsa-lab.github.io\/gsa"/);
  assert.match(html, /<span>Journal ref: Phys\. Rev\. D 108, 014512 \(2023\)<\/span>/);
  assert.doesNotMatch(html, /citation_journal_title/);

  const speech = readFileSync(page(SPEECH), "utf8");
  assert.match(speech, /class="button button-code" href="https:\/\/github.com\/bo-lab\/gated-rnn"/);
  assert.match(speech, /<meta name="citation_journal_title" content="Physical Review Letters">/);
});

test("BibTeX keys are unique on the site, suffixed in a stable order, and the export of saved papers uses the same key", async () => {
  const keys = new Map<string, string>();
  for (const f of files(path.join(out, "papers"), "index.html")) {
    const key = /@misc\{([^,]+),/.exec(readFileSync(f, "utf8"))?.[1];
    assert.ok(key, f);
    assert.ok(!keys.has(key), `${key} on ${f} and ${keys.get(key)}`);
    keys.set(key, f);
  }
  // the shipped dump's two Chimera papers, and the fixture's two Chimera authors of 2025 "Gated …"
  assert.ok(keys.has("2025chimera") && keys.has("2025chimeraa"));
  assert.ok(keys.has("chimera2025gated") && keys.has("chimera2025gateda"));
  const content = await loadContent({ root: ROOT, feeds: [SHIPPED, TEX] });
  const enriched = await enrich(content.papers, { thread: false });
  for (const slug of [SPARSE, SPEECH]) {
    const html = readFileSync(page(slug), "utf8");
    const key = /@misc\{([^,]+),/.exec(html)![1]!;
    const saved = recordOnPage(html)!;
    // the record the page carries is the one the server made
    assert.deepEqual(saved, recordOf(enriched.find((p) => p.slug === slug)!));
    assert.match(
      toBibtex([{ ...saved, savedAt: "2025-03-16T00:00:00.000Z" }]),
      new RegExp(`^@misc\\{${key},`),
    );
  }
});

test("a later dump never renames a key a paper already has", async () => {
  // a paper of a later day with the same key as a shipped one, and an id that sorts before both
  const LATER = "tests/fixtures/2025-03-20-later-chimera.txt";
  const keysOf = async (feeds: string[]) => {
    const content = await loadContent({ root: ROOT, feeds });
    return new Map((await enrich(content.papers, { thread: false })).map((p) => [p.slug, p.citeKey]));
  };
  const before = await keysOf([SHIPPED]);
  const after = await keysOf([SHIPPED, LATER]);
  for (const [slug, key] of before) assert.equal(after.get(slug), key, slug);
  assert.equal(after.get("chimera-kernels-at-scale"), "2025chimerab");
});

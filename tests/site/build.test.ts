import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { project, runCli, tempDir } from "../helpers.ts";
import { brokenLinks, files, invalidXml, urlsOf, validateHtml } from "./check-site.ts";
import { formatBytes } from "../../src/site/weight.ts";

let out = "";
let based = "";
let summary = "";

before(async () => {
  const dir = tempDir({ after: (fn) => process.on("exit", fn) });
  out = path.join(dir, "site");
  based = path.join(dir, "based");
  const r = await runCli(["build", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  summary = r.stderr;
  const b = await runCli(["build", "--out", based, "--base", "/digest/"]);
  assert.equal(b.code, 0, b.stderr);
});

const page = (p: string) => readFileSync(path.join(out, p), "utf8");

test("the build ends with one summary line", () => {
  assert.match(summary.trim().split("\n").at(-1)!, /^59 papers, \d+ pages, 0 warnings in \d+\.\d s$/);
});

test("59 paper pages, a page and a feed per topic, digest, archive, search, about, feeds, sitemap, robots, 404", () => {
  assert.equal(files(path.join(out, "papers"), "index.html").length, 59);
  for (const slug of [
    "state-space-models",
    "efficient-attention",
    "long-context-benchmarks",
    "uncategorized",
  ]) {
    assert.ok(existsSync(path.join(out, "topics", slug, "index.html")), slug);
    assert.ok(existsSync(path.join(out, "topics", slug, "feed.xml")), slug);
  }
  for (const p of [
    "index.html",
    "topics/index.html",
    "digests/index.html",
    "digests/2025-03-11/index.html",
    "search/index.html",
    "about/index.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
  ]) {
    assert.ok(existsSync(path.join(out, p)), p);
  }
});

test("every internal link and asset resolves", () => {
  assert.deepEqual(brokenLinks(out), []);
});

test("html-validate reports no error on any page", async () => {
  assert.deepEqual(await validateHtml(out), []);
});

test("every Atom feed and the sitemap are well-formed XML", () => {
  assert.deepEqual(invalidXml(out), []);
  assert.match(
    page("feed.xml"),
    /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
  );
  assert.equal(page("feed.xml").match(/<entry>/g)?.length, 50);
});

test("the S4 page renders its formula with KaTeX and loads the self-hosted KaTeX CSS", () => {
  const s4 = page("papers/efficiently-modeling-long-sequences-with-structured-state-spaces/index.html");
  assert.match(s4, /<span class="katex">/);
  assert.match(
    s4,
    /<annotation encoding="application\/x-tex">x'\(t\) = Ax\(t\) \+ Bu\(t\), y\(t\) = Cx\(t\) \+ Du\(t\)<\/annotation>/,
  );
  assert.match(s4, /href="\/assets\/katex\/katex.min.css"/);
  assert.ok(existsSync(path.join(out, "assets/katex/fonts/KaTeX_Main-Regular.woff2")));
});

test("the CRAFT page links its code, as a link and as a Code button", () => {
  const craft = page(
    "papers/feature-modulation-transformer-cross-refinement-of-global-representation-via/index.html",
  );
  assert.equal(
    craft.match(/href="https:\/\/github.com\/AVC2-UESTC\/CRAFT-SR" rel="noopener nofollow"/g)?.length,
    1,
  );
  assert.match(
    craft,
    /<a class="button button-code" href="https:\/\/github.com\/AVC2-UESTC\/CRAFT-SR" rel="noopener nofollow"><span class="button-label">Code<\/span>/,
  );
});

test("paper pages carry evidence, rank, related papers, neighbours and structured data", () => {
  const mamba = page("papers/is-mamba-effective-for-time-series-forecasting/index.html");
  assert.match(mamba, /State space models<\/a>: matched Mamba/);
  assert.match(mamba, /#\d+ on Mar 11, 2025/);
  assert.equal(mamba.match(/<ol class="related"><li>/g)?.length, 1);
  assert.equal((mamba.match(/<ol class="related">([\s\S]*?)<\/ol>/)![1]!.match(/<li>/g) ?? []).length, 5);
  assert.match(mamba, /rel="prev"/);
  assert.match(
    mamba,
    /<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org","@type":"ScholarlyArticle"/,
  );
  assert.match(mamba, /<meta property="og:type" content="article">/);
});

test("no page or asset comes from another origin", () => {
  const external = urlsOf(out)
    .filter(([, u]) => /^(https?:)?\/\//.test(u))
    .filter(([f]) => !f.includes("/papers/"));
  assert.deepEqual(
    external.filter(([, u]) => !u.startsWith("https://example.org/")),
    [],
  );
  for (const css of files(out, ".css"))
    assert.doesNotMatch(readFileSync(css, "utf8"), /url\((["']?)(https?:)?\/\//);
});

test("--base prefixes every internal URL", () => {
  const rooted = urlsOf(based).filter(([, u]) => u.startsWith("/") && !u.startsWith("/digest/"));
  assert.deepEqual(rooted, []);
  assert.deepEqual(brokenLinks(based, "/digest/"), []);
  assert.match(
    readFileSync(path.join(based, "feed.xml"), "utf8"),
    /<link href="https:\/\/example.org\/digest\/feed.xml" rel="self"/,
  );
});

test("under --base, a paper's citation URLs are its page's address", () => {
  const mamba = readFileSync(
    path.join(based, "papers/is-mamba-effective-for-time-series-forecasting/index.html"),
    "utf8",
  );
  const canonical = /<link rel="canonical" href="([^"]+)">/.exec(mamba)![1]!;
  assert.equal(
    canonical,
    "https://example.org/digest/papers/is-mamba-effective-for-time-series-forecasting/",
  );
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(mamba)![1]!) as {
    url: string;
  };
  assert.equal(ld.url, canonical);
  assert.match(mamba, new RegExp(`<meta name="citation_abstract_html_url" content="${canonical}">`));
});

test('with "precompress": true, scripts, stylesheets and data come pre-compressed: gzip from 2 KB, Brotli from 8 KB but for document packs; by default there are no copies', async (t) => {
  assert.deepEqual(
    files(out, "").filter((f) => /\.(?:gz|br)$/.test(f)),
    [],
    "GitHub Pages (the default host) compresses as it serves: no copies",
  );
  const root = project(t);
  const config = path.join(root, "content", "site.json");
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, "utf8")), precompress: true }));
  const compressed = path.join(root, "site");
  const r = await runCli(["build", "--out", compressed], root);
  assert.equal(r.code, 0, r.stderr);
  const kinds = [".js", ".css", ".json"].flatMap((e) => files(compressed, e));
  const sizes = { small: 0, gzipOnly: 0, both: 0 };
  for (const f of kinds) {
    const bytes = readFileSync(f);
    const [gz, br] = [existsSync(`${f}.gz`), existsSync(`${f}.br`)];
    if (bytes.length < 2048) {
      assert.ok(!gz && !br, `${f}: ${bytes.length} bytes, compressed copies`);
      sizes.small++;
      continue;
    }
    assert.ok(gz, `${f}: ${bytes.length} bytes, no .gz`);
    assert.deepEqual(gunzipSync(readFileSync(`${f}.gz`)), bytes, `${f}.gz`);
    const pack = /\/search\/d-[^/]+\/\d+\.json$/.test(f);
    assert.equal(
      br,
      bytes.length >= 8192 && !pack,
      `${f}: ${bytes.length} bytes, .br ${br ? "present" : "missing"}`,
    );
    if (br) assert.deepEqual(brotliDecompressSync(readFileSync(`${f}.br`)), bytes, `${f}.br`);
    sizes[br ? "both" : "gzipOnly"]++;
  }
  // the shipped dump's site has files of each size: small files, document packs, shards, scripts
  assert.ok(sizes.small > 0 && sizes.gzipOnly > 0 && sizes.both > 0, JSON.stringify(sizes));
});

test("the build report weighs every file of the site but itself, per kind of page, and fits it to the host", () => {
  const about = page("about/index.html");
  const rows = [
    ...about.matchAll(
      /<tr(?: class="total")?><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g,
    ),
  ].map((m) => m.slice(1));
  const on = files(out, "").filter((f) => path.relative(out, f) !== path.join("about", "index.html"));
  const bytes = (list: string[]) => list.reduce((a, f) => a + statSync(f).size, 0);
  const papers = on.filter((f) => path.relative(out, f).startsWith(`papers${path.sep}`));
  assert.deepEqual(
    rows.map((r) => r[0]),
    [
      "paper pages",
      "topic listings",
      "digests",
      "search data",
      "for-you data",
      "assets",
      "other",
      "the site",
    ],
  );
  assert.deepEqual(rows[0], [
    "paper pages",
    formatBytes(bytes(papers)),
    "59",
    formatBytes(bytes(papers) / 59),
    "1.00",
  ]);
  const total = rows.at(-1)!;
  assert.deepEqual(total.slice(1, 3), [formatBytes(bytes(on)), String(on.length)]);
  assert.equal(total[4], (on.length / 59).toFixed(2));
  assert.equal(
    rows.slice(0, -1).reduce((a, r) => a + Number(r[2]), 0),
    on.length,
    "the kinds add up to the site",
  );
  assert.deepEqual(
    on.filter((f) => /\.(gz|br)$/.test(f)),
    [],
  );
  assert.ok(
    about.includes("There are no pre-compressed copies"),
    "no copies by default, and the page says so",
  );
  assert.ok(about.includes(`<strong>fits GitHub Pages: ${formatBytes(bytes(on))} of 1 GB</strong>`));
  assert.equal(about.match(/, the nearest\)<\/li>/g)?.length, 1);
  assert.doesNotMatch(about, /Warning:/);
  assert.match(readFileSync(path.join(based, "about/index.html"), "utf8"), /<strong>fits GitHub Pages: /);
});

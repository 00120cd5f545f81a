import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatBytes,
  HOSTS,
  hostWarning,
  kindOf,
  weighSite,
  type Host,
  type SiteFile,
} from "../../src/site/weight.ts";

test("each file of a built site counts for the kind of page it belongs to", () => {
  const kinds = {
    "papers/mamba/index.html": "paper pages",
    "topics/index.html": "topic listings",
    "topics/state-space-models/index.html": "topic listings",
    "topics/state-space-models/page/2/index.html": "topic listings",
    "topics/state-space-models/feed.xml": "topic listings",
    "digests/index.html": "digests",
    "digests/2025-03-11/page/2/index.html": "digests",
    "search/manifest-0123456789.json": "search data",
    "search/d-0123456789/120.json.gz": "search data",
    "search/index.html": "other",
    "foryou/2025-03-11-0123456789.json": "for-you data",
    "assets/katex/fonts/KaTeX_Main-Regular.woff2": "assets",
    "index.html": "other",
    "about/index.html": "other",
    "feed.xml": "other",
    "sitemap.xml": "other",
    "papersmith.html": "other",
  };
  for (const [path, kind] of Object.entries(kinds)) assert.equal(kindOf(path), kind, path);
});

/** A site of `papers` papers: one 10 KB page each, a search document each, three topics, a stylesheet. */
function site(papers: number): SiteFile[] {
  return [
    ...Array.from({ length: papers }, (_, i) => ({ path: `papers/p${i}/index.html`, bytes: 10_000 })),
    ...Array.from({ length: papers }, (_, i) => ({ path: `search/d-1/${i}.json`, bytes: 1_500 })),
    ...["a", "b", "c"].map((t) => ({ path: `topics/${t}/index.html`, bytes: 40_000 })),
    { path: "assets/style.css", bytes: 20_000 },
    { path: "index.html", bytes: 30_000 },
  ];
}

test("bytes and files per kind, in all and per paper, add up to the site", () => {
  const b = weighSite(site(1000), 1000);
  assert.deepEqual(b.kinds["paper pages"], {
    bytes: 10_000_000,
    files: 1000,
    bytesPerPaper: 10_000,
    filesPerPaper: 1,
  });
  assert.deepEqual(b.kinds["search data"], {
    bytes: 1_500_000,
    files: 1000,
    bytesPerPaper: 1_500,
    filesPerPaper: 1,
  });
  assert.equal(b.kinds["topic listings"].bytes, 120_000);
  assert.equal(b.kinds["topic listings"].bytesPerPaper, 120);
  assert.equal(b.kinds.digests.files, 0);
  assert.equal(b.kinds.assets.bytes, 20_000);
  assert.equal(b.kinds.other.bytes, 30_000);
  assert.equal(b.total.bytes, 11_670_000);
  assert.equal(b.total.files, 2005);
  assert.equal(b.total.filesPerPaper, 2.005);
  assert.equal(
    Object.values(b.kinds).reduce((a, k) => a + k.bytes, 0),
    b.total.bytes,
  );
  assert.deepEqual(b.largestFolder, { path: "papers", entries: 1000 });
});

test("a site without papers weighs its files and has no per-paper figures", () => {
  const b = weighSite([{ path: "index.html", bytes: 500 }], 0);
  assert.equal(b.total.bytes, 500);
  assert.equal(b.total.bytesPerPaper, 0);
  assert.equal(b.total.filesPerPaper, 0);
  assert.deepEqual(b.largestFolder, { path: "", entries: 1 });
  assert.equal(
    b.hosts.find((h) => h.host.name === "Netlify")!.text,
    "fits Netlify: 1 entry in the top folder of 54,000 a folder",
  );
});

test("the site is measured against each host's limit, and the nearest is named", () => {
  const small = weighSite(site(1000), 1000);
  assert.deepEqual(
    small.hosts.map((h) => h.text),
    [
      "fits GitHub Pages: 12 MB of 1 GB",
      "fits Cloudflare Pages (free plan): 2,005 files of 20,000",
      "fits Cloudflare Pages (paid plans): 2,005 files of 100,000",
      "fits Netlify: 1,000 entries in papers/ of 54,000 a folder",
    ],
  );
  assert.equal(small.nearest.host.name, "Cloudflare Pages (free plan)");
  assert.equal(small.nearest.ratio, 2005 / 20_000);

  const big = weighSite(site(60_000), 60_000);
  assert.deepEqual(
    big.hosts.map((h) => h.text),
    [
      "fits GitHub Pages: 690 MB of 1 GB",
      "over Cloudflare Pages (free plan): 120,005 files of 20,000",
      "over Cloudflare Pages (paid plans): 120,005 files of 100,000",
      "over Netlify: 60,000 entries in papers/ of 54,000 a folder",
    ],
  );
  assert.equal(big.nearest.host.name, "Cloudflare Pages (free plan)");
  assert.ok(big.hosts[0]!.ratio > 0.68 && big.hosts[0]!.ratio < 0.7);
});

test("a limit reached exactly still fits; one byte more is over", () => {
  const at = (bytes: number) => weighSite([{ path: "index.html", bytes }], 1).hosts[0]!.text;
  assert.equal(at(1e9), "fits GitHub Pages: 1 GB of 1 GB");
  assert.equal(at(1e9 + 1), "over GitHub Pages: 1,000 MB of 1 GB");
  assert.equal(formatBytes(2_864_400_000), "2,864 MB");
});

test("sizes read in decimal units, with a decimal where a whole number would hide the figure", () => {
  const cases: [number, string][] = [
    [0, "0 bytes"],
    [1, "1 byte"],
    [999, "999 bytes"],
    [1_000, "1.0 KB"],
    [15_640, "15.6 KB"],
    [99_949, "99.9 KB"],
    [99_950, "100 KB"],
    [612_400, "612 KB"],
    [999_499, "999 KB"],
    [999_500, "1.0 MB"],
    [2_849_000, "2.8 MB"],
    [9_949_999, "9.9 MB"],
    [9_950_000, "10 MB"],
    [612_000_000, "612 MB"],
    [1e9, "1 GB"],
  ];
  for (const [bytes, text] of cases) assert.equal(formatBytes(bytes), text, String(bytes));
});

test("pre-compressed copies are files like any other, counted in their kind and apart", () => {
  const b = weighSite(
    [
      { path: "assets/app-1.js", bytes: 9_000 },
      { path: "assets/app-1.js.gz", bytes: 3_000 },
      { path: "assets/app-1.js.br", bytes: 2_500 },
      { path: "search/manifest-1.json", bytes: 4_000 },
      { path: "search/manifest-1.json.gz", bytes: 1_200 },
      { path: "papers/a/index.html", bytes: 10_000 },
    ],
    1,
  );
  assert.deepEqual(b.copies, { bytes: 6_700, files: 3 });
  assert.equal(b.kinds.assets.files, 3);
  assert.equal(b.kinds.assets.bytes, 14_500);
  assert.equal(b.kinds["search data"].bytes, 5_200);
  assert.equal(b.total.files, 6);
});

test("the site's own host is GitHub Pages unless another is given; a host of one's own is weighed too", () => {
  const files = site(100);
  assert.equal(weighSite(files, 100).host.host, HOSTS["github-pages"]);
  assert.equal(
    weighSite(files, 100, HOSTS.netlify).host.text,
    "fits Netlify: 100 entries in papers/ of 54,000 a folder",
  );
  const own: Host = { name: "our server", measure: "bytes", limit: 1e6, source: "content/site.json" };
  const b = weighSite(files, 100, own);
  assert.equal(b.hosts.length, Object.keys(HOSTS).length + 1);
  assert.equal(b.host.text, "over our server: 1.3 MB of 1.0 MB");
  assert.equal(b.nearest, b.host);
});

test("a build warns past 80% of its host's limit, and says what to do; over it, louder", () => {
  // 100 papers, 205 files: a limit in files puts the site just under, past and over the thresholds
  const at = (limit: number) =>
    hostWarning(weighSite(site(100), 100, { name: "tiny", measure: "files", limit, source: "test" }));
  assert.equal(at(205 / 0.8), undefined);
  assert.equal(at(257), undefined);
  assert.equal(
    at(250),
    "the site uses 82% of the limit of tiny (205 files of 250), room for about 22 more papers at this " +
      'weight a paper; before it is full, make it lighter or name a host with a larger limit as "host" in content/site.json',
  );
  assert.match(
    at(205)!,
    /^the site uses 100% of the limit of tiny \(205 files of 205\), room for about 0 more/,
  );
  assert.equal(
    at(200),
    "the site is over the limit of tiny (205 files of 200, 102%): it was written, but the host may refuse " +
      "or cut off the deploy; make it lighter (fewer dumps in content/feeds/) or deploy it elsewhere and " +
      'name a host with a larger limit as "host" in content/site.json',
  );
});

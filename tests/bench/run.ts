// npm run bench: prints tables of figures measured in this run on this machine. Not a test.
// Sizes: the real dump, synthetic 1,000 and 10,000 papers (50 a day, as a year of dumps would
// be). Then, unless `--no-browser`, our search against Pagefind's in Chromium on the 10,000-paper
// site. `npm run bench -- --10k --50k --100k` (any of them) measures instead sites of arXiv-shaped
// listings of those sizes and their weight per page kind (scale.ts). Each measurement runs in its
// own process.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { syntheticDump } from "./synthetic.ts";
import { scaleSection, SCALES } from "./scale.ts";
import { table } from "./stats.ts";
import type { Row } from "./browser-report.ts";
import { ROOT } from "../helpers.ts";
import { forYouFigures } from "./foryou.ts";

const sizes = [1000, 10000];
const scale = Object.entries(SCALES).flatMap(([flag, n]) => (process.argv.includes(flag) ? [n] : []));
const browser = !process.argv.includes("--no-browser");
/** The site the browser section searches: built once, by the main table's run. */
const BROWSER_SIZE = 10000;
const work = mkdtempSync(path.join(tmpdir(), "pd-bench-"));
const task = (...args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/bench/task.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    })
      .trim()
      .split("\n")
      .at(-1)!,
  );

/** A project folder: the shipped topics, and dumps of 50 papers a day. */
function project(papers: number): string {
  const root = path.join(work, `p${papers}`);
  mkdirSync(path.join(root, "content", "feeds"), { recursive: true });
  cpSync(path.join(ROOT, "content", "topics"), path.join(root, "content", "topics"), { recursive: true });
  for (let day = 0; day < papers / 50; day++) {
    const date = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
    const label = date.toUTCString().slice(8, 11) + " " + date.getUTCDate();
    writeFileSync(
      path.join(root, "content", "feeds", `${date.toISOString().slice(0, 10)}-trending.txt`),
      syntheticDump(50, day + 1, label),
    );
  }
  return root;
}

const f = (x: number, d = 0) => Number(x.toFixed(d));

/** One row of the main table; the built site is left at `site` for the caller. */
function measure(name: string, root: string, at: string, site: string): Row {
  process.stderr.write(`measuring ${name}…\n`);
  const parse = task("parse", root);
  const floor = task("floor", root, path.join(at, "floor"));
  const alone = task("eleventy", root, path.join(at, "eleventy"));
  const build = task("build", root, site);
  // as the Pages workflow builds: every link under the repository's path
  const based = task("build", root, path.join(at, "based"), "/paper-digest/");
  const search = task("search", root);
  rmSync(at, { recursive: true, force: true });
  // both baselines write one page per paper, or they measure something else
  if (floor.pages !== parse.papers || alone.pages !== parse.papers)
    throw new Error(`baselines wrote ${floor.pages} and ${alone.pages} pages for ${parse.papers} papers`);
  return {
    input: name,
    papers: parse.papers,
    "parse ms": f(parse.parseMs),
    "tag ms": f(parse.tagMs),
    "parse+tag MB": parse.peakMB,
    "build s": f(build.ms / 1000, 1),
    pages: build.pages,
    "pages/s": f(build.pages / (build.ms / 1000)),
    "peak MB": build.peakMB,
    "build --base s": f(based.ms / 1000, 1),
    "floor s": f(floor.ms / 1000, 2),
    "× floor": f(build.ms / floor.ms, 1),
    "eleventy-alone s": f(alone.ms / 1000, 2),
    "eleventy-alone pages": alone.pages,
    "× eleventy-alone": f(build.ms / alone.ms, 1),
    "cold KB gz (median)": f(search.coldGzipKBMedian, 1),
    "cold KB gz (max)": f(search.coldGzipKBMax, 1),
    "first query ms": f(search.coldP50, 1),
    "p50 ms": f(search.warmP50, 1),
    "p95 ms": f(search.warmP95, 1),
  };
}

if (scale.length) {
  console.log(`machine: ${process.platform} ${process.arch}, ${process.version}, ${cpus().length} cores\n`);
  await scaleSection(scale, work, task);
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const rows: Row[] = [];
let browserSite: { site: string; build: Row } | undefined;
for (const [name, root, papers] of [
  ["real dump", ROOT, 0] as const,
  ...sizes.map((n) => [`synthetic ${n}`, project(n), n] as const),
]) {
  const site = path.join(work, `site-${rows.length}`);
  rows.push(measure(name, root, path.join(work, `baselines-${rows.length}`), site));
  if (browser && papers === BROWSER_SIZE) browserSite = { site, build: rows.at(-1)! };
  else rmSync(site, { recursive: true, force: true });
}

console.log(`machine: ${process.platform} ${process.arch}, ${process.version}, ${cpus().length} cores\n`);
console.log(table(rows));
console.log(`
build: the full site (pages, topics, digests, feeds, related papers, search files), wall time and
peak RSS of its process; "build --base": the same build under --base /paper-digest/, as the Pages
workflow builds it (every internal link under the repository's path). floor: a plain synchronous
script that parses and merges the dumps and writes the same paper pages with template literals
(mkdirSync + writeFileSync each). eleventy-alone:
those same pages (same papers, same fields) rendered by Eleventy 3 with a bare Nunjucks template
paginated over the merged papers; no tagging, KaTeX, related papers or search. "× …" is the full
build's wall time over theirs.
search: "cold" is a first visit: bytes fetched (manifest, metadata, the query's shards, the shown
results' documents) before the first results, median and max over 17 typical queries (fuzzy,
prefix and stop-word queries left out of these two); "first query" is that cold query's time with
the fetches in memory; p50/p95 are 20 queries once their shards are loaded: single and two
words, prefixes, fuzzy terms, a common word, lunr syntax. These run in Node, without a browser.`);

console.log("\nFor you (issue 23), a synthetic 400-paper day: its data, ranking it by a 50-paper library");
console.log(
  "(3 dismissed), importing 2,000 BibTeX entries with abstracts. Budgets: 40 KB gzip, 30 ms, 1 s.\n",
);
console.log(table([await forYouFigures()]));

if (browserSite) browserSection(browserSite.site, browserSite.build);
rmSync(work, { recursive: true, force: true });

function browserSection(site: string, build: Row) {
  process.stderr.write(`indexing the ${BROWSER_SIZE}-paper site with Pagefind…\n`);
  const copy = path.join(work, "pagefind-site");
  const pf = task("pagefind", site, copy);
  process.stderr.write("searching in Chromium, ours and Pagefind alternately…\n");
  const r = task("browser", site, copy);
  console.log(`\nsearch in Chromium, synthetic ${BROWSER_SIZE}: ours against Pagefind 1.6.0\n`);
  console.log(table(r.engines));
  console.log(`\n${table(r.cold)}\n\n${table(r.warm)}\n`);
  console.log("where the requests go (requests / KB gzip), each engine's first visit:");
  console.log(table(r.kinds));
  console.log(`
Pagefind indexed ${pf.pages} paper pages in ${f(pf.indexMs / 1000, 1)} s (index only, on a copy of our
built site; our whole build of that site took ${build["build s"]} s).
Debian's Chromium, headless. Each engine has its own local static server (HTTP/1.1, no compression,
no cache headers) that records every response. Engines alternate; every cold visit is a fresh browser
context (empty cache). cold ms: from the navigation's start (performance.timeOrigin) to the moment a
MutationObserver in the page sees the status line say "results for “q”" with the result cards
drawn; 4 queries × 5 runs, median. warm ms: in that page, 10 new queries, each from the form's
submit event (the box's value set, Enter pressed) to the same condition; median of 200. KB raw:
response bodies as served; KB gzip: each body gzipped by zlib at level 9 (Pagefind's index and
fragment files are already gzip on disk, so for them raw ≈ gzip). requests: responses served
from navigation to the first results; warm requests / KB: the 10 warm queries together. Ours draws
10 results per query (their documents come in packs of 8); Pagefind's page loads and draws the
first 10 (result.data(), one fragment file each).`);
}

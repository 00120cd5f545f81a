// npm run bench: prints tables of figures measured in this run on this machine. Not a test.
// Sizes: the real dump, synthetic 1,000 and 10,000 papers (50 a day, as a year of dumps would
// be). Then, unless `--no-browser`, our search against Pagefind's in Chromium on the 10,000-paper
// site. `npm run bench -- --10k --50k --100k` (any of them) measures instead sites of arXiv-shaped
// listings of those sizes and their weight per page kind (scale.ts), and with `--browser` compares
// each with Pagefind in Chromium too. Each measurement runs in its own process.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { syntheticDump } from "./synthetic.ts";
import { scaleSection, SCALES } from "./scale.ts";
import { fixed as f, table } from "./stats.ts";
import type { Row } from "./browser-report.ts";
import { ROOT } from "../helpers.ts";
import { forYouFigures } from "./foryou.ts";
import { browserSection } from "./browser-section.ts";

const sizes = [1000, 10000];
const scale = Object.entries(SCALES).flatMap(([flag, n]) => (process.argv.includes(flag) ? [n] : []));
const browser = !process.argv.includes("--no-browser");
/** At scale, the comparison with Pagefind runs only when asked: `--browser`. */
const scaleBrowser = process.argv.includes("--browser");
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
  await scaleSection(scale, work, task, scaleBrowser);
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

if (browserSite)
  browserSection({
    site: browserSite.site,
    label: `synthetic ${BROWSER_SIZE}`,
    buildSeconds: browserSite.build["build s"] as number,
    work,
    task,
  });
rmSync(work, { recursive: true, force: true });

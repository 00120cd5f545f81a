// npm run bench: prints tables of figures measured in this run on this machine. Not a test.
// Sizes: the real dump, synthetic 1,000 and 10,000 papers (50 a day, as a year of dumps would
// be); `npm run bench -- --50k` adds 50,000. Each measurement runs in its own process.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { syntheticDump } from "./synthetic.ts";
import { ROOT } from "../helpers.ts";

const sizes = [1000, 10000, ...(process.argv.includes("--50k") ? [50000] : [])];
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

type Row = Record<string, string | number>;
const f = (x: number, d = 0) => Number(x.toFixed(d));

/** One row of the main table; the built site is left at `site` for the caller. */
function measure(name: string, root: string, at: string, site: string): Row {
  process.stderr.write(`measuring ${name}…\n`);
  const parse = task("parse", root);
  const floor = task("floor", root, path.join(at, "floor"));
  const alone = task("eleventy", root, path.join(at, "eleventy"));
  const build = task("build", root, site);
  const search = task("search", root);
  rmSync(at, { recursive: true, force: true });
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
    "floor s": f(floor.ms / 1000, 1),
    "× floor": f(build.ms / floor.ms, 1),
    "eleventy-alone s": f(alone.ms / 1000, 1),
    "× eleventy-alone": f(build.ms / alone.ms, 1),
    "cold KB gz (median)": f(search.coldGzipKBMedian, 1),
    "cold KB gz (max)": f(search.coldGzipKBMax, 1),
    "first query ms": f(search.coldP50, 1),
    "p50 ms": f(search.warmP50, 1),
    "p95 ms": f(search.warmP95, 1),
  };
}

function table(rows: Row[]): string {
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(width[i]!)).join("  ");
  return [line(cols), ...rows.map((r) => line(cols.map((c) => String(r[c]))))].join("\n");
}

const rows: Row[] = [];
for (const [name, root] of [
  ["real dump", ROOT] as const,
  ...sizes.map((n) => [`synthetic ${n}`, project(n)] as const),
]) {
  const site = path.join(work, `site-${rows.length}`);
  rows.push(measure(name, root, path.join(work, `baselines-${rows.length}`), site));
  rmSync(site, { recursive: true, force: true });
}

console.log(`machine: ${process.platform} ${process.arch}, ${process.version}, ${cpus().length} cores\n`);
console.log(table(rows));
console.log(`
build: the full site (pages, topics, digests, feeds, related papers, search files), wall time and
peak RSS of its process. floor: a plain synchronous script that parses and merges the dumps and
writes the same paper pages with template literals (mkdirSync + writeFileSync each). eleventy-alone:
those same pages (same papers, same fields) rendered by Eleventy 3 with a bare Nunjucks template
paginated over the merged papers; no tagging, KaTeX, related papers or search. "× …" is the full
build's wall time over theirs.
search: "cold" is a first visit: bytes fetched (manifest, metadata, the query's shards, the shown
results' documents) before the first results, median and max over 17 typical queries (fuzzy,
prefix and stop-word queries left out of these two); "first query" is that cold query's time with
the fetches in memory; p50/p95 are 20 queries once their shards are loaded: single and two
words, prefixes, fuzzy terms, a common word, lunr syntax. These run in Node, without a browser.`);

rmSync(work, { recursive: true, force: true });

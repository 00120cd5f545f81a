// The bench at scale (`npm run bench -- --10k --50k --100k`): sites of arXiv-shaped listings
// (tests/bench/arxiv.ts), each built once in its own process, then weighed file by file.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KINDS, weighSite, type Budget } from "../../src/site/weight.ts";
import { listTree } from "../../src/io.ts";
import { arxivListings, PAPERS_PER_LISTING } from "./arxiv.ts";
import { fixed as f, table } from "./stats.ts";
import type { Row } from "./browser-report.ts";
import { ROOT } from "../helpers.ts";
import { browserSection } from "./browser-section.ts";

type Task = (...args: string[]) => Record<string, number>;

export const SCALES: Record<string, number> = { "--10k": 10_000, "--50k": 50_000, "--100k": 100_000 };

/** A project folder: the shipped topics, and `papers` papers in listings of 400. */
function project(work: string, papers: number): string {
  const root = path.join(work, `arxiv-${papers}`);
  mkdirSync(path.join(root, "content", "feeds"), { recursive: true });
  cpSync(path.join(ROOT, "content", "topics"), path.join(root, "content", "topics"), { recursive: true });
  for (const { name, xml } of arxivListings(papers))
    writeFileSync(path.join(root, "content", "feeds", name), xml);
  return root;
}

async function measure(
  work: string,
  papers: number,
  task: Task,
  browser: boolean,
): Promise<{ row: Row; budget: Budget }> {
  process.stderr.write(`writing ${papers} arXiv-shaped papers…\n`);
  const root = project(work, papers);
  process.stderr.write(`building ${papers}…\n`);
  const site = path.join(work, `arxiv-site-${papers}`);
  const build = task("build", root, site);
  const budget = weighSite(await listTree(site), papers);
  // printed as it is measured: a browser section per size, before the tables of all sizes
  if (browser)
    browserSection({
      site,
      label: `arXiv-shaped ${papers}`,
      buildSeconds: f(build.ms! / 1000, 1),
      work,
      task,
    });
  rmSync(site, { recursive: true, force: true });
  process.stderr.write(`searching ${papers}…\n`);
  const search = task("search", root);
  rmSync(root, { recursive: true, force: true });
  const row: Row = {
    input: `arXiv-shaped ${papers}`,
    papers,
    listings: Math.ceil(papers / PAPERS_PER_LISTING),
    "build s": f(build.ms! / 1000, 1),
    "peak RSS MB": build.peakMB!,
    "site MB": f(budget.total.bytes / 1e6),
    files: budget.total.files,
    "files/paper": f(budget.total.filesPerPaper, 2),
    "KB/paper": f(budget.total.bytesPerPaper / 1000, 1),
    "cold KB gz (median)": f(search.coldGzipKBMedian!, 1),
    "cold KB gz (max)": f(search.coldGzipKBMax!, 1),
    "p50 ms": f(search.warmP50!, 1),
    "p95 ms": f(search.warmP95!, 1),
  };
  return { row, budget };
}

function budgetTable(b: Budget): string {
  const rows: Row[] = [...KINDS, "total" as const].map((k) => {
    const s = k === "total" ? b.total : b.kinds[k];
    return {
      kind: k,
      MB: f(s.bytes / 1e6, 1),
      files: s.files,
      "KB/paper": f(s.bytesPerPaper / 1000, 2),
      "files/paper": f(s.filesPerPaper, 3),
    };
  });
  const hosts = b.hosts.map((h) => `${h.text}${h === b.nearest ? " (nearest)" : ""}`);
  return [
    table(rows),
    `largest folder: ${b.largestFolder.path}/, ${b.largestFolder.entries} entries`,
    ...hosts,
  ].join("\n");
}

export async function scaleSection(
  sizes: number[],
  work: string,
  task: Task,
  browser: boolean,
): Promise<void> {
  const runs = [];
  for (const n of sizes) runs.push(await measure(work, n, task, browser));
  console.log(table(runs.map((r) => r.row)));
  for (const { row, budget } of runs)
    console.log(`\nweight per page kind, ${row.input}:\n${budgetTable(budget)}`);
  console.log(`
Sites of arXiv-shaped papers (tests/bench/arxiv.ts): daily listings in rss.arxiv.org's shape, 400
papers a file, one weekday apart, rotating over cs.LG, cs.CL and cs.CV; each paper with an arXiv id,
2–9 authors, 1–3 categories, a title from a word-bigram model of the shipped dump's titles and an
abstract of 6–12 of its sentences. build: the full site, wall time and peak RSS of its process
(worker threads included). Site MB and files: every file written (apparent size, MB = 10^6 bytes),
pre-compressed copies included. Weight kinds by first folder: papers/, topics/ (listings, their
pages and feeds), digests/, search/ (the index's files; the search page itself is "other"),
assets/; the rest is "other". Host limits: src/site/weight.ts (HOSTS), listed in the README. search:
as in the main table (cold = a first visit's bytes before its first results; p50/p95 = 20 queries
once their shards are loaded), in Node.`);
}

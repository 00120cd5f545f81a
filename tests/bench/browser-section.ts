// The bench's comparison with Pagefind in Chromium, on a site the bench has built: Pagefind indexes
// a copy of it (pagefind-site.ts), then both engines are searched alternately (browser.ts). Run by
// the main table on the synthetic 10,000-paper site and, with `--browser`, by the scale section on
// each arXiv-shaped size.
import { rmSync } from "node:fs";
import path from "node:path";
import { fixed as f, table } from "./stats.ts";
import type { Row } from "./browser-report.ts";

type Task = (...args: string[]) => Record<string, unknown>;

export interface BrowserSite {
  /** the built site */
  site: string;
  /** what the site is, for the headings: "synthetic 10000" */
  label: string;
  /** our whole build of that site, in seconds */
  buildSeconds: number;
  /** a scratch folder for Pagefind's copy of the site */
  work: string;
  task: Task;
}

export function browserSection({ site, label, buildSeconds, work, task }: BrowserSite): void {
  process.stderr.write(`indexing the ${label} site with Pagefind…\n`);
  const copy = path.join(work, "pagefind-site");
  const pf = task("pagefind", site, copy) as { pages: number; indexMs: number };
  process.stderr.write("searching in Chromium, ours and Pagefind alternately…\n");
  const r = task("browser", site, copy) as Record<"engines" | "cold" | "warm" | "kinds", Row[]> & {
    ratios: string[];
  };
  rmSync(copy, { recursive: true, force: true });
  console.log(`\nsearch in Chromium, ${label}: ours against Pagefind 1.6.0\n`);
  console.log(table(r.engines));
  console.log(`\n${table(r.cold)}\n\n${table(r.warm)}\n`);
  console.log(`${r.ratios.join("\n")}\n`);
  console.log("where the requests go (requests / KB gzip), each engine's first visit:");
  console.log(table(r.kinds));
  console.log(`
Pagefind indexed ${pf.pages} paper pages in ${f(pf.indexMs / 1000, 1)} s (index only, on a copy of our
built site; our whole build of that site took ${buildSeconds} s).
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

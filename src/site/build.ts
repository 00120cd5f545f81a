// Owns one site build: Eleventy renders the prepared data into a fresh folder beside the output,
// the search index (built meanwhile on a second core) is written after it; then the site is
// weighed, the build report (/about/, which shows the weight) is rendered alone, and an atomic swap.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { listTree, makeStaging, removeTree, swapIn } from "../io.ts";
import { compressCopiedIn, writeWithCopies } from "./precompress.ts";
import { buildSearchIndex } from "./search-index.ts";
import { buildForYou } from "./foryou-files.ts";
import {
  DIGEST_TEMPLATE,
  eleventySetup,
  PAPER_TEMPLATE,
  REPORT_TEMPLATE,
  TEMPLATES,
  TOPIC_TEMPLATE,
  type SetupOptions,
} from "./plugin.ts";
import { weighSite, type Budget } from "./weight.ts";
import { weightView } from "./views/weight-views.ts";
import type { SiteData } from "./views/types.ts";
import type { EleventyConfig } from "./eleventy-config.ts";
import type { PreparedSite } from "./pipeline.ts";

/** Eleventy's options; its JSDoc types leave out the `config` callback of the programmatic API. */
type EleventyOptions = NonNullable<ConstructorParameters<typeof Eleventy>[2]> & {
  config?: (config: EleventyConfig) => void;
};

export interface BuildResult {
  pages: number;
  /** every file but the report, weighed before the report was written */
  budget: Budget;
}

/**
 * Renders a prepared site into `out`. The old `out` stays byte-identical until the new one is
 * complete. Nothing here depends on the working folder, so builds can run one after another in
 * one process.
 */
export async function buildSite(site: PreparedSite, out: string, batches = BATCHES): Promise<BuildResult> {
  const target = path.resolve(out);
  const staging = await makeStaging(target);
  const stop = new AbortController();
  let [index, pages]: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  try {
    // the second core: the search index, then For you's files, while the pages render
    const opts = { signal: stop.signal, precompress: site.precompress };
    index = buildSearchIndex(site.search, staging, opts).then(() => buildForYou(site.forYou, staging, opts));
    pages = renderPages(site, staging, batches, stop.signal);
    // both settle before either is used, so a failed render never leaves the index unobserved
    const [written] = (await Promise.all([pages, index])) as [number, unknown];
    await writeWithCopies(staging, site.scripts.files, site.precompress);
    if (site.precompress) await compressCopiedIn(staging);
    // the report shows what the rest weighs: it cannot weigh itself before it is written
    const budget = weighSite(await listTree(staging), site.data.papers.length, site.host);
    const report = { ...site.data.report, weight: weightView(budget) };
    const data = { ...site.data, report };
    const about = await render(REPORT_TEMPLATE, staging, { data, pass: "report" });
    await swapIn(staging, target);
    return { pages: written + countPages(about), budget };
  } catch (err) {
    stop.abort();
    // a thread or a run still writing into the staging folder would make its removal fail
    // (ENOTEMPTY) and hide the build's own error: wait until both have stopped (the render stops
    // before its next run)
    await Promise.allSettled([index, pages]);
    await removeTree(staging);
    throw err;
  }
}

/**
 * How many paper pages one Eleventy run renders. Eleventy keeps every page of a run (its data, its
 * output, the results `write()` returns) until the run ends; in batches only one batch is held.
 * Measured on 20,000 arXiv-shaped papers (2 cores): one run for all peaked at 1,399 MB RSS, batches
 * of 5,000 at 1,286 MB, and with each batch's views made just before it 1,213 MB.
 */
const PAPER_BATCH = 5000;

/**
 * How many pages of each listing (topic pages, digest pages) one Eleventy run renders; the first
 * run takes the first so many of each with the other pages, later runs one template's next so many.
 * A site of up to this many topic pages and as many digest pages renders its listings in one run.
 * At 100,000 arXiv-shaped papers the 7,100 topic pages and 2,001 digest pages are 590 MB of HTML,
 * all held by one run until it ended: RSS rose 1.7 → 3.1 GB over that run with the search index's
 * thread beside it, the build's peak.
 */
const LISTING_BATCH = 1500;

/** How many pages one Eleventy run renders: paper pages, and pages of each listing. */
export interface Batches {
  papers: number;
  listings: number;
}
const BATCHES: Batches = { papers: PAPER_BATCH, listings: LISTING_BATCH };

/** The listings rendered in batches: each one's template and the data it paginates. */
const LISTINGS = [
  { template: TOPIC_TEMPLATE, key: "topicPages" },
  { template: DIGEST_TEMPLATE, key: "digestPages" },
] as const;

/**
 * Every page but the report: the first batch of each listing and the rest in one run, then the
 * listings' other batches, then the paper pages in batches, each batch's views made just before
 * it renders.
 */
async function renderPages(
  site: PreparedSite,
  out: string,
  { papers: paperBatch, listings: listingBatch }: Batches,
  signal: AbortSignal,
): Promise<number> {
  const data: SiteData = {
    ...site.data,
    aboutPages: [],
    topicPages: site.data.topicPages.slice(0, listingBatch),
    digestPages: site.data.digestPages.slice(0, listingBatch),
  };
  let pages = countPages(await render(TEMPLATES, out, { data, pass: "pages" }));
  for (const { template, key } of LISTINGS) {
    const all = site.data[key];
    for (let i = listingBatch; i < all.length; i += listingBatch) {
      signal.throwIfAborted();
      const batch = { ...data, [key]: all.slice(i, i + listingBatch) };
      pages += countPages(await render(template, out, { data: batch, pass: "batch" }));
    }
  }
  for (let i = 0; i < data.papers.length; i += paperBatch) {
    signal.throwIfAborted();
    const batch = { ...data, paperPages: site.paperPages(i, i + paperBatch) };
    pages += countPages(await render(PAPER_TEMPLATE, out, { data: batch, pass: "batch" }));
  }
  return pages;
}

/** One Eleventy run over `input` (the templates folder, or one template) into `out`. */
function render(input: string, out: string, setup: SetupOptions): Promise<unknown> {
  const options: EleventyOptions = {
    // an empty path means no config file: everything is set up by the callback
    configPath: "",
    quietMode: true,
    config: (config: EleventyConfig) => eleventySetup(config, setup),
  };
  const eleventy = new Eleventy(input, out, options);
  eleventy.disableLogger();
  return eleventy.write();
}

function countPages(written: unknown): number {
  const flat: unknown[] = Array.isArray(written) ? written.flat(3) : [];
  return flat.filter(
    (r) => typeof r === "object" && r !== null && "outputPath" in r && String(r.outputPath).endsWith(".html"),
  ).length;
}

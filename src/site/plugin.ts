// Owns Eleventy's side of the site: template formats, the Nunjucks engine, assets, and the one
// global `site` (plain data). The CLI hands the data in; `npm start` has the same pipeline steps
// make it before each build of the dev server.
//
// Templates put the base path before site paths themselves (`site.meta.prefix`): Eleventy's HTML
// base plugin parsed every page again with posthtml to do it, 24 of a 10,000-paper build's 39 s
// under `--base /x/` (14 s without a base).
import path from "node:path";
import { formatDiagnostic } from "../common/diagnostics.ts";
import { buildSearchIndex } from "./search-index.ts";
import { buildForYou } from "./foryou-files.ts";
import { writeWithCopies } from "./precompress.ts";
import { nunjucksEngine } from "./nunjucks.ts";
import { assets } from "./assets.ts";
import { prepareSite, type PreparedSite } from "./pipeline.ts";
import type { SiteData } from "./views/types.ts";
import type { EleventyConfig } from "./eleventy-config.ts";
import { paths } from "../common/paths.ts";

export const TEMPLATES = path.resolve(new URL("../../templates", import.meta.url).pathname);

/** The build report's template: a build renders it last, once the rest of the site is weighed. */
export const REPORT_TEMPLATE = path.join(TEMPLATES, "about.njk");
/** The paper pages' template: a build renders it alone, a batch of papers at a time. */
export const PAPER_TEMPLATE = path.join(TEMPLATES, "paper.njk");
/** The listings' templates: a large site's build renders their later pages alone, in batches. */
export const TOPIC_TEMPLATE = path.join(TEMPLATES, "topic.njk");
export const DIGEST_TEMPLATE = path.join(TEMPLATES, "digest.njk");

/**
 * `data`: render this (the CLI's build), in one of its passes: every page but the paper pages and
 * the report, with the assets; then one template alone over a batch of its pages (listings, paper
 * pages); then the report alone. `root`: make it from that project's content (dev server).
 */
export type SetupOptions = { data: SiteData; pass: "pages" | "batch" | "report" } | { root: string };

export function eleventySetup(eleventyConfig: EleventyConfig, options: SetupOptions): void {
  eleventyConfig.setTemplateFormats(["njk"]);
  nunjucksEngine(eleventyConfig, { templates: TEMPLATES });
  eleventyConfig.addGlobalData("paths", paths);
  if (!("data" in options) || options.pass === "pages") assets(eleventyConfig, TEMPLATES);
  // frozen, Eleventy hands `site` to each paginated page as it is: otherwise it deep-copies it into
  // every template's data and wraps each `site.…` lookup of every page in new Proxy objects
  // (0.55 s of a 10,000-paper build's profile, 0.24 s frozen)
  if ("data" in options) eleventyConfig.addGlobalData("site", Object.freeze(options.data));
  else devServer(eleventyConfig, options.root);
}

/** Before each build of the dev server the pipeline runs again; after it, the search files are written. */
function devServer(eleventyConfig: EleventyConfig, root: string): void {
  let current: PreparedSite | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    const prepared = await prepareSite({ root });
    if (!prepared.ok) {
      const errors = prepared.error.filter((d) => d.severity === "error");
      throw new Error(`the content has errors:\n${errors.map(formatDiagnostic).join("\n")}`);
    }
    current = prepared.value;
  });
  // a dev server renders every page in one run: the paper pages' views are made for all at once
  eleventyConfig.addGlobalData(
    "site",
    () => current && { ...current.data, paperPages: current.paperPages(0, Infinity) },
  );
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!current) return;
    // no compressed copies: the dev server compresses as it serves
    await buildSearchIndex(current.search, directories.output, { thread: false, precompress: false });
    await buildForYou(current.forYou, directories.output, { thread: false, precompress: false });
    await writeWithCopies(directories.output, current.scripts.files, false);
  });
  eleventyConfig.addWatchTarget("content/");
  eleventyConfig.addWatchTarget("src/");
}

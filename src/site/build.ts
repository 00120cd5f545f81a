// Owns one site build: Eleventy renders the prepared data into a fresh folder beside the output,
// the search index (built meanwhile on a second core) is written after it, then an atomic swap.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { makeStaging, removeTree, swapIn } from "../io.ts";
import { compressCopiedIn, writeWithCopies } from "./precompress.ts";
import { buildSearchIndex } from "./search-index.ts";
import { eleventySetup, TEMPLATES } from "./plugin.ts";
import type { EleventyConfig } from "./eleventy-config.ts";
import type { PreparedSite } from "./pipeline.ts";

/** Eleventy's options; its JSDoc types leave out the `config` callback of the programmatic API. */
type EleventyOptions = NonNullable<ConstructorParameters<typeof Eleventy>[2]> & {
  config?: (config: EleventyConfig) => void;
};

export interface BuildResult {
  pages: number;
}

/**
 * Renders a prepared site into `out`. The old `out` stays byte-identical until the new one is
 * complete. Nothing here depends on the working folder, so builds can run one after another in
 * one process.
 */
export async function buildSite(site: PreparedSite, out: string): Promise<BuildResult> {
  const target = path.resolve(out);
  const staging = await makeStaging(target);
  const stop = new AbortController();
  try {
    const index = buildSearchIndex(site.search, staging, { signal: stop.signal });
    const options: EleventyOptions = {
      // an empty path means no config file: everything is set up by the callback
      configPath: "",
      quietMode: true,
      config: (config: EleventyConfig) => eleventySetup(config, { data: site.data }),
    };
    const eleventy = new Eleventy(TEMPLATES, staging, options);
    eleventy.disableLogger();
    // both settle before either is used, so a failed render never leaves the index unobserved
    const [written] = await Promise.all([eleventy.write(), index]);
    await writeWithCopies(staging, [...site.scripts.files, ...site.forYou.files]);
    await compressCopiedIn(staging);
    await swapIn(staging, target);
    return { pages: countPages(written) };
  } catch (err) {
    stop.abort();
    await removeTree(staging);
    throw err;
  }
}

function countPages(written: unknown): number {
  const flat: unknown[] = Array.isArray(written) ? written.flat(3) : [];
  return flat.filter(
    (r) => typeof r === "object" && r !== null && "outputPath" in r && String(r.outputPath).endsWith(".html"),
  ).length;
}

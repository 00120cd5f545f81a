// Owns the Eleventy side of the site: global data, filters, assets, watch targets, base path.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { siteData } from "./handoff.ts";
import { filters } from "./filters.ts";
import { assets } from "./assets.ts";

// Eleventy's config object is untyped; these are the calls this plugin makes on it.
export interface EleventyConfig {
  addGlobalData: (name: string, value: unknown) => void;
  addFilter: (name: string, fn: (...args: never[]) => unknown) => void;
  addPassthroughCopy: (map: Record<string, string>) => void;
  addWatchTarget: (target: string) => void;
  addPlugin: (plugin: unknown, options?: unknown) => void;
  setNunjucksEnvironmentOptions: (options: Record<string, unknown>) => void;
  setQuietMode?: (quiet: boolean) => void;
  on: (event: string, fn: (...args: never[]) => unknown) => void;
}

export function paperDigest(eleventyConfig: EleventyConfig, options: { root: string }) {
  eleventyConfig.addGlobalData("site", () => siteData(options.root));
  // feed text is data: autoescape it everywhere, and fail loudly on a template typo
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.addPlugin(filters);
  eleventyConfig.addPlugin(assets);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addWatchTarget("content/");
  eleventyConfig.addWatchTarget("src/");
}

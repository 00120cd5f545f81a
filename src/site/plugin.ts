// Owns the Eleventy side of the site: global data, filters, assets, watch targets, base path.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { siteData } from "./handoff.ts";
import path from "node:path";
import { nunjucksEngine } from "./nunjucks.ts";
import { PACKAGE_ROOT } from "./build.ts";
import { assets } from "./assets.ts";

// Eleventy's config object is untyped; these are the calls this plugin makes on it.
export interface EleventyConfig {
  addGlobalData: (name: string, value: unknown) => void;
  addFilter: (name: string, fn: (...args: never[]) => unknown) => void;
  addPassthroughCopy: (map: Record<string, string>) => void;
  addWatchTarget: (target: string) => void;
  addPlugin: (plugin: unknown, options?: unknown) => void;
  addExtension: (extension: string, options: object) => void;
  setQuietMode?: (quiet: boolean) => void;
  on: (event: string, fn: (...args: never[]) => unknown) => void;
}

export function paperDigest(eleventyConfig: EleventyConfig, options: { root: string }) {
  eleventyConfig.addGlobalData("site", () => siteData(options.root));
  eleventyConfig.addPlugin(nunjucksEngine, { templates: path.join(PACKAGE_ROOT, "templates") });
  eleventyConfig.addPlugin(assets);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addWatchTarget("content/");
  eleventyConfig.addWatchTarget("src/");
}

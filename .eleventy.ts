// Eleventy configuration for `npm start` (the dev server): the same setup as `paper-digest build`,
// with the site data made by the pipeline from this folder's content/ before each build.
import { eleventySetup } from "./src/site/plugin.ts";
import type { EleventyConfig } from "./src/site/eleventy-config.ts";

export default function (eleventyConfig: EleventyConfig) {
  eleventySetup(eleventyConfig, { root: process.cwd() });
}

export const config = { dir: { input: "templates" } };

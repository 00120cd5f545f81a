// Eleventy configuration: a table of contents; the work lives in named modules under src/site.
import { paperDigest, type EleventyConfig } from "./src/site/plugin.ts";
import { searchAssets } from "./src/search/eleventy.ts";

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(paperDigest, { root: process.cwd() });
  eleventyConfig.addPlugin(searchAssets);
}

export const config = {
  dir: { input: "templates", includes: "_includes", data: "_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: false,
};

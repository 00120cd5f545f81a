// Owns writing the search files into Eleventy's output once the pages are rendered.
import path from "node:path";
import type { EleventyConfig } from "../site/plugin.ts";
import { currentSiteData } from "../site/handoff.ts";
import { writeFiles } from "../io.ts";

export function searchAssets(eleventyConfig: EleventyConfig) {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const data = currentSiteData();
    if (!data) return;
    await writeFiles(directories.output, data.search.files);
    if (data.search.index) await writeFiles(directories.output, await data.search.index);
  });
}

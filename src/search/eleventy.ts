// Owns writing the search files into Eleventy's output once the pages are rendered.
import path from "node:path";
import type { EleventyConfig } from "../site/plugin.ts";
import { currentSiteData } from "../site/handoff.ts";
import { writeFileEnsuringDir } from "../io.ts";

export function searchAssets(eleventyConfig: EleventyConfig) {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const data = currentSiteData();
    if (!data) return;
    for (const f of data.search.files) await writeFileEnsuringDir(path.join(directories.output, f.path), f.contents);
  });
}

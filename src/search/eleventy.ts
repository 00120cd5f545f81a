// Owns the search files of the site: the index, the document store and the browser bundle.
import type { EleventyConfig } from "../site/plugin.ts";

export function searchAssets(_eleventyConfig: EleventyConfig, _options: { root: string }) {
  // filled in by the search work
}

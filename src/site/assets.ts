// Owns the static files the site serves itself: stylesheet, icon, KaTeX's CSS and fonts.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const katexDist = path.dirname(require.resolve("katex/dist/katex.min.css"));

export function assets(
  eleventyConfig: { addPassthroughCopy: (map: Record<string, string>) => void },
  templates: string,
): void {
  eleventyConfig.addPassthroughCopy({
    [path.join(templates, "assets")]: "assets",
    [path.join(katexDist, "katex.min.css")]: "assets/katex/katex.min.css",
    [path.join(katexDist, "fonts")]: "assets/katex/fonts",
  });
}

// Owns rendering the templates: Nunjucks with autoescape, each template compiled once per build,
// each page handed to Eleventy as UTF-8 bytes.
//
// Eleventy's own Nunjucks engine opts out of its compile cache, so a paginated template is
// compiled again for every page; at 10,000 paper pages that was most of the build. This engine is
// the same Nunjucks, registered for .njk with the compile cache on.
import path from "node:path";
import nunjucks from "nunjucks";
import { dateLabel, rfc3339, absoluteUrl } from "./filters.ts";
import { plural } from "../feed/diagnostics.ts";
import type { EleventyConfig } from "./plugin.ts";

// Eleventy holds every rendered page until the build ends. As a string, a page is two bytes a
// character once any piece of it had a character beyond Latin-1 (a "›" in a template, an "…" in an
// excerpt); as UTF-8 bytes it is about one, outside the JavaScript heap, and written as it is.
// Measured on the 10,000-paper site: build 14.2–14.5 s → 12.4–12.6 s, peak RSS 900–930 → 880–890 MB
// (a pass that made each page a one-byte string with character references took 1 s of it).
export function nunjucksEngine(eleventyConfig: EleventyConfig, options: { templates: string }) {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(path.join(options.templates, "_includes")),
    {
      // feed text is data: autoescape it everywhere
      autoescape: true,
      throwOnUndefined: false,
      trimBlocks: true,
      lstripBlocks: true,
    },
  );
  env.addFilter("dateLabel", dateLabel);
  env.addFilter("rfc3339", rfc3339);
  env.addFilter("absolute", absoluteUrl);
  // `{{ n | plural("paper") }}`: "1 paper", "2 papers"
  env.addFilter("plural", plural);
  eleventyConfig.addExtension("njk", {
    // keyed by the template's path, not (as by default) its path + its whole text, which Eleventy
    // joined and hashed again for each of 10,000 paper pages; it clears a path's entry when the
    // file changes
    compileOptions: { cache: true, getCacheKey: (_text: string, inputPath: string) => inputPath },
    compile(inputContent: string, inputPath: string) {
      const template = new nunjucks.Template(inputContent, env, inputPath, true);
      return (data: object) =>
        new Promise<Buffer>((resolve, reject) =>
          template.render(data, (err, out) => (err ? reject(err) : resolve(Buffer.from(out ?? "")))),
        );
    },
  });
}

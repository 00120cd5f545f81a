// Owns rendering the templates: Nunjucks with autoescape, each template compiled once per build,
// each page kept in memory at one byte per character.
//
// Eleventy's own Nunjucks engine opts out of its compile cache, so a paginated template is
// compiled again for every page; at 10,000 paper pages that was most of the build. This engine is
// the same Nunjucks, registered for .njk with the compile cache on.
import path from "node:path";
import nunjucks from "nunjucks";
import { dateLabel, rfc3339, absoluteUrl } from "./filters.ts";
import { plural } from "../feed/diagnostics.ts";
import type { EleventyConfig } from "./plugin.ts";
import { oneByte } from "./one-byte.ts";

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
    compileOptions: { cache: true },
    compile(inputContent: string, inputPath: string) {
      const template = new nunjucks.Template(inputContent, env, inputPath, true);
      return (data: object) =>
        new Promise<string>((resolve, reject) =>
          template.render(data, (err, out) => (err ? reject(err) : resolve(oneByte(out ?? "")))),
        );
    },
  });
}

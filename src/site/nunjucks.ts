// Owns rendering the templates: Nunjucks with autoescape, each template compiled once per
// Eleventy run, each page handed to Eleventy as UTF-8 bytes.
//
// Eleventy's own Nunjucks engine opts out of its compile cache, so a paginated template is
// compiled again for every page; at 10,000 paper pages that was most of the build. This engine is
// the same Nunjucks, registered for .njk, keeping its own compiled templates.
import path from "node:path";
import nunjucks from "nunjucks";
import { dateLabel, rfc3339, absoluteUrl } from "./filters.ts";
import { plural } from "../common/text.ts";
import type { EleventyConfig } from "./eleventy-config.ts";

/** Nunjucks' Environment empties its loaders' caches so (missing from its type definitions). */
interface Invalidating {
  invalidateCache(): void;
}

/** The two pieces of Nunjucks' runtime every printed value and every loop step goes through. */
interface NunjucksInternals {
  runtime: { Frame: { prototype: { set: FrameSet } } };
  lib: { escape: (this: void, val: string) => string };
}
type FrameSet = (
  this: { variables: Record<string, unknown> },
  name: string,
  val: unknown,
  up?: boolean,
) => void;

/**
 * Two of Nunjucks' runtime functions, made faster with the same results. Measured by rendering the
 * 10,000-paper site's pages with Nunjucks alone: 2.0 s → 1.5 s (paper pages 1.05 → 0.78 s, topic
 * pages 0.78 → 0.58 s), every page identical.
 * - `Frame.set` splits the variable's name on "." every time; a loop sets seven `loop.*` names for
 *   each item (0.56 s of the 10k build's main thread). The split is kept per name: the names are
 *   the templates' own, a few dozen.
 * - `escape` runs a replacement over every printed string; most have nothing to escape, and one
 *   test finds that out sooner.
 * Nunjucks has one runtime per process, so this applies to every Environment; it runs once.
 */
function fasterRuntime(): void {
  const { runtime, lib } = nunjucks as unknown as NunjucksInternals;
  const frame = runtime.Frame.prototype;
  if ((frame.set as { faster?: true }).faster) return;
  const slowSet = frame.set;
  const split = new Map<string, string[]>();
  const set: FrameSet = function (name, val, up) {
    if (up) return slowSet.call(this, name, val, up);
    let parts = split.get(name);
    if (parts === undefined) split.set(name, (parts = name.split(".")));
    let obj = this.variables;
    for (let i = 0; i < parts.length - 1; i++) {
      const id = parts[i]!;
      if (!obj[id]) obj[id] = {};
      obj = obj[id] as Record<string, unknown>;
    }
    obj[parts[parts.length - 1]!] = val;
  };
  frame.set = Object.assign(set, { faster: true as const });
  const slowEscape = lib.escape;
  const special = /[&"'<>\\]/;
  lib.escape = (val: string) => (special.test(val) ? slowEscape(val) : val);
}

// Eleventy holds every rendered page until the build ends. As a string, a page is two bytes a
// character once any piece of it had a character beyond Latin-1 (a "›" in a template, an "…" in an
// excerpt); as UTF-8 bytes it is about one, outside the JavaScript heap, and written as it is.
// Measured on the 10,000-paper site: build 14.2–14.5 s → 12.4–12.6 s, peak RSS 900–930 → 880–890 MB
// (a pass that made each page a one-byte string with character references took 1 s of it).
export function nunjucksEngine(eleventyConfig: EleventyConfig, options: { templates: string }) {
  fasterRuntime();
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
  // the includes (base.njk, card.njk…) are read again at each build: the dev server keeps this
  // environment across rebuilds, and Nunjucks' loader would keep an edited include's old text
  eleventyConfig.on("eleventy.before", () => (env as unknown as Invalidating).invalidateCache());
  // Each template is compiled once per run here, not in Eleventy's compile cache: that cache is
  // global, keyed by each run's configuration, and keeps every run's compiled functions and through
  // them the run's data. A build of paper pages in batches of 5,000 kept each batch's page views,
  // 5 KB a paper (500 MB at 100,000 papers). Checked against the template's text, so an edited
  // page template compiles again (the dev server).
  eleventyConfig.setUseTemplateCache(false);
  const compiled = new Map<string, { text: string; template: nunjucks.Template }>();
  eleventyConfig.addExtension("njk", {
    compile(inputContent: string, inputPath: string) {
      let entry = compiled.get(inputPath);
      if (entry?.text !== inputContent) {
        entry = { text: inputContent, template: new nunjucks.Template(inputContent, env, inputPath, true) };
        compiled.set(inputPath, entry);
      }
      const { template } = entry;
      return (data: object) =>
        new Promise<Buffer>((resolve, reject) =>
          template.render(data, (err, out) => (err ? reject(err) : resolve(Buffer.from(out ?? "")))),
        );
    },
  });
}

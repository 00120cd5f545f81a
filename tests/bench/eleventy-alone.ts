// "Eleventy alone" for `npm run bench`: the floor's paper pages (same papers, same fields) rendered
// by Eleventy 3 with a bare Nunjucks template and its own Nunjucks engine, paginated over the plain
// array of merged papers. No pipeline: no tagging, KaTeX, related papers or search. It tells what
// Eleventy itself costs, so the full build's multiple of it is what our pipeline adds.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { EleventyConfig } from "../../src/site/eleventy-config.ts";
import { loadPapers } from "./floor.ts";

/** Eleventy's options; its JSDoc types leave out the `config` callback of the programmatic API. */
type Options = NonNullable<ConstructorParameters<typeof Eleventy>[2]> & {
  config?: (config: EleventyConfig) => void;
};

// the floor's page, as Nunjucks (autoescaped); the permalink is a function, as in our paper.njk
const TEMPLATE = `---js
const pagination = { data: "papers", size: 1, alias: "paper", addAllPagesToCollections: false };
const permalink = (data) => \`/papers/\${data.paper.slug}/\`;
---
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ paper.title }}</title>
<meta name="description" content="{{ paper.abstract.slice(0, 160) }}"><link rel="stylesheet" href="/assets/style.css"></head>
<body><header><a href="/">Paper Digest</a></header><main><article><h1>{{ paper.title }}</h1>
<p>{% for d in paper.digests %}#{{ d.rank }} on {{ d.label }}{% if not loop.last %}, {% endif %}{% endfor %}</p>
<div class="abstract"><p>{{ paper.abstract }}</p></div>
{% for l in paper.links %}<a href="{{ l.url }}" rel="noopener nofollow">{{ l.url }}</a>{% if not loop.last %} {% endif %}{% endfor %}
</article></main></body></html>`;

/** Renders the paper pages of the project at `root` into `out`; returns the pages on disk. */
export async function eleventyAlone(root: string, out: string): Promise<number> {
  const papers = loadPapers(root);
  const input = `${out}-templates`;
  mkdirSync(input, { recursive: true });
  writeFileSync(path.join(input, "papers.njk"), TEMPLATE);
  const options: Options = {
    configPath: "",
    quietMode: true,
    config: (config) => {
      config.setTemplateFormats(["njk"]);
      config.addGlobalData("papers", papers);
    },
  };
  const eleventy = new Eleventy(input, out, options);
  eleventy.disableLogger();
  await eleventy.write();
  return readdirSync(path.join(out, "papers")).length;
}

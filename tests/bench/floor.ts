// The floor for `npm run bench`: a plain synchronous Node script that parses and merges the dumps,
// then writes the same paper pages with template literals and no framework, one mkdirSync and one
// writeFileSync per page. The full build's time is reported as a multiple of this.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "../../src/feed/parse.ts";
import { mergeDumps } from "../../src/feed/merge.ts";
import type { Paper } from "../../src/feed/schema.ts";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A project's dumps, parsed and merged: the papers both baselines render. */
export function loadPapers(root: string): Paper[] {
  const dir = path.join(root, "content", "feeds");
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort();
  return mergeDumps(names.map((n) => parseFeed(readFileSync(path.join(dir, n), "utf8"), n))).papers;
}

function page(p: Paper): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(p.title)}</title>
<meta name="description" content="${esc(p.abstract.slice(0, 160))}"><link rel="stylesheet" href="/assets/style.css"></head>
<body><header><a href="/">Paper Digest</a></header><main><article><h1>${esc(p.title)}</h1>
<p>${p.digests.map((d) => `#${d.rank} on ${esc(d.label)}`).join(", ")}</p>
<div class="abstract"><p>${esc(p.abstract)}</p></div>
${p.links.map((l) => `<a href="${esc(l.url)}" rel="noopener nofollow">${esc(l.url)}</a>`).join(" ")}
</article></main></body></html>`;
}

export function writeFloor(root: string, out: string): number {
  const papers = loadPapers(root);
  for (const p of papers) {
    const dir = path.join(out, "papers", p.slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "index.html"), page(p));
  }
  return papers.length;
}

// The floor for `npm run bench`: a plain Node script that writes the same paper pages with
// template literals and no framework. The full build's time is reported as a multiple of this.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseFeed } from "../../src/feed/parse.ts";
import { mergeDumps } from "../../src/feed/merge.ts";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function writeFloor(root: string, out: string): Promise<number> {
  const dir = path.join(root, "content", "feeds");
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith(".txt")).sort();
  const dumps = await Promise.all(
    names.map(async (n) => parseFeed(await fs.readFile(path.join(dir, n), "utf8"), n)),
  );
  const { papers } = mergeDumps(dumps);
  for (const p of papers) {
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(p.title)}</title>
<meta name="description" content="${esc(p.abstract.slice(0, 160))}"><link rel="stylesheet" href="/assets/style.css"></head>
<body><header><a href="/">Paper Digest</a></header><main><article><h1>${esc(p.title)}</h1>
<p>${p.digests.map((d) => `#${d.rank} on ${esc(d.label)}`).join(", ")}</p>
<div class="abstract"><p>${esc(p.abstract)}</p></div>
${p.links.map((l) => `<a href="${esc(l.url)}" rel="noopener nofollow">${esc(l.url)}</a>`).join(" ")}
</article></main></body></html>`;
    const file = path.join(out, "papers", p.slug, "index.html");
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, page);
  }
  return papers.length;
}

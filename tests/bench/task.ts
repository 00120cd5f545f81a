// One measurement in its own process, so peak memory belongs to that measurement alone.
// Usage: tsx tests/bench/task.ts parse ROOT | search ROOT | build ROOT OUT [BASE] | floor ROOT OUT
//   | eleventy ROOT OUT | pagefind SITE COPY | browser SITE COPY → one JSON line on stdout.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import lunr from "lunr";
import { parseFeed } from "../../src/feed/parse.ts";
import { mergeDumps } from "../../src/feed/merge.ts";
import { indexFilesRelative, jsonOf } from "../../src/search/index-files.ts";
import { Searcher } from "../../src/search/query.ts";
import { registerShared } from "../../src/search/tokenizer.ts";
import { assignTopics } from "../../src/topics/tag.ts";
import { loadContent } from "../../src/site/pipeline.ts";
import { main } from "../../src/cli/main.ts";
import { tuneHeap } from "../../src/site/heap.ts";
import { writeFloor } from "./floor.ts";
import { eleventyAlone } from "./eleventy-alone.ts";
import { pct } from "./stats.ts";
import { pagefindSite } from "./pagefind-site.ts";
import { compare, ENGINES } from "./browser.ts";
import { engineRows, kindRows, queryRows, ratioLine } from "./browser-report.ts";
import { ROOT } from "../helpers.ts";

const [what, arg, out, base] = process.argv.slice(2);
const ms = (t0: number) => performance.now() - t0;
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Single words, two words, prefixes, fuzzy terms, common words and lunr syntax. */
export const QUERIES = [
  "mamba",
  "attention",
  "speech",
  "forecasting",
  "quantization",
  "long context",
  "state space",
  "language models",
  "sparse attention",
  "time series",
  "trans*",
  "bench*",
  "atention~1",
  "memorization",
  "model",
  "the",
  "title:mamba",
  "+long -context",
  "efficient transformer",
  "retrieval",
];

if (what === "parse") {
  const dir = path.join(arg!, "content", "feeds");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => path.join(dir, f));
  const t0 = performance.now();
  const merged = mergeDumps(files.map((f) => parseFeed(readFileSync(f, "utf8"), f)));
  const parseMs = ms(t0);
  const content = await loadContent({ root: ROOT, feeds: [] });
  const t1 = performance.now();
  assignTopics(merged.papers, content.topics);
  console.log(JSON.stringify({ papers: merged.papers.length, parseMs, tagMs: ms(t1), peakMB: peak() }));
} else if (what === "search") {
  const content = await loadContent({ root: arg! });
  const docs = content.papers.map((p) => ({
    slug: p.slug,
    title: p.title,
    abstract: p.abstract,
    snippetText: p.abstract,
    shownTitle: p.title,
    authors: p.authors ?? [],
    arxivId: p.arxivId,
    byline: "",
    topics: p.topics.map((t) => ({ slug: t.slug, name: t.name })),
    keywords: p.aiKeywords ?? [],
    label: "x",
  }));
  const t0 = performance.now();
  const { manifest, files } = indexFilesRelative(docs);
  const buildMs = ms(t0);
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const gz = new Map<string, number>();
  const gzip = (p: string) => gz.get(p) ?? gz.set(p, gzipSync(byPath.get(p)!).length).get(p)!;
  const manifestBytes = JSON.stringify(manifest);
  registerShared(lunr);
  const make = (fetched: string[]) =>
    new Searcher(lunr, manifest, (p) => (fetched.push(p), Promise.resolve(jsonOf(byPath.get(p)!))));
  // cold: a fresh searcher per query, as a first visit; bytes are what its first results needed:
  // the manifest, the query's shards, the shown results' documents (the topic metadata, for the
  // facets only, loads beside them and is not waited for)
  const cold = [];
  for (const q of QUERIES) {
    const fetched: string[] = [];
    const t = performance.now();
    await make(fetched).search(q, { limit: 10 });
    const needed = fetched.filter((p) => p !== manifest.meta);
    cold.push({
      q,
      ms: ms(t),
      raw: manifestBytes.length + needed.reduce((a, p) => a + byPath.get(p)!.length, 0),
      gzip: gzipSync(manifestBytes).length + needed.reduce((a, p) => a + gzip(p), 0),
    });
  }
  // warm: one searcher, every shard it needs already fetched once
  const warm = make([]);
  for (const q of QUERIES) await warm.search(q, { limit: 10 });
  const times = [];
  for (const q of QUERIES) {
    const t = performance.now();
    await warm.search(q, { limit: 10 });
    times.push(ms(t));
  }
  const typical = cold.filter((c) => !/[~*]|^the$/.test(c.q));
  console.log(
    JSON.stringify({
      papers: docs.length,
      buildMs,
      shards: manifest.shards.length,
      files: files.length,
      totalGzipKB: [...byPath.keys()].reduce((a, p) => a + gzip(p), 0) / 1024,
      coldGzipKBMedian:
        pct(
          typical.map((c) => c.gzip),
          50,
        ) / 1024,
      coldGzipKBMax: Math.max(...typical.map((c) => c.gzip)) / 1024,
      worstQuery: cold.reduce((a, b) => (b.gzip > a.gzip ? b : a)).q,
      worstGzipKB: Math.max(...cold.map((c) => c.gzip)) / 1024,
      coldP50: pct(
        cold.map((c) => c.ms),
        50,
      ),
      warmP50: pct(times, 50),
      warmP95: pct(times, 95),
      peakMB: peak(),
    }),
  );
} else if (what === "build") {
  // as the paper-digest command does before it runs
  tuneHeap();
  const t0 = performance.now();
  let err = "";
  const code = await main(["build", "--out", out!, ...(base ? ["--base", base] : [])], {
    stdout: () => {},
    stderr: (s) => void (err += s),
    cwd: arg!,
    env: {},
  });
  if (code !== 0) throw new Error(`build failed with ${code}: ${err}`);
  const pages = Number(/(\d+) pages/.exec(err)?.[1] ?? 0);
  console.log(JSON.stringify({ ms: ms(t0), pages, peakMB: peak() }));
} else if (what === "floor") {
  const t0 = performance.now();
  const pages = writeFloor(arg!, out!);
  console.log(JSON.stringify({ ms: ms(t0), pages, peakMB: peak() }));
} else if (what === "eleventy") {
  const t0 = performance.now();
  const pages = await eleventyAlone(arg!, out!);
  console.log(JSON.stringify({ ms: ms(t0), pages, peakMB: peak() }));
} else if (what === "pagefind") {
  console.log(JSON.stringify({ ...(await pagefindSite(arg!, out!)), peakMB: peak() }));
} else if (what === "browser") {
  const visits = await compare(arg!, out!);
  console.log(
    JSON.stringify({
      engines: engineRows(visits, ENGINES),
      cold: queryRows(visits, ENGINES, "cold"),
      warm: queryRows(visits, ENGINES, "warm"),
      kinds: kindRows(visits, ENGINES),
      ratios: (["cold", "warm"] as const).map((phase) => ratioLine(visits, ENGINES, phase)),
    }),
  );
}

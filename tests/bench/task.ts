// One measurement in its own process, so peak memory belongs to that measurement alone.
// Usage: tsx tests/bench/task.ts parse|search FILE  → one JSON line on stdout.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import lunr from "lunr";
import { parseFeed } from "../../src/feed/parse.ts";
import { mergeDumps } from "../../src/feed/merge.ts";
import { buildIndex, buildStore } from "../../src/search/build-index.ts";
import { Searcher } from "../../src/search/query.ts";
import { registerShared } from "../../src/search/tokenizer.ts";
import { assignTopics } from "../../src/topics/tag.ts";
import { loadContent } from "../../src/site/content.ts";
import { ROOT } from "../helpers.ts";

const [what, file] = process.argv.slice(2);
const ms = (t0: number) => performance.now() - t0;
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export const QUERIES = ["mamba", "attention", "speech", "forecasting", "quantization", "long context", "state space", "language models", "sparse attention", "time series",
  "trans*", "bench*", "atention~1", "memorization", "model", "the", "title:mamba", "+long -context", "efficient transformer", "retrieval"];

const text = readFileSync(file!, "utf8");
if (what === "parse") {
  const t0 = performance.now();
  const dump = parseFeed(text, file!);
  const merged = mergeDumps([dump]);
  const parseMs = ms(t0);
  const content = await loadContent({ root: ROOT, feeds: [] });
  const t1 = performance.now();
  assignTopics(merged.papers, content.topics);
  console.log(JSON.stringify({ papers: merged.papers.length, parseMs, tagMs: ms(t1), peakMB: peak() }));
} else if (what === "search") {
  const { papers } = mergeDumps([parseFeed(text, file!)]);
  const docs = papers.map((p) => ({ slug: p.slug, title: p.title, abstract: p.abstract, topics: [], label: "x" }));
  const t0 = performance.now();
  const index = JSON.stringify(buildIndex(docs));
  const store = JSON.stringify(buildStore(docs));
  const buildMs = ms(t0);
  registerShared(lunr);
  const t1 = performance.now();
  const searcher = new Searcher(lunr, lunr.Index.load(JSON.parse(index)), JSON.parse(store));
  const loadMs = ms(t1);
  const times = QUERIES.map((q) => {
    const t = performance.now();
    searcher.search(q);
    return ms(t);
  });
  console.log(JSON.stringify({
    papers: papers.length, buildMs, loadMs,
    rawKB: (index.length + store.length) / 1024, gzipKB: (gzipSync(index).length + gzipSync(store).length) / 1024,
    p50: pct(times, 50), p95: pct(times, 95), peakMB: peak(),
  }));
}

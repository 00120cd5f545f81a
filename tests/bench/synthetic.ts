// Deterministic synthetic dumps in the real format: a word-bigram model of the shipped dump.
import { readFileSync } from "node:fs";
import { parseFeed } from "../../src/feed/parse.ts";
import { ROOT } from "../helpers.ts";

export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Model = Map<string, string[]>;

export function model(texts: string[]): Model {
  const m: Model = new Map();
  for (const text of texts) {
    const ws = ["^", ...text.split(/\s+/), "$"];
    for (let i = 0; i + 1 < ws.length; i++)
      (m.get(ws[i]!) ?? m.set(ws[i]!, []).get(ws[i]!)!).push(ws[i + 1]!);
  }
  return m;
}

export function chain(m: Model, rand: () => number, min: number, max: number): string {
  const out: string[] = [];
  let w = "^";
  while (out.length < max) {
    const next = m.get(w);
    if (!next) break;
    w = next[Math.floor(rand() * next.length)]!;
    if (w === "$") {
      if (out.length >= min) break;
      w = "^";
      continue;
    }
    out.push(w);
  }
  return out.join(" ");
}

/** The shipped dump's papers, the text both generators learn from. */
export const shippedPapers = () =>
  parseFeed(readFileSync(`${ROOT}/content/feeds/2025-03-11-trending.txt`, "utf8"), "real.txt").entries;

export function syntheticDump(papers: number, seed = 1, label = "Mar 11"): string {
  const real = { entries: shippedPapers() };
  const titles = model(real.entries.map((e) => e.title));
  const abstracts = model(real.entries.map((e) => e.abstract));
  const rand = rng(seed);
  const parts = [
    "new",
    "Get trending papers in your email inbox!",
    "Subscribe",
    "byAK and the research community",
    label,
  ];
  for (let i = 0; i < papers; i++) {
    let title = chain(titles, rand, 4, 16).replace(/[.]$/, "");
    title = `${title} ${i + 1 + seed * 100000}`; // unique titles, as a year of real dumps would have
    let abstract = chain(abstracts, rand, 120, 260);
    if (!/[.]$/.test(abstract)) abstract += ".";
    parts.push(title, abstract);
  }
  return parts.join("\n\n") + "\n";
}

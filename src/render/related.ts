// Owns related papers: TF-IDF cosine over title + abstract, through an inverted index (no all-pairs).
import { words } from "../topics/text.ts";

const STOP = new Set(
  "a an and are as at be been but by can do does for from has have how in into is it its not of on or our over such than that the their them then there these they this to under up us use used using via was we were what when where which while who will with without".split(" "),
);

/** How many of a paper's heaviest terms take part; enough for similarity, few enough to stay linear. */
const TOP_TERMS = 40;

export interface Doc {
  id: string;
  text: string;
}

export function relatedPapers(docs: Doc[], k = 5): Map<string, string[]> {
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of words(d.text)) {
      if (w.stem.length < 3 || STOP.has(w.stem) || /^\d+$/.test(w.stem)) continue;
      tf.set(w.stem, (tf.get(w.stem) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const vectors = tfs.map((tf) => {
    const weighted = [...tf].map(([t, c]) => [t, (1 + Math.log(c)) * Math.log(1 + n / df.get(t)!)] as const);
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return top.map(([t, w]) => [t, w / norm] as const);
  });
  const postings = new Map<string, { doc: number; w: number }[]>();
  vectors.forEach((v, doc) => v.forEach(([t, w]) => (postings.get(t) ?? postings.set(t, []).get(t)!).push({ doc, w })));
  const out = new Map<string, string[]>();
  vectors.forEach((v, doc) => {
    const scores = new Map<number, number>();
    for (const [t, w] of v) for (const p of postings.get(t)!) if (p.doc !== doc) scores.set(p.doc, (scores.get(p.doc) ?? 0) + w * p.w);
    const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
    out.set(docs[doc]!.id, best.map(([i]) => docs[i]!.id));
  });
  return out;
}

// Owns related papers: TF-IDF cosine over title + abstract, through an inverted index (no all-pairs).
import { words } from "../topics/text.ts";

const STOP = new Set(
  "a an and are as at be been but by can do does for from has have how in into is it its not of on or our over such than that the their them then there these they this to under up us use used using via was we were what when where which while who will with without".split(
    " ",
  ),
);

/** How many of a paper's heaviest terms take part; enough for similarity, few enough to stay linear. */
const TOP_TERMS = 30;
/**
 * How many papers each term's list keeps, heaviest first ("champion lists"): a term shared by
 * thousands of papers says little about any pair, and capping its list keeps the work per paper
 * bounded, so the whole pass is O(n · TOP_TERMS · CHAMPIONS) instead of O(n²).
 */
const CHAMPIONS = 200;

export interface Doc {
  id: string;
  text: string;
}

export function relatedPapers(docs: Doc[], k = 5): Map<string, string[]> {
  const n = docs.length;
  const termIds = new Map<string, number>();
  const tfs = docs.map((d) => {
    const tf = new Map<number, number>();
    for (const w of words(d.text)) {
      if (w.stem.length < 3 || STOP.has(w.stem) || /^\d+$/.test(w.stem)) continue;
      let id = termIds.get(w.stem);
      if (id === undefined) termIds.set(w.stem, (id = termIds.size));
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Uint32Array(termIds.size);
  for (const tf of tfs) for (const t of tf.keys()) df[t]!++;
  const postings: { doc: number; w: number }[][] = Array.from({ length: termIds.size }, () => []);
  const vectors = tfs.map((tf, doc) => {
    const weighted = [...tf].map(([t, c]) => [t, (1 + Math.log(c)) * Math.log(1 + n / df[t]!)] as const);
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    const v = top.map(([t, w]) => [t, w / norm] as const);
    for (const [t, w] of v) postings[t]!.push({ doc, w });
    return v;
  });
  for (const list of postings)
    if (list.length > CHAMPIONS) list.sort((a, b) => b.w - a.w || a.doc - b.doc).length = CHAMPIONS;
  const docsOf = postings.map((list) => Int32Array.from(list, (p) => p.doc));
  const weightsOf = postings.map((list) => Float64Array.from(list, (p) => p.w));

  const scores = new Float64Array(n);
  const out = new Map<string, string[]>();
  vectors.forEach((v, doc) => {
    const touched: number[] = [];
    for (const [t, w] of v) {
      const ds = docsOf[t]!;
      const ws = weightsOf[t]!;
      for (let i = 0; i < ds.length; i++) {
        const other = ds[i]!;
        if (other === doc) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += w * ws[i]!;
      }
    }
    const best: number[] = [];
    for (const d of touched) {
      // keep the k best in a small sorted array: cheaper than sorting every touched paper
      if (
        best.length < k ||
        scores[d]! > scores[best.at(-1)!]! ||
        (scores[d] === scores[best.at(-1)!] && d < best.at(-1)!)
      ) {
        best.push(d);
        best.sort((a, b) => scores[b]! - scores[a]! || a - b);
        if (best.length > k) best.pop();
      }
    }
    out.set(
      docs[doc]!.id,
      best.map((i) => docs[i]!.id),
    );
    for (const d of touched) scores[d] = 0;
  });
  return out;
}

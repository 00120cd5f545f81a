// Owns the sharded index format shared by the build and the browser: the files and their shapes.
//
// lunr's own format (one JSON of every term's postings plus every document's field vectors) must
// be fetched whole before the first result; at 10,000 papers that is megabytes. This format keeps
// lunr's scoring (the same BM25 weights lunr computes, rounded as lunr rounds them) but cuts the
// sorted terms into contiguous ranges packed to a size (the shards), so a query fetches only the
// shards of its own terms, and a prefix query only those its prefix's range overlaps. A common
// prefix ("co…") spreads over several shards. Each result's text is a small file of its own.

/** Fields in index order, with lunr's boosts. */
export const FIELDS = [
  { name: "title", boost: 10 },
  { name: "abstract", boost: 1 },
  { name: "topics", boost: 3 },
  { name: "author", boost: 3 },
  { name: "id", boost: 10 },
] as const;

export interface Manifest {
  version: 1;
  /** number of documents */
  count: number;
  fields: string[];
  /** shards in term order: a term lives in the last shard whose `from` ≤ the term */
  shards: { from: string; file: string }[];
  /** every index term, sorted: fetched only for fuzzy terms and very short wildcards */
  terms: string;
  /** topic names and each document's topics as a bitmask, for facet counts */
  meta: string;
  /** folder of one file per document: `${docs}/${index}.json` */
  docs: string;
  /** words of five letters or more, commonest first, for spelling suggestions */
  vocabulary: string;
}

/**
 * One shard: for each term, one array per field it occurs in:
 * [fieldIndex, doc, weight, doc delta, weight, …], weights in thousandths.
 */
export interface Shard {
  t: Record<string, number[][]>;
}

export interface Meta {
  topics: [slug: string, name: string][];
  /** per document, bit i set when it has topic i */
  docTopics: number[];
}

export interface DocFile {
  /** slug */
  s: string;
  /** title */
  t: string;
  /** abstract */
  a: string;
  /** topic slugs */
  p: [slug: string, name: string][];
  /** label of its newest digest */
  d: string;
  /** its authors, short: "A, B, C et al." */
  b?: string;
}

/** The shard that would hold a term: the last one whose `from` is not after it. */
export function shardFor(manifest: Pick<Manifest, "shards">, term: string): number {
  let lo = 0;
  let hi = manifest.shards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (manifest.shards[mid]!.from <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shards holding every term that starts with a prefix. */
export function shardsFor(manifest: Pick<Manifest, "shards">, prefix: string): number[] {
  const first = shardFor(manifest, prefix);
  const out = [first];
  for (let i = first + 1; i < manifest.shards.length && manifest.shards[i]!.from.startsWith(prefix); i++)
    out.push(i);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function isMeta(v: unknown): v is Meta {
  return isObject(v) && Array.isArray(v.topics) && Array.isArray(v.docTopics);
}

export function isDocFile(v: unknown): v is DocFile {
  return (
    isObject(v) &&
    typeof v.s === "string" &&
    typeof v.t === "string" &&
    typeof v.a === "string" &&
    Array.isArray(v.p) &&
    v.p.every((t) => Array.isArray(t) && typeof t[0] === "string" && typeof t[1] === "string") &&
    typeof v.d === "string" &&
    (v.b === undefined || typeof v.b === "string")
  );
}

export function isManifest(v: unknown): v is Manifest {
  return (
    isObject(v) &&
    v.version === 1 &&
    Array.isArray(v.shards) &&
    Array.isArray(v.fields) &&
    typeof v.count === "number"
  );
}

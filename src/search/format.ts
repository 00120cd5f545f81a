// Owns the sharded index format shared by the build and the browser: the files and their shapes.
//
// lunr's own format (one JSON of every term's postings plus every document's field vectors) must
// be fetched whole before the first result; at 10,000 papers that is megabytes. This format keeps
// lunr's scoring (the same BM25 weights lunr computes, rounded as lunr rounds them) but cuts the
// sorted terms into contiguous ranges packed to a size (the shards), so a query fetches only the
// shards of its own terms, and a prefix query only those its prefix's range overlaps. A common
// prefix ("co…") spreads over several shards. The results' texts are packed, a fixed number of
// documents to a file in index order, so the site has one file per many papers, not per paper.

/** Fields in index order, with lunr's boosts. */
export const FIELDS = [
  { name: "title", boost: 10 },
  { name: "abstract", boost: 1 },
  { name: "topics", boost: 3 },
  { name: "author", boost: 3 },
  { name: "id", boost: 10 },
  { name: "keywords", boost: 3 },
] as const;

export interface Manifest {
  version: 1;
  /** number of documents */
  count: number;
  fields: string[];
  /** each shard's first term, in term order: a term lives in the last shard whose first term ≤ it */
  shards: string[];
  /** folder of the shards: `${shardDir}/${index}.json` */
  shardDir: string;
  /**
   * folder of every index term, sorted, in files by first letter (`${terms}/${letterFile(c)}.json`)
   * and, for terms of two characters or more, by second (`${terms}/2${letterFile(c)}.json`):
   * fetched only for fuzzy terms and one-letter wildcards (`termFiles`)
   */
  terms: string;
  /** topic names and each document's topics as a bitmask, for facet counts */
  meta: string;
  /** folder of the document packs: document i is item `i % pack` of `${docs}/${floor(i / pack)}.json` */
  docs: string;
  /** documents a pack (the last pack may hold fewer) */
  pack: number;
  /**
   * folder of the spelling suggestions' words (five letters or more, commonest first), in files by
   * first letter (`${vocabulary}/${letterFile(c)}.json`) and by second (`…/2${letterFile(c)}.json`)
   */
  vocabulary: string;
}

/**
 * Files by letter, for the term list and the spelling vocabulary: one per letter a–z, and `_` for
 * any other character (digits, accented letters, punctuation). Split so a respelling or a fuzzy
 * term fetches the words of a few letters, not all: at 74,728 real arXiv papers the whole
 * vocabulary (50,000 words) was 206 KB gzip and the term list (462,921 terms) 1,357 KB.
 */
export const LETTER_FILES = [..."abcdefghijklmnopqrstuvwxyz", "_"];

/** The file of a character (one UTF-16 unit, as lunr reads terms): itself for a–z, else `_`. */
export function letterFile(char: string): string {
  return char.length === 1 && char >= "a" && char <= "z" ? char : "_";
}

/**
 * The term list's files that hold every index term a clause's term can stand for, as lunr's
 * TokenSet expands it (characters as UTF-16 units, as lunr reads them):
 * - a wildcard whose fixed head is one character: the terms starting with it;
 * - a fuzzy term at edit distance 1, of two characters or more: a match whose edit is past the first
 *   character starts as the term does; one whose first character was deleted, or swapped with the
 *   second, starts with the term's second; one whose first character was replaced has the term's
 *   second as its second, and one with a character inserted before the term has the term's first
 *   as its second. So the files of its first two characters, by first and by second character.
 * - anything else (a longer edit distance, a leading wildcard): every term, the files by first.
 */
export function termFiles(term: string, editDistance: number): string[] {
  const star = term.indexOf("*");
  if (editDistance === 0 && star === 1) return [letterFile(term[0]!)];
  if (editDistance === 1 && star < 0 && term.length >= 2) {
    const [a, b] = [letterFile(term[0]!), letterFile(term[1]!)];
    // sorted, so two terms of the same two letters share one term set
    return [...new Set([a, b, `2${a}`, `2${b}`])].sort();
  }
  return LETTER_FILES;
}

/** One shard: for each term, one string per field it occurs in, written by `encodePostings`. */
export interface Shard {
  t: Record<string, string[]>;
}

/**
 * Postings as text, five bits per character with a sixth saying "more follows" (a varint over
 * URL-safe characters that JSON keeps as they are). At 50,000 papers the largest term's postings
 * (106,840 entries) are 681 KB as JSON numbers and 367 KB so, 156 KB and 138 KB gzipped: what
 * brought a two-word query's cold download under 300 KB.
 */
const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const CODE = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;
/** Numbers up to 2^30 - 1: six digits, integer shifts only (doc indexes and weights are far below). */
const MAX = 2 ** 30;
const ascii = new TextDecoder();

export function encodeList(numbers: ArrayLike<number>): string {
  const bytes = new Uint8Array(numbers.length * 6);
  let at = 0;
  for (let i = 0; i < numbers.length; i++) {
    const number = numbers[i]!;
    if (!Number.isInteger(number) || number < 0 || number >= MAX)
      throw new RangeError(`cannot encode ${number}`);
    let n = number;
    while (n > 31) {
      bytes[at++] = CODE[(n & 31) | 32]!;
      n >>>= 5;
    }
    bytes[at++] = CODE[n]!;
  }
  return ascii.decode(bytes.subarray(0, at));
}

/** The numbers of `encodeList`; throws on a character it cannot have written. */
export function decodeList(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let count = 0;
  let n = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i++) {
    const v = VALUE[text.charCodeAt(i) & 0xffff] ?? -1;
    if (v < 0 || shift > 25) throw new Error(`not a postings list (character ${i})`);
    n |= (v & 31) << shift;
    if (v & 32) shift += 5;
    else {
      out[count++] = n;
      n = 0;
      shift = 0;
    }
  }
  if (shift) throw new Error("not a postings list (it ends mid-number)");
  return out.subarray(0, count);
}

/** A term's postings in one field: its documents, ascending, and their weights (thousandths). */
export interface FieldPostings {
  field: number;
  docs: Int32Array;
  weights: Int32Array;
}

/**
 * A field's postings as one `encodeList` text: [field, count, k, k distinct weights, count document
 * deltas, count values]. With k > 0 the values are indexes into the k weights, commonest first;
 * with k = 0 they are the weights. A common term's weights repeat (lunr's weight depends on the
 * term's count in the field and the field's length): at 10,000 arXiv-shaped papers "long" has
 * 9,642 abstract postings and 485 distinct weights, and its postings are 17 % smaller gzipped so
 * (32.1 → 26.7 KB), the whole index 9 %. Below three postings a weight, the table costs more.
 */
export function encodePostings(field: number, docs: ArrayLike<number>, weights: ArrayLike<number>): string {
  const count = new Map<number, number>();
  for (let i = 0; i < weights.length; i++) count.set(weights[i]!, (count.get(weights[i]!) ?? 0) + 1);
  const table = count.size * 3 <= weights.length;
  const common = table ? [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([w]) => w) : [];
  const at = new Map(common.map((w, i) => [w, i]));
  const list = [field, docs.length, common.length, ...common];
  for (let i = 0; i < docs.length; i++) list.push(docs[i]! - (i ? docs[i - 1]! : 0));
  for (let i = 0; i < weights.length; i++) list.push(table ? at.get(weights[i]!)! : weights[i]!);
  return encodeList(list);
}

/** The postings of `encodePostings`; throws on a text it cannot have written. */
export function decodePostings(text: string): FieldPostings {
  const list = decodeList(text);
  const [field = -1, count = 0, k = 0] = list;
  if (count < 1 || list.length !== 3 + k + 2 * count) throw new Error("not a postings list (its length)");
  const docs = new Int32Array(count);
  const weights = new Int32Array(count);
  const values = 3 + k + count;
  let doc = 0;
  for (let i = 0; i < count; i++) {
    docs[i] = doc += list[3 + k + i]!;
    const v = list[values + i]!;
    if (k > 0 && v >= k) throw new Error("not a postings list (a weight outside its table)");
    weights[i] = k > 0 ? list[3 + v]! : v;
  }
  return { field, docs, weights };
}

export interface Meta {
  topics: [slug: string, name: string][];
  /**
   * Per document, `topicWords(topics.length)` numbers side by side, 31 topics to a number (bit
   * i % 31 of its number i / 31 set when it has topic i): one number a document up to 31 topics.
   */
  docTopics: number[];
}

/** Topics to a number of `Meta.docTopics`: a bitwise operation's 32 bits less the sign. */
export const TOPICS_PER_WORD = 31;

/** How many numbers of `Meta.docTopics` each document has. */
export function topicWords(topicCount: number): number {
  return Math.max(1, Math.ceil(topicCount / TOPICS_PER_WORD));
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
    if (manifest.shards[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shards holding every term that starts with a prefix. */
export function shardsFor(manifest: Pick<Manifest, "shards">, prefix: string): number[] {
  const first = shardFor(manifest, prefix);
  const out = [first];
  for (let i = first + 1; i < manifest.shards.length && manifest.shards[i]!.startsWith(prefix); i++)
    out.push(i);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function isMeta(v: unknown): v is Meta {
  return isObject(v) && Array.isArray(v.topics) && Array.isArray(v.docTopics);
}

function isDocFile(v: unknown): v is DocFile {
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

/** A pack of documents: every item a document. */
export function isDocPack(v: unknown): v is DocFile[] {
  return Array.isArray(v) && v.length > 0 && v.every(isDocFile);
}

export function isManifest(v: unknown): v is Manifest {
  return (
    isObject(v) &&
    v.version === 1 &&
    typeof v.docs === "string" &&
    Number.isInteger(v.pack) &&
    (v.pack as number) > 0 &&
    Array.isArray(v.shards) &&
    v.shards.every((s) => typeof s === "string") &&
    typeof v.shardDir === "string" &&
    Array.isArray(v.fields) &&
    typeof v.count === "number"
  );
}

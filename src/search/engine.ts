// Owns running lunr queries over the sharded index: lunr's clause semantics and scoring, with
// only the shards a query's terms need fetched (and cached).
import type lunrType from "lunr";
import { decodePostings, shardFor, shardsFor, termFiles, type Manifest, type Shard } from "./format.ts";
import { containsSorted } from "./sorted.ts";
import { FetchOnce } from "./fetch-once.ts";

type Lunr = typeof lunrType;
export type Clause = lunrType.Query.Clause;

export interface Match {
  doc: number;
  score: number;
  /** where to ask which index terms matched, for highlighting (only the shown hits ask) */
  sources: TermSource[];
}

export interface TermSource {
  termsOf(doc: number): string[];
}

/** The matched terms of a document, looked up in the query's posting lists only when asked. */
class MatchedTerms implements TermSource {
  constructor(private lists: { term: string; list: { docs: Int32Array } }[]) {}
  termsOf(doc: number): string[] {
    const out: string[] = [];
    for (const { term, list } of this.lists) if (containsSorted(list.docs, doc)) out.push(term);
    return out;
  }
}

/**
 * A query's matches as parallel arrays in document order: no object per match, since a common
 * word matches nearly every paper (at 50,000 papers, objects and a Map to merge them were most of
 * a slow query's time).
 */
export interface Matches {
  docs: Int32Array;
  scores: Float64Array;
  /** where to ask which index terms matched, for highlighting (only the shown hits ask) */
  sources: TermSource[];
}

export const NO_MATCHES: Matches = { docs: new Int32Array(0), scores: new Float64Array(0), sources: [] };

/** The k best matches, best first (ties to the earlier document), without sorting them all. */
export function top(m: Matches, k: number): Match[] {
  const best: number[] = [];
  const { docs, scores } = m;
  for (let j = 0; j < docs.length; j++) {
    const s = scores[j]!;
    if (best.length === k && s <= scores[best[k - 1]!]!) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && s > scores[best[i - 1]!]!) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = j;
  }
  return best.map((j) => ({ doc: docs[j]!, score: scores[j]!, sources: m.sources }));
}

/** The matches whose document passes `keep`. */
export function filterMatches(m: Matches, keep: (doc: number) => boolean): Matches {
  const at: number[] = [];
  for (let j = 0; j < m.docs.length; j++) if (keep(m.docs[j]!)) at.push(j);
  if (at.length === m.docs.length) return m;
  return {
    docs: Int32Array.from(at, (j) => m.docs[j]!),
    scores: Float64Array.from(at, (j) => m.scores[j]!),
    sources: m.sources,
  };
}

/** Both sets of matches, each document once with its better score (merged in typed arrays). */
export function unionMatches(a: Matches, b: Matches): Matches {
  if (!b.docs.length) return a;
  if (!a.docs.length) return b;
  const docs = new Int32Array(a.docs.length + b.docs.length);
  const scores = new Float64Array(docs.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const da = i < a.docs.length ? a.docs[i]! : Infinity;
    const db = j < b.docs.length ? b.docs[j]! : Infinity;
    if (da === db) {
      docs[n] = da;
      scores[n++] = Math.max(a.scores[i++]!, b.scores[j++]!);
    } else if (da < db) {
      docs[n] = da;
      scores[n++] = a.scores[i++]!;
    } else {
      docs[n] = db;
      scores[n++] = b.scores[j++]!;
    }
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), sources: [...a.sources, ...b.sources] };
}

/** Fetches a file of the index by its path relative to the manifest. */
export type Load = (path: string) => Promise<unknown>;

interface Postings {
  /** per field index: documents and weights (thousandths) */
  [field: number]: { docs: Int32Array; weights: Int32Array };
}

export class ShardedIndex {
  private shards = new FetchOnce((i: number) =>
    this.load(`${this.manifest.shardDir}/${i}.json`).then((raw) => ShardData.from(raw)),
  );
  /** the term list's files fetched so far */
  private termLists = new FetchOnce((file: string) =>
    this.load(`${this.manifest.terms}/${file}.json`).then((raw) =>
      Array.isArray(raw) ? raw.map(String) : [],
    ),
  );
  /**
   * the term sets made of them, by the files' names (`termFiles`): the last few only, as a set of
   * two letters' terms is 8–14 MB at 74,728 real papers, and made again from the lists in 0.2 s
   */
  private termSets = new FetchOnce(
    (files: string) =>
      Promise.all(files.split(" ").map((f) => this.termLists.get(f))).then((lists) =>
        this.lunr.TokenSet.fromArray([...new Set(lists.flat())].sort()),
      ),
    4,
  );
  readonly fields: string[];

  constructor(
    private lunr: Lunr,
    readonly manifest: Manifest,
    private load: Load,
    private searchPipeline: lunrType.Pipeline,
  ) {
    this.fields = manifest.fields;
  }

  private shard(i: number): Promise<ShardData> {
    return this.shards.get(i);
  }

  private async postings(term: string): Promise<Postings | undefined> {
    return (await this.shard(shardFor(this.manifest, term))).get(term);
  }

  /** The index terms a clause's term stands for: itself, or a wildcard's or fuzzy term's expansion. */
  private async expand(term: string, clause: Clause): Promise<string[]> {
    const fuzzy = (clause.editDistance ?? 0) > 0;
    if (!fuzzy && !term.includes("*")) return (await this.postings(term)) ? [term] : [];
    const pattern = this.lunr.TokenSet.fromClause({ ...clause, term });
    const head = term.slice(0, term.indexOf("*") < 0 ? term.length : term.indexOf("*"));
    if (!fuzzy && head.length >= 2) {
      // the terms with this prefix are one range of the sorted terms: read only its shards
      const shards = await Promise.all(shardsFor(this.manifest, head).map((i) => this.shard(i)));
      const set = this.lunr.TokenSet.fromArray(
        shards
          .flatMap((s) => s.terms())
          .filter((t) => t.startsWith(head))
          .sort(),
      );
      return set.intersect(pattern).toArray();
    }
    const files = termFiles(term, clause.editDistance ?? 0);
    return (await this.termSets.get(files.join(" "))).intersect(pattern).toArray();
  }

  /**
   * lunr's Index#query, clause for clause, over the shards: the same matches and the same scores
   * (a field's score is the query vector's dot product with the document's BM25 weights over the
   * query vector's magnitude), summed in typed arrays instead of per-document objects.
   */
  async query(clauses: Clause[]): Promise<Matches> {
    const { REQUIRED, PROHIBITED } = this.lunr.Query.presence;
    const count = this.manifest.count;
    const fieldIndex = new Map(this.fields.map((f, i) => [f, i]));
    const queryVectors = this.fields.map(() => new Map<string, number>());
    const lists = new Map<string, { field: number; term: string; list: Postings[number] }>();
    const required: (Uint8Array | undefined)[] = this.fields.map(() => undefined);
    const prohibited = new Uint8Array(count);

    for (const clause of clauses) {
      const fields = (clause.fields ?? this.fields)
        .map((f) => fieldIndex.get(f))
        .filter((f): f is number => f !== undefined);
      const terms = clause.usePipeline ? this.searchPipeline.runString(clause.term) : [clause.term];
      const clauseMatches = new Uint8Array(count);
      let emptied = false;
      for (const term of terms) {
        const expanded = await this.expand(term, clause);
        if (expanded.length === 0 && clause.presence === REQUIRED) {
          emptied = true;
          break;
        }
        for (const e of expanded) {
          const posting = (await this.postings(e)) ?? {};
          for (const f of fields) {
            const list = posting[f];
            if (clause.presence === PROHIBITED) {
              if (list) mark(prohibited, list.docs);
              continue;
            }
            if (clause.presence === REQUIRED && list) mark(clauseMatches, list.docs);
            queryVectors[f]!.set(e, (queryVectors[f]!.get(e) ?? 0) + (clause.boost ?? 1));
            if (list) lists.set(`${e}/${f}`, { field: f, term: e, list });
          }
        }
      }
      if (clause.presence === REQUIRED) {
        // fields share their arrays (a clause's one array, or one of no matches): each is
        // intersected once, as intersecting it again would change nothing
        const none = emptied ? new Uint8Array(count) : undefined;
        const done = new Set<Uint8Array>();
        for (const f of fields) {
          const r = required[f];
          if (none) required[f] = none;
          else if (!r) required[f] = clauseMatches;
          else if (!done.has(r)) {
            done.add(r);
            for (let d = 0; d < count; d++) r[d] = r[d]! & clauseMatches[d]!;
          }
        }
      }
    }

    const allowed = new Uint8Array(count).fill(1);
    for (const r of new Set(required))
      if (r) for (let d = 0; d < count; d++) allowed[d] = allowed[d]! & r[d]!;
    for (let d = 0; d < count; d++) if (prohibited[d]) allowed[d] = 0;
    if (clauses.length > 0 && clauses.every((c) => c.presence === PROHIBITED)) {
      const all: number[] = [];
      for (let d = 0; d < count; d++) if (allowed[d]) all.push(d);
      return { docs: Int32Array.from(all), scores: new Float64Array(all.length), sources: [] };
    }
    const magnitudes = queryVectors.map((qv) => Math.sqrt([...qv.values()].reduce((a, b) => a + b * b, 0)));
    const scores = new Float64Array(count);
    const hit = new Uint8Array(count);
    let hits = 0;
    for (const { field, term, list } of lists.values()) {
      const q = (queryVectors[field]!.get(term) ?? 0) / magnitudes[field]! || 0;
      const { docs, weights } = list;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (!allowed[d]) continue;
        if (!hit[d]) {
          hit[d] = 1;
          hits++;
        }
        scores[d]! += (q * weights[i]!) / 1000;
      }
    }
    const out: Matches = { docs: new Int32Array(hits), scores: new Float64Array(hits), sources: [] };
    for (let d = 0, j = 0; d < count; d++) {
      if (!hit[d]) continue;
      out.docs[j] = d;
      out.scores[j++] = scores[d]!;
    }
    out.sources = [new MatchedTerms([...lists.values()])];
    return out;
  }
}

/** Sets `flags[d]` for every document of a list. */
function mark(flags: Uint8Array, docs: Int32Array): void {
  for (let i = 0; i < docs.length; i++) flags[docs[i]!] = 1;
}

function isShard(raw: unknown): raw is Shard {
  return typeof raw === "object" && raw !== null && "t" in raw && typeof raw.t === "object" && raw.t !== null;
}

/**
 * One fetched shard. A term's postings are decoded into typed arrays when a query first asks for
 * that term, not all at once: a query needs a few of a shard's thousand terms, and decoding them
 * all was most of a warm query's time in the worker.
 */
class ShardData {
  private decoded = new Map<string, Postings>();
  private keys?: string[];

  constructor(private raw: Shard) {}

  static from(raw: unknown): ShardData {
    if (!isShard(raw)) throw new Error("not a search shard");
    return new ShardData(raw);
  }

  terms(): string[] {
    this.keys ??= Object.keys(this.raw.t);
    return this.keys;
  }

  get(term: string): Postings | undefined {
    let postings = this.decoded.get(term);
    if (postings) return postings;
    const lists = Object.hasOwn(this.raw.t, term) ? this.raw.t[term] : undefined;
    if (!lists) return undefined;
    postings = decodeLists(lists);
    this.decoded.set(term, postings);
    return postings;
  }
}

function decodeLists(encoded: string[]): Postings {
  const postings: Postings = {};
  for (const text of encoded) {
    const { field, docs, weights } = decodePostings(text);
    postings[field] = { docs, weights };
  }
  return postings;
}

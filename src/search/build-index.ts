// Owns building the search files' contents at build time (Node): lunr's BM25 weights per field,
// postings cut into shards, topic bitmasks, per-document texts and the spelling vocabulary.
import lunr from "lunr";
import { indexPipeline, registerShared, TOKEN, wordTokens } from "./tokenizer.ts";
import {
  encodePostings,
  FIELDS,
  TOPICS_PER_WORD,
  topicWords,
  type DocFile,
  type Meta,
  type Shard,
} from "./format.ts";

export interface SearchDoc {
  slug: string;
  title: string;
  /** the title as results show it (math written out as text) */
  shownTitle: string;
  /** the abstract as indexed (the feed's text) */
  abstract: string;
  /** the abstract as results show it (math written out as text) */
  snippetText: string;
  topics: { slug: string; name: string }[];
  /** Hugging Face's AI keywords: searched (field `keywords`), never shown */
  keywords: string[];
  authors: string[];
  /** arXiv id, without version */
  arxivId?: string | undefined;
  /** the authors as a result shows them: "A, B and C", "A, B, C et al." */
  byline: string;
  label: string;
}

/** lunr's BM25 parameters. */
const K1 = 1.2;
const B = 0.75;
/**
 * A shard's target size in bytes of JSON (a term larger than that is a shard alone). A query
 * fetches its terms' whole shards, so smaller shards waste fewer bytes on neighbouring terms, and
 * cost a longer manifest. At 50,000 papers, 96 KB shards took the worst two-word query's cold
 * download to 324 KB gzip, 48 KB to 283 KB (681 shards, a 2.6 KB manifest); 32 KB saved no more.
 */
const SHARD_BYTES = 48 * 1024;
/**
 * A term with more postings than this has a shard of its own, so a rare word's query does not
 * fetch a common neighbour's postings with it. At 10,000 arXiv-shaped papers (documents in packs of
 * 16, postings with weight tables) a first query's median fell from 140 to 115 KB gzip, for 0.05
 * more files a paper (a quarter of SHARD_BYTES: 125 KB and 0.01 more).
 */
const ALONE_BYTES = SHARD_BYTES / 8;

export interface BuiltIndex {
  shards: { from: string; data: Shard }[];
  terms: string[];
  meta: Meta;
  docs: DocFile[];
}

/** One term's postings: per field it occurs in, [fieldIndex, doc, weight, doc delta, weight, …]. */
type Postings = Map<string, number[][]>;

/** The text of one field of a document, as lunr would be handed it. */
export function fieldText(doc: SearchDoc, field: (typeof FIELDS)[number]["name"]): string {
  switch (field) {
    case "title":
      return doc.title;
    case "abstract":
      return doc.abstract;
    case "topics":
      return doc.topics.map((t) => t.name).join(" ");
    case "author":
      return doc.authors.join(" ");
    case "id":
      return doc.arxivId ?? "";
    case "keywords":
      return doc.keywords.join(" ");
  }
}

/**
 * Per field, per document: its terms as ids, in text order. The same terms lunr's tokenizer and
 * pipeline make, computed once per distinct word: the pipeline maps one token to one term or none,
 * and a word's tokens depend on the word alone. (Making a lunr.Token with its metadata for every
 * word of 10,000 abstracts cost 2.4 s of the index's 10 s on the worker thread.) Ids in typed
 * arrays, not a Map of counts per field per document: at 50,000 papers those 250,000 Maps were
 * most of the index thread's memory.
 */
function fieldTerms(docs: SearchDoc[]) {
  registerShared(lunr);
  const pipeline = indexPipeline(lunr);
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idsOfWord = new Map<string, number[]>();
  const idsOf = (word: string) => {
    let found = idsOfWord.get(word);
    if (!found) {
      found = [];
      for (const token of wordTokens(word)) {
        const term = pipeline.run([new lunr.Token(token, {})])[0]?.toString();
        if (term === undefined) continue;
        let id = ids.get(term);
        if (id === undefined) ids.set(term, (id = names.push(term) - 1));
        found.push(id);
      }
      idsOfWord.set(word, found);
    }
    return found;
  };
  const text: number[] = [];
  const fields = FIELDS.map((field) =>
    docs.map((doc) => {
      text.length = 0;
      for (const m of fieldText(doc, field.name).matchAll(TOKEN)) text.push(...idsOf(m[0]));
      return Int32Array.from(text);
    }),
  );
  return { names, fields };
}

/** Weights exactly as lunr's Builder computes them (its idf counts a document once per field). */
export function weigh(docs: SearchDoc[]): Postings {
  const { names, fields } = fieldTerms(docs);
  const df = new Int32Array(names.length);
  const seen = new Int32Array(names.length).fill(-1);
  let stamp = 0;
  for (const texts of fields)
    for (const terms of texts) {
      for (const t of terms)
        if (seen[t] !== stamp) {
          seen[t] = stamp;
          df[t]!++;
        }
      stamp++;
    }
  const n = docs.length;
  const idf = Float64Array.from(df, (d) => Math.log(1 + Math.abs((n - d + 0.5) / (d + 0.5))));
  const lists: number[][][] = names.map(() => []);
  const counts = new Int32Array(names.length);
  fields.forEach((texts, f) => {
    const avg = texts.reduce((a, t) => a + t.length, 0) / Math.max(1, texts.length);
    const last = new Int32Array(names.length);
    texts.forEach((terms, doc) => {
      const norm = K1 * (1 - B + B * (terms.length / avg));
      const distinct: number[] = [];
      for (const t of terms) if (counts[t]!++ === 0) distinct.push(t);
      for (const t of distinct) {
        const count = counts[t]!;
        counts[t] = 0;
        const score = ((idf[t]! * ((K1 + 1) * count)) / (norm + count)) * FIELDS[f]!.boost;
        // lunr rounds each weight to thousandths; they are stored as integers
        const weight = Math.round(score * 1000);
        const own = lists[t]!;
        let list = own.at(-1);
        if (list?.[0] !== f) own.push((list = [f]));
        list.push(doc - last[t]!, weight);
        last[t] = doc;
      }
    });
  });
  return new Map(names.map((name, t) => [name, lists[t]!]));
}

/** One field's postings [fieldIndex, doc, weight, doc delta, weight, …] as shard text. */
function asText([field, ...pairs]: number[]): string {
  const docs: number[] = [];
  const weights: number[] = [];
  for (let i = 0, doc = 0; i < pairs.length; i += 2) {
    docs.push((doc += pairs[i]!));
    weights.push(pairs[i + 1]!);
  }
  return encodePostings(field!, docs, weights);
}

/** The sorted terms cut into contiguous ranges of about SHARD_BYTES each, large terms alone. */
export function shard(postings: Postings, terms: string[]): BuiltIndex["shards"] {
  const shards: BuiltIndex["shards"] = [];
  let current: { from: string; data: Shard } | undefined;
  let size = 0;
  for (const term of terms) {
    const entry = postings.get(term)!;
    const lists = entry.map(asText);
    const bytes = term.length + 8 + lists.reduce((a, l) => a + l.length + 3, 0);
    const alone = bytes > ALONE_BYTES;
    // a term alone starts a shard and fills it; so does a term that would overfill the current one
    if (!current || alone || size + bytes > SHARD_BYTES) {
      current = { from: term, data: { t: {} } };
      shards.push(current);
      size = 0;
    }
    current.data.t[term] = lists;
    size += alone ? Infinity : bytes;
  }
  if (shards[0]) shards[0].from = "";
  return shards;
}

/** Topic names and, per document, a bitmask of its topics: facet counts without the documents. */
export function topicMasks(docs: SearchDoc[]): Meta {
  const topics = [...new Map(docs.flatMap((d) => d.topics.map((t) => [t.slug, t.name] as const))).entries()];
  const bit = new Map(topics.map(([slug], i) => [slug, i]));
  const words = topicWords(topics.length);
  const docTopics = new Array<number>(docs.length * words).fill(0);
  docs.forEach((d, doc) => {
    for (const t of d.topics) {
      const i = bit.get(t.slug)!;
      docTopics[doc * words + Math.floor(i / TOPICS_PER_WORD)]! |= 1 << (i % TOPICS_PER_WORD);
    }
  });
  return { topics, docTopics };
}

export function buildIndex(docs: SearchDoc[]): BuiltIndex {
  const postings = weigh(docs);
  const terms = [...postings.keys()].sort();
  return {
    shards: shard(postings, terms),
    terms,
    meta: topicMasks(docs),
    docs: docs.map((d) => ({
      s: d.slug,
      t: d.shownTitle,
      a: d.snippetText,
      p: d.topics.map((t): [string, string] => [t.slug, t.name]),
      d: d.label,
      ...(d.byline ? { b: d.byline } : {}),
    })),
  };
}

/** Distinct words of five letters or more, commonest first: the spelling suggestions' source. */
export function buildVocabulary(docs: SearchDoc[], max = 50_000): string[] {
  const counts = new Map<string, number>();
  for (const d of docs) {
    for (const w of `${d.title} ${d.abstract}`.toLowerCase().match(/\p{L}{5,}/gu) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([w]) => w);
}

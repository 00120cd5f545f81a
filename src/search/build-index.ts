// Owns building the search files' contents at build time (Node): lunr's BM25 weights per field,
// postings cut into shards, topic bitmasks, per-document texts and the spelling vocabulary.
import lunr from "lunr";
import { indexPipeline, registerShared, WORD, wordTokens } from "./tokenizer.ts";
import { encodeList, FIELDS, type DocFile, type Meta, type Shard } from "./format.ts";

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
  }
}

/**
 * Per field, per document: each term's count, and the field's length in terms. The same terms
 * lunr's tokenizer and pipeline make, computed once per distinct word: the pipeline maps one token
 * to one term or none, and a word's tokens depend on the word alone. (Making a lunr.Token with its
 * metadata for every word of 10,000 abstracts cost 2.4 s of the index's 10 s on the worker thread.)
 */
function termCounts(docs: SearchDoc[]) {
  registerShared(lunr);
  const pipeline = indexPipeline(lunr);
  const termsOfWord = new Map<string, string[]>();
  const termsOf = (word: string) => {
    let terms = termsOfWord.get(word);
    if (!terms) {
      terms = [];
      for (const token of wordTokens(word)) {
        const term = pipeline.run([new lunr.Token(token, {})])[0]?.toString();
        if (term !== undefined) terms.push(term);
      }
      termsOfWord.set(word, terms);
    }
    return terms;
  };
  return FIELDS.map((field) => {
    const tfs: Map<string, number>[] = [];
    const lengths: number[] = [];
    for (const doc of docs) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const m of fieldText(doc, field.name).matchAll(WORD)) {
        for (const t of termsOf(m[0])) {
          tf.set(t, (tf.get(t) ?? 0) + 1);
          length++;
        }
      }
      tfs.push(tf);
      lengths.push(length);
    }
    return { tfs, lengths };
  });
}

/** Weights exactly as lunr's Builder computes them (its idf counts a document once per field). */
export function weigh(docs: SearchDoc[]): Postings {
  const fields = termCounts(docs);
  const df = new Map<string, number>();
  for (const { tfs } of fields)
    for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + Math.abs((n - d + 0.5) / (d + 0.5)))]));
  const postings: Postings = new Map();
  fields.forEach(({ tfs, lengths }, f) => {
    const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    const last = new Map<string, number>();
    tfs.forEach((tf, doc) => {
      const norm = K1 * (1 - B + B * (lengths[doc]! / avg));
      for (const [term, count] of tf) {
        const score = ((idf.get(term)! * ((K1 + 1) * count)) / (norm + count)) * FIELDS[f]!.boost;
        // lunr rounds each weight to thousandths; they are stored as integers
        const weight = Math.round(score * 1000);
        const lists = postings.get(term) ?? postings.set(term, []).get(term)!;
        let list = lists.find((l) => l[0] === f);
        if (!list) lists.push((list = [f]));
        list.push(doc - (last.get(term) ?? 0), weight);
        last.set(term, doc);
      }
    });
  });
  return postings;
}

/** The sorted terms cut into contiguous ranges of about SHARD_BYTES each. */
export function shard(postings: Postings, terms: string[]): BuiltIndex["shards"] {
  const shards: BuiltIndex["shards"] = [];
  let current: { from: string; data: Shard } | undefined;
  let size = 0;
  for (const term of terms) {
    const entry = postings.get(term)!;
    const lists = entry.map(encodeList);
    const bytes = term.length + 8 + lists.reduce((a, l) => a + l.length + 3, 0);
    if (!current || size + bytes > SHARD_BYTES) {
      current = { from: term, data: { t: {} } };
      shards.push(current);
      size = 0;
    }
    current.data.t[term] = lists;
    size += bytes;
  }
  if (shards[0]) shards[0].from = "";
  return shards;
}

/** Topic names and, per document, a bitmask of its topics: facet counts without the documents. */
export function topicMasks(docs: SearchDoc[]): Meta {
  const topics = [...new Map(docs.flatMap((d) => d.topics.map((t) => [t.slug, t.name] as const))).entries()];
  const bit = new Map(topics.map(([slug], i) => [slug, i]));
  return { topics, docTopics: docs.map((d) => d.topics.reduce((m, t) => m | (1 << bit.get(t.slug)!), 0)) };
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

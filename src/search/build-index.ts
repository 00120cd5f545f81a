// Owns building the search files' contents at build time (Node): lunr's BM25 weights per field,
// postings cut into shards, topic bitmasks, per-document texts and the spelling vocabulary.
import lunr from "lunr";
import { IntList } from "../common/int-list.ts";
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
  /**
   * the title as results show it (math written out as text), when it is not `title`: the documents
   * are copied to the index's thread, and a copy of each abstract twice was 140 MB at 100,000 papers
   */
  shownTitle?: string | undefined;
  /** the abstract as indexed (the feed's text) */
  abstract: string;
  /** the abstract as results show it (math written out as text), when it is not `abstract` */
  snippetText?: string | undefined;
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
  /** the documents' results in packs, as JSON texts */
  packs: string[];
  /** how many documents */
  count: number;
  /** words of five letters or more, commonest first */
  vocabulary: string[];
}

/**
 * Every term's postings, per field, end to end: term `t`'s postings in field `f` are
 * `fields[f].docs` and `.weights` from `fields[f].start[t]` up to `fields[f].start[t + 1]`, its
 * documents ascending. Typed arrays, not an array per term and field: at 100,000 arXiv-shaped
 * papers (16.2 million postings) those arrays held 380 MB and peaked at 900 MB more of the index
 * thread's memory; so, 130 MB.
 */
export interface Postings {
  /** term names by id */
  names: string[];
  fields: { start: Int32Array; docs: Int32Array; weights: Int32Array }[];
}

/** One field's terms as ids, every document's end to end: document `d`'s are from `starts[d]` to `starts[d + 1]`. */
interface FieldText {
  terms: Int32Array;
  starts: Int32Array;
}

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
 * Per field, per document: its terms as ids, in text order, added a document at a time. The same
 * terms lunr's tokenizer and pipeline make, computed once per distinct word: the pipeline maps one
 * token to one term or none, and a word's tokens depend on the word alone. (Making a lunr.Token
 * with its metadata for every word of 10,000 abstracts cost 2.4 s of the index's 10 s on the
 * worker thread.)
 */
class FieldTerms {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly idsOfWord = new Map<string, number[]>();
  private readonly pipeline: lunr.Pipeline;
  private readonly texts = FIELDS.map(() => ({ terms: new IntList(), starts: new IntList() }));

  constructor() {
    registerShared(lunr);
    this.pipeline = indexPipeline(lunr);
    for (const text of this.texts) text.starts.push(0);
  }

  add(doc: SearchDoc): void {
    FIELDS.forEach((field, f) => {
      const { terms, starts } = this.texts[f]!;
      for (const m of fieldText(doc, field.name).matchAll(TOKEN))
        for (const id of this.idsOf(m[0])) terms.push(id);
      starts.push(terms.length);
    });
  }

  fields(): FieldText[] {
    return this.texts.map(({ terms, starts }) => ({ terms: terms.done(), starts: starts.done() }));
  }

  private idsOf(word: string): number[] {
    let found = this.idsOfWord.get(word);
    if (!found) {
      found = [];
      for (const token of wordTokens(word)) {
        const term = this.pipeline.run([new lunr.Token(token, {})])[0]?.toString();
        if (term === undefined) continue;
        let id = this.ids.get(term);
        if (id === undefined) this.ids.set(term, (id = this.names.push(term) - 1));
        found.push(id);
      }
      this.idsOfWord.set(word, found);
    }
    return found;
  }
}

/** How many fields of how many documents hold each term: lunr's idf counts a document once per field. */
function documentFrequencies(fields: FieldText[], termCount: number): Int32Array {
  const df = new Int32Array(termCount);
  const seen = new Int32Array(termCount).fill(-1);
  let stamp = 0;
  for (const { terms, starts } of fields)
    for (let d = 0; d + 1 < starts.length; d++, stamp++)
      for (let i = starts[d]!; i < starts[d + 1]!; i++) {
        const t = terms[i]!;
        if (seen[t] !== stamp) {
          seen[t] = stamp;
          df[t]!++;
        }
      }
  return df;
}

/**
 * One field's postings: a first pass counts each term's documents, a second writes each document's
 * distinct terms with their weights, exactly as lunr's Builder computes them.
 */
function fieldPostings(
  { terms, starts }: FieldText,
  idf: Float64Array,
  boost: number,
): Postings["fields"][number] {
  const termCount = idf.length;
  const docCount = starts.length - 1;
  const count = new Int32Array(termCount);
  const distinct = new Int32Array(termCount);
  // each document's distinct terms, in the order they first occur, with their counts in `count`
  const eachDoc = (d: number, visit: (t: number, n: number) => void) => {
    let k = 0;
    for (let i = starts[d]!; i < starts[d + 1]!; i++)
      if (count[terms[i]!]!++ === 0) distinct[k++] = terms[i]!;
    for (let j = 0; j < k; j++) {
      const t = distinct[j]!;
      visit(t, count[t]!);
      count[t] = 0;
    }
  };
  const start = new Int32Array(termCount + 1);
  for (let d = 0; d < docCount; d++) eachDoc(d, (t) => start[t + 1]!++);
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
  const docs = new Int32Array(start[termCount]!);
  const weights = new Int32Array(start[termCount]!);
  const next = start.slice(0, termCount);
  const avg = terms.length / Math.max(1, docCount);
  for (let d = 0; d < docCount; d++) {
    const norm = K1 * (1 - B + B * ((starts[d + 1]! - starts[d]!) / avg));
    eachDoc(d, (t, n) => {
      const score = ((idf[t]! * ((K1 + 1) * n)) / (norm + n)) * boost;
      const at = next[t]!++;
      docs[at] = d;
      // lunr rounds each weight to thousandths; they are stored as integers
      weights[at] = Math.round(score * 1000);
    });
  }
  return { start, docs, weights };
}

/** Weights exactly as lunr's Builder computes them. */
function weigh(names: string[], fields: FieldText[]): Postings {
  const df = documentFrequencies(fields, names.length);
  const n = fields[0]!.starts.length - 1;
  const idf = Float64Array.from(df, (d) => Math.log(1 + Math.abs((n - d + 0.5) / (d + 0.5))));
  return { names, fields: fields.map((text, f) => fieldPostings(text, idf, FIELDS[f]!.boost)) };
}

/** A term's postings as shard text: one string per field it occurs in. */
function postingsText({ fields }: Postings, t: number): string[] {
  const lists: string[] = [];
  fields.forEach(({ start, docs, weights }, f) => {
    const [from, to] = [start[t]!, start[t + 1]!];
    if (to > from) lists.push(encodePostings(f, docs.subarray(from, to), weights.subarray(from, to)));
  });
  return lists;
}

/** The terms, sorted, cut into contiguous ranges of about SHARD_BYTES each, large terms alone. */
export function shard(postings: Postings): { shards: BuiltIndex["shards"]; terms: string[] } {
  const ids = postings.names
    .map((_, t) => t)
    .sort((a, b) => (postings.names[a]! < postings.names[b]! ? -1 : 1));
  const shards: BuiltIndex["shards"] = [];
  let current: { from: string; data: Shard } | undefined;
  let size = 0;
  for (const t of ids) {
    const term = postings.names[t]!;
    const lists = postingsText(postings, t);
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
  return { shards, terms: ids.map((t) => postings.names[t]!) };
}

/** Topic names, by first appearance, and per document a bitmask of its topics: facet counts without the documents. */
class TopicMasks {
  private readonly bits = new Map<string, { bit: number; name: string }>();
  private readonly docBits = new IntList();
  private readonly starts = new IntList();

  constructor() {
    this.starts.push(0);
  }

  add(doc: SearchDoc): void {
    for (const t of doc.topics) {
      let found = this.bits.get(t.slug);
      if (!found) this.bits.set(t.slug, (found = { bit: this.bits.size, name: t.name }));
      found.name = t.name; // the last name given, as a Map made of every (slug, name) would have
      this.docBits.push(found.bit);
    }
    this.starts.push(this.docBits.length);
  }

  meta(): Meta {
    const topics = [...this.bits].map(([slug, { name }]): [string, string] => [slug, name]);
    const words = topicWords(topics.length);
    const [bits, starts] = [this.docBits.done(), this.starts.done()];
    const docTopics = new Array<number>((starts.length - 1) * words).fill(0);
    for (let doc = 0; doc + 1 < starts.length; doc++)
      for (let i = starts[doc]!; i < starts[doc + 1]!; i++)
        docTopics[doc * words + Math.floor(bits[i]! / TOPICS_PER_WORD)]! |= 1 << (bits[i]! % TOPICS_PER_WORD);
    return { topics, docTopics };
  }
}

/** Topic names and, per document, a bitmask of its topics. */
export function topicMasks(docs: SearchDoc[]): Meta {
  const masks = new TopicMasks();
  for (const doc of docs) masks.add(doc);
  return masks.meta();
}

/** Distinct words of five letters or more, commonest first: the spelling suggestions' source. */
class Vocabulary {
  private readonly counts = new Map<string, number>();

  add(doc: SearchDoc): void {
    for (const w of `${doc.title} ${doc.abstract}`.toLowerCase().match(/\p{L}{5,}/gu) ?? [])
      this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
  }

  words(max: number): string[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, max)
      .map(([w]) => w);
  }
}

/** Words the spelling suggestions offer at most. */
const VOCABULARY = 50_000;

/**
 * Builds an index a document at a time (lunr's builder and index apart): each document is read
 * once, and what is kept of it is its terms as ids and its result's text, packed as JSON. So the
 * index's thread can read documents one by one from what the build hands it and hold none of them
 * whole: at 100,000 arXiv-shaped papers the documents as objects were 480 MB of the thread's heap.
 */
export class IndexBuilder {
  private readonly terms = new FieldTerms();
  private readonly topics = new TopicMasks();
  private readonly vocabulary = new Vocabulary();
  /** the document packs, as JSON texts */
  private readonly packs: string[] = [];
  private pack: DocFile[] = [];
  private count = 0;

  /** `packSize` documents a pack */
  constructor(private readonly packSize: number) {}

  add(doc: SearchDoc): void {
    this.count++;
    this.terms.add(doc);
    this.topics.add(doc);
    this.vocabulary.add(doc);
    this.pack.push(resultOf(doc));
    if (this.pack.length === this.packSize) this.closePack();
  }

  build(): BuiltIndex {
    this.closePack();
    const { shards, terms } = shard(weigh(this.terms.names, this.terms.fields()));
    return {
      shards,
      terms,
      meta: this.topics.meta(),
      packs: this.packs,
      count: this.count,
      vocabulary: this.vocabulary.words(VOCABULARY),
    };
  }

  private closePack(): void {
    if (this.pack.length) this.packs.push(JSON.stringify(this.pack));
    this.pack = [];
  }
}

/** What a result shows of a document. */
function resultOf(d: SearchDoc): DocFile {
  return {
    s: d.slug,
    t: d.shownTitle ?? d.title,
    a: d.snippetText ?? d.abstract,
    p: d.topics.map((t): [string, string] => [t.slug, t.name]),
    d: d.label,
    ...(d.byline ? { b: d.byline } : {}),
  };
}

export function buildIndex(docs: Iterable<SearchDoc>, packSize: number): BuiltIndex {
  const builder = new IndexBuilder(packSize);
  for (const doc of docs) builder.add(doc);
  return builder.build();
}

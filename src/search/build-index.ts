// Owns building the search files' contents at build time (Node), a document at a time: postings
// (weighed in weights.ts) cut into shards, topic bitmasks, the documents' results in packs and the
// spelling vocabulary.
import { IntRows } from "../common/int-list.ts";
import { FieldTerms, weigh, type IndexedText, type Postings } from "./weights.ts";
import {
  encodePostings,
  TOPICS_PER_WORD,
  topicWords,
  type DocFile,
  type Meta,
  type Shard,
} from "./format.ts";

export interface SearchDoc extends IndexedText {
  slug: string;
  /**
   * the title as results show it (math written out as text), when it is not `title`: the documents
   * are handed to the index's thread, and each abstract twice was 140 MB more at 100,000 papers
   */
  shownTitle?: string | undefined;
  /** the abstract as results show it (math written out as text), when it is not `abstract` */
  snippetText?: string | undefined;
  topics: { slug: string; name: string }[];
  /** the authors as a result shows them: "A, B and C", "A, B, C et al." */
  byline: string;
  label: string;
}

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
  /** the documents' results in packs, as JSON in UTF-8 */
  packs: Uint8Array[];
  /** how many documents */
  count: number;
  /** words of five letters or more, commonest first */
  vocabulary: string[];
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
  private readonly docBits = new IntRows();

  add(doc: SearchDoc): void {
    for (const t of doc.topics) {
      let found = this.bits.get(t.slug);
      if (!found) this.bits.set(t.slug, (found = { bit: this.bits.size, name: t.name }));
      found.name = t.name; // the last name given, as a Map made of every (slug, name) would have
      this.docBits.push(found.bit);
    }
    this.docBits.endRow();
  }

  meta(): Meta {
    const topics = [...this.bits].map(([slug, { name }]): [string, string] => [slug, name]);
    const words = topicWords(topics.length);
    const { values: bits, starts } = this.docBits.done();
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

const utf8 = new TextEncoder();

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
  /**
   * the document packs, as JSON in UTF-8: as strings, two packs in three held a character beyond
   * Latin-1 and so took two bytes a character, 312 MB of the thread's heap at 100,000 papers
   * against 186 MB of bytes outside it
   */
  private readonly packs: Uint8Array[] = [];
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
    if (this.pack.length) this.packs.push(utf8.encode(JSON.stringify(this.pack)));
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

// Owns lunr's BM25 weights at build time: each field's text turned into terms as lunr's tokenizer
// and pipeline make them, counted, and weighed exactly as lunr's Builder weighs them, into
// postings held in typed arrays.
import lunr from "lunr";
import { IntRows, type Rows } from "../common/int-list.ts";
import { indexPipeline, registerShared, TOKEN, wordTokens } from "./tokenizer.ts";
import { FIELDS } from "./format.ts";

/** What lunr indexes of a document, field by field (`FIELDS`). */
export interface IndexedText {
  /** the title as indexed */
  title: string;
  /** the abstract as indexed (the feed's text) */
  abstract: string;
  topics: { name: string }[];
  /** Hugging Face's AI keywords: searched (field `keywords`), never shown */
  keywords: string[];
  authors: string[];
  /** arXiv id, without version */
  arxivId?: string | undefined;
}

/** lunr's BM25 parameters. */
const K1 = 1.2;
const B = 0.75;

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

/** The text of one field of a document, as lunr would be handed it. */
export function fieldText(doc: IndexedText, field: (typeof FIELDS)[number]["name"]): string {
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
export class FieldTerms {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly idsOfWord = new Map<string, number[]>();
  private readonly pipeline: lunr.Pipeline;
  private readonly texts = FIELDS.map(() => new IntRows());

  constructor() {
    registerShared(lunr);
    this.pipeline = indexPipeline(lunr);
  }

  add(doc: IndexedText): void {
    FIELDS.forEach((field, f) => {
      const text = this.texts[f]!;
      for (const m of fieldText(doc, field.name).matchAll(TOKEN))
        for (const id of this.idsOf(m[0])) text.push(id);
      text.endRow();
    });
  }

  /** Per field, every document's terms (`Rows`: a row a document); the words are let go. */
  fields(): Rows[] {
    this.idsOfWord.clear();
    return this.texts.map((text) => text.done());
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
function documentFrequencies(fields: Rows[], termCount: number): Int32Array {
  const df = new Int32Array(termCount);
  const seen = new Int32Array(termCount).fill(-1);
  let stamp = 0;
  for (const { values: terms, starts } of fields)
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
  { values: terms, starts }: Rows,
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
export function weigh(names: string[], fields: Rows[]): Postings {
  const df = documentFrequencies(fields, names.length);
  const n = fields[0]!.starts.length - 1;
  const idf = Float64Array.from(df, (d) => Math.log(1 + Math.abs((n - d + 0.5) / (d + 0.5))));
  return { names, fields: fields.map((text, f) => fieldPostings(text, idf, FIELDS[f]!.boost)) };
}

// Owns building the search files at build time (Node): sharded postings with lunr's BM25
// weights, per-document text files, topic bitmasks, the term list and the spelling vocabulary.
import lunr from "lunr";
import { makeTokenizer, indexPipeline, registerShared } from "./tokenizer.ts";
import { FIELDS, type DocFile, type Meta, type Shard } from "./format.ts";

export interface SearchDoc {
  slug: string;
  title: string;
  abstract: string;
  topics: { slug: string; name: string }[];
  label: string;
}

/** lunr's BM25 parameters. */
const K1 = 1.2;
const B = 0.75;
/** A shard's target size in bytes of JSON: small enough to fetch fast, few enough to stay cacheable. */
const SHARD_BYTES = 96 * 1024;

export interface BuiltIndex {
  shards: { from: string; data: Shard }[];
  terms: string[];
  meta: Meta;
  docs: DocFile[];
}

function fieldText(doc: SearchDoc, field: (typeof FIELDS)[number]["name"]): string {
  return field === "title"
    ? doc.title
    : field === "abstract"
      ? doc.abstract
      : doc.topics.map((t) => t.name).join(" ");
}

/** Weights exactly as lunr's Builder computes them (its idf counts a document once per field). */
export function buildIndex(docs: SearchDoc[]): BuiltIndex {
  registerShared(lunr);
  const tokenizer = makeTokenizer(lunr);
  const pipeline = indexPipeline(lunr);
  // per field: per doc the term frequencies and the field length
  const tfs = FIELDS.map(() => [] as Map<string, number>[]);
  const lengths = FIELDS.map(() => [] as number[]);
  const df = new Map<string, number>();
  // the pipeline maps one word to one term or none, so each distinct word is run through it once
  const termOf = new Map<string, string | undefined>();
  const run = (token: lunr.Token) => {
    const word = token.toString();
    if (!termOf.has(word)) termOf.set(word, pipeline.run([token])[0]?.toString());
    return termOf.get(word);
  };
  docs.forEach((doc) => {
    FIELDS.forEach((field, f) => {
      const terms = tokenizer(fieldText(doc, field.name))
        .map(run)
        .filter((t): t is string => t !== undefined);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
      tfs[f]!.push(tf);
      lengths[f]!.push(terms.length);
    });
  });
  const n = docs.length;
  const avg = lengths.map((ls) => ls.reduce((a, b) => a + b, 0) / Math.max(1, ls.length));
  const idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + Math.abs((n - d + 0.5) / (d + 0.5)))]));
  const postings = new Map<string, number[][]>();
  FIELDS.forEach((field, f) => {
    const last = new Map<string, number>();
    tfs[f]!.forEach((tf, doc) => {
      const norm = K1 * (1 - B + B * (lengths[f]![doc]! / avg[f]!));
      for (const [term, count] of tf) {
        const score = ((idf.get(term)! * ((K1 + 1) * count)) / (norm + count)) * field.boost;
        const weight = Math.round(score * 1000);
        const lists = postings.get(term) ?? postings.set(term, []).get(term)!;
        let list = lists.find((l) => l[0] === f);
        if (!list) lists.push((list = [f]));
        list.push(doc - (last.get(term) ?? 0), weight);
        last.set(term, doc);
      }
    });
  });
  const terms = [...postings.keys()].sort();
  const shards: BuiltIndex["shards"] = [];
  let current: { from: string; data: Shard } | undefined;
  let size = 0;
  for (const term of terms) {
    const entry = postings.get(term)!;
    const bytes = term.length + 8 + entry.reduce((a, l) => a + l.length * 4, 0);
    if (!current || size + bytes > SHARD_BYTES) {
      current = { from: term, data: { t: {} } };
      shards.push(current);
      size = 0;
    }
    current.data.t[term] = entry;
    size += bytes;
  }
  if (shards[0]) shards[0].from = "";
  const topicList = [
    ...new Map(docs.flatMap((d) => d.topics.map((t) => [t.slug, t.name] as const))).entries(),
  ];
  const bit = new Map(topicList.map(([slug], i) => [slug, i]));
  return {
    shards,
    terms,
    meta: {
      topics: topicList,
      docTopics: docs.map((d) => d.topics.reduce((m, t) => m | (1 << bit.get(t.slug)!), 0)),
    },
    docs: docs.map((d) => ({
      s: d.slug,
      t: d.title,
      a: d.abstract,
      p: d.topics.map((t) => t.slug),
      d: d.label,
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

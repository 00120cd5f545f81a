// Owns building the search index and document store at build time (Node only).
import lunr from "lunr";
import { indexPipeline, makeTokenizer, numberNormalizer, registerShared } from "./tokenizer.ts";
import type { Store } from "./store.ts";

export interface SearchDoc {
  slug: string;
  title: string;
  abstract: string;
  topics: { slug: string; name: string }[];
  label: string;
}

export function buildIndex(docs: SearchDoc[]): lunr.Index {
  registerShared(lunr);
  return lunr(function () {
    this.tokenizer = makeTokenizer(lunr);
    this.pipeline = indexPipeline(lunr);
    this.searchPipeline.reset();
    this.searchPipeline.add(numberNormalizer, lunr.stemmer);
    this.ref("slug");
    this.field("title", { boost: 10 });
    this.field("abstract");
    this.field("topics", { boost: 3 });
    for (const d of docs) this.add({ slug: d.slug, title: d.title, abstract: d.abstract, topics: d.topics.map((t) => t.name).join(" ") });
  });
}

export function buildStore(docs: SearchDoc[]): Store {
  const topics: Record<string, string> = {};
  for (const d of docs) for (const t of d.topics) topics[t.slug] = t.name;
  return { topics, docs: docs.map((d) => ({ s: d.slug, t: d.title, a: d.abstract, p: d.topics.map((t) => t.slug), d: d.label })) };
}

/** Distinct words of five letters or more, commonest first: the spelling suggestions' source. */
export function buildVocabulary(docs: SearchDoc[]): string[] {
  const counts = new Map<string, number>();
  for (const d of docs) {
    for (const w of `${d.title} ${d.abstract}`.toLowerCase().match(/\p{L}{5,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}


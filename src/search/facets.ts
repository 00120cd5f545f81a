// Owns topic facets: counts per topic over all matches, and the filter to one topic, from one
// bitmask per document (no document needs fetching for either).
import { TOPICS_PER_WORD, topicWords, type Meta } from "./format.ts";

export interface Facet {
  slug: string;
  name: string;
  count: number;
}

/** Topics of the matched documents with their counts, most first. */
export function facetCounts(meta: Meta, docs: Iterable<number>): Facet[] {
  const counts = new Array<number>(meta.topics.length).fill(0);
  for (const d of docs) for (let i = 0; i < counts.length; i++) if (hasTopic(meta, d, i)) counts[i]!++;
  return meta.topics
    .map(([slug, name], i) => ({ slug, name, count: counts[i]! }))
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Whether a document has the topic; no topic given means every document passes. */
export function topicFilter(meta: Meta, topic: string | undefined): (doc: number) => boolean {
  if (!topic) return () => true;
  const bit = meta.topics.findIndex(([slug]) => slug === topic);
  return (doc) => bit >= 0 && hasTopic(meta, doc, bit);
}

/** Whether a document has topic number i. */
function hasTopic(meta: Meta, doc: number, i: number): boolean {
  const word = meta.docTopics[doc * topicWords(meta.topics.length) + Math.floor(i / TOPICS_PER_WORD)] ?? 0;
  return (word & (1 << (i % TOPICS_PER_WORD))) !== 0;
}

// Owns digest pages: URL keys, headings, new vs seen-before, and what dropped off since the previous dump.
import type { Digest } from "../feed/schema.ts";
import { slugify } from "../feed/slug.ts";
import type { EnrichedPaper } from "./enrich.ts";
import { dateLabel } from "./filters.ts";
import type { Card, DigestView } from "./views.ts";

/** A digest's URL key: its date, else its label as a slug; clashes get a counter in file order. */
export function digestKeys(digests: Digest[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const d of digests) {
    const base = d.date ?? slugify(d.label);
    let key = base;
    for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
    used.add(key);
    keys.set(d.file, key);
  }
  return keys;
}

/** The digests, newest first, each with its papers' cards in trending order. */
export function digestViews(
  digests: Digest[],
  papers: EnrichedPaper[],
  keys: Map<string, string>,
  cards: Map<string, Card>,
): DigestView[] {
  const firstSeen = new Map(papers.map((p) => [p.id, p.digests[0]!.file]));
  const views = digests.map((d, index): DigestView => {
    const previous = digests[index - 1];
    const cardsOf = d.paperIds.map((id, i) => ({
      ...cards.get(id)!,
      rank: i + 1,
      isNew: firstSeen.get(id) === d.file,
    }));
    const newCount = cardsOf.filter((c) => c.isNew).length;
    const current = new Set(d.paperIds);
    return {
      key: keys.get(d.file)!,
      label: d.label,
      heading: d.date ? dateLabel(d.date) : d.label,
      date: d.date,
      file: d.file,
      title: d.title,
      count: d.paperIds.length,
      newCount,
      seenCount: d.paperIds.length - newCount,
      droppedCount: previous ? previous.paperIds.filter((id) => !current.has(id)).length : 0,
      papers: cardsOf,
    };
  });
  return views.reverse();
}

// Owns digest pages: URL keys, headings, new vs seen-before, and what dropped off since the previous dump.
import type { Digest } from "../feed/schema.ts";
import { slugify } from "../feed/slug.ts";
import { droppedOff } from "../feed/merge.ts";
import type { EnrichedPaper } from "./enrich.ts";
import { dateLabel } from "./filters.ts";
import type { Card, DigestPage, DigestView } from "./views.ts";
import { paginate } from "./paging.ts";

/**
 * A digest's URL key: its date (else its label as a slug), and for any series but pasted trending
 * pages the series too (2025-03-14-hf-daily, 2025-03-14-arxiv-listing-cs-cl,
 * 2025-03-14-arxiv-api-7175dc with its query's hash), so a key does not depend on which other dumps
 * share its day. Undated dumps of one series that share a label get a counter.
 */
export function digestKeys(digests: Digest[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const d of digests) {
    const day = d.date ?? slugify(d.label);
    const base = d.series === "text" ? day : `${day}-${slugify(d.series)}`;
    let key = base;
    for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
    used.add(key);
    keys.set(d.file, key);
  }
  return keys;
}

/** The digests, newest first, and the pages of each, its papers' cards in trending order. */
export function digestViews(
  digests: Digest[],
  papers: EnrichedPaper[],
  keys: Map<string, string>,
  cards: Map<string, Card>,
): { views: DigestView[]; pages: DigestPage[] } {
  const firstSeen = new Map(papers.map((p) => [p.id, p.digests[0]!.file]));
  const all = digests.map((d, index) => {
    const cardsOf = d.paperIds.map((id, i) => ({
      ...cards.get(id)!,
      rank: i + 1,
      isNew: firstSeen.get(id) === d.file,
    }));
    const newCount = cardsOf.filter((c) => c.isNew).length;
    const view: DigestView = {
      key: keys.get(d.file)!,
      label: d.label,
      heading: d.date ? dateLabel(d.date) : d.label,
      name: d.title ?? "Trending papers",
      date: d.date,
      file: d.file,
      title: d.title,
      count: d.paperIds.length,
      newCount,
      seenCount: d.paperIds.length - newCount,
      droppedCount: droppedOff(digests, index).dropped.length,
      updates: d.updates,
      updated: d.updated,
    };
    const pages = paginate(cardsOf, `/digests/${view.key}/`).map((page) => ({ ...page, digest: view }));
    return { view, pages };
  });
  all.reverse();
  return { views: all.map((d) => d.view), pages: all.flatMap((d) => d.pages) };
}

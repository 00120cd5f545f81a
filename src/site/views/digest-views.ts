// Owns digest pages: headings, new vs seen-before, how many dropped off since the previous dump.
import type { Digest } from "../../feed/schema.ts";
import type { EnrichedPaper } from "../enrich.ts";
import { dateLabel } from "../filters.ts";
import type { Card, DigestPage, DigestView } from "./types.ts";
import { paginate } from "./paging.ts";
import { paths } from "../../common/paths.ts";

/** The digests, newest first, and the pages of each, its papers' cards in trending order. */
export function digestViews(
  digests: Digest[],
  papers: EnrichedPaper[],
  cards: Map<string, Card>,
): { views: DigestView[]; pages: DigestPage[] } {
  const firstSeen = new Map(papers.map((p) => [p.id, p.digests[0]!.file]));
  const all = digests.map((d) => {
    const cardsOf = d.paperIds.map((id, i) => ({
      ...cards.get(id)!,
      rank: i + 1,
      isNew: firstSeen.get(id) === d.file,
    }));
    const newCount = cardsOf.filter((c) => c.isNew).length;
    const view: DigestView = {
      key: d.key,
      label: d.label,
      heading: d.date ? dateLabel(d.date) : d.label,
      name: d.title ?? "Trending papers",
      date: d.date,
      file: d.file,
      title: d.title,
      count: d.paperIds.length,
      newCount,
      seenCount: d.paperIds.length - newCount,
      droppedCount: d.dropped.length,
      updates: d.updates,
      updated: d.updated,
    };
    const pages = paginate(cardsOf, paths.digest(view.key)).map((page) => ({ ...page, digest: view }));
    return { view, pages };
  });
  all.reverse();
  return { views: all.map((d) => d.view), pages: all.flatMap((d) => d.pages) };
}

// Owns matching a library to the site: an entry is a site paper when its arXiv id, else its DOI,
// else its normalised title is one; an entry that matches nothing still counts through its title
// and abstract (words, and the topics they tag); one that has no word is skipped, with the reason.
// Pure.
import { titleKey } from "../common/text.ts";
import { docText, termCounts } from "./terms.ts";
import { normalDoi, type LibraryEntry } from "./library.ts";

export interface SiteRef {
  slug: string;
  title: string;
  arxivId?: string | undefined;
  doi?: string | undefined;
}

export interface Matching {
  matched: { entry: LibraryEntry; slug: string; by: "arXiv id" | "DOI" | "title" | "slug" }[];
  byText: LibraryEntry[];
  skipped: { entry: LibraryEntry; reason: string }[];
}

export function matchLibrary(entries: LibraryEntry[], site: SiteRef[]): Matching {
  const bySlug = new Map(site.map((p) => [p.slug, p.slug]));
  const byArxiv = new Map(site.flatMap((p) => (p.arxivId ? [[p.arxivId, p.slug] as const] : [])));
  const byDoi = new Map(
    site.flatMap((p) => (normalDoi(p.doi) ? [[normalDoi(p.doi)!, p.slug] as const] : [])),
  );
  const byTitle = new Map(site.map((p) => [titleKey(p.title), p.slug]));
  const out: Matching = { matched: [], byText: [], skipped: [] };
  const seen = new Map<string, LibraryEntry>();
  for (const entry of entries) {
    const found =
      (entry.slug && bySlug.has(entry.slug) && ({ slug: entry.slug, by: "slug" } as const)) ||
      (entry.arxivId &&
        byArxiv.has(entry.arxivId) &&
        ({ slug: byArxiv.get(entry.arxivId)!, by: "arXiv id" } as const)) ||
      (entry.doi && byDoi.has(entry.doi) && ({ slug: byDoi.get(entry.doi)!, by: "DOI" } as const)) ||
      (byTitle.has(titleKey(entry.title)) &&
        ({ slug: byTitle.get(titleKey(entry.title))!, by: "title" } as const));
    const key = found ? found.slug : `title:${titleKey(entry.title)}`;
    const earlier = seen.get(key);
    if (earlier) {
      out.skipped.push({
        entry,
        reason: `the same paper as ${earlier.line ? `line ${earlier.line}` : `"${earlier.title}"`}`,
      });
      continue;
    }
    seen.set(key, entry);
    if (found) out.matched.push({ entry, ...found });
    else if (termCounts(docText(entry.title, entry.abstract)).size) out.byText.push(entry);
    else
      out.skipped.push({
        entry,
        reason: "not on the site, and its title and abstract have no word to compare",
      });
  }
  return out;
}

/** "matched 3, by text 2, skipped 1" and a line per skipped entry, as `recommend` and `/saved/` say it. */
export function matchingReport(m: Matching): string[] {
  return [
    `matched ${m.matched.length}, by text ${m.byText.length}, skipped ${m.skipped.length}`,
    ...m.skipped.map(
      (s) => `${s.entry.line ? `line ${s.entry.line}: ` : ""}skipped "${s.entry.title}": ${s.reason}`,
    ),
  ];
}

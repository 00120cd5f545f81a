// The library importer, loaded by /saved/ when the reader picks a file: the file read (BibTeX, CSL
// JSON, this site's CSV) and matched to the site's papers, with each skip's reason.
import { importLibrary } from "../../foryou/import.ts";
import { matchLibrary } from "../../foryou/match.ts";
import type { LibraryImport } from "../../foryou/library.ts";
import { sitePapers } from "./site-data.ts";

/** An entry known by its text keeps this much abstract: enough to read it, little enough to store 2,000. */
const ABSTRACT_KEPT = 2000;

/** A file read into an import: matched to the site's papers, with each skip's reason. */
export async function readImport(name: string, text: string): Promise<LibraryImport | string> {
  const read = importLibrary(text);
  if (!read.ok) return read.error;
  const site = await sitePapers();
  const dayOf = new Map(site.map((p) => [p.slug, p.day]));
  const m = matchLibrary(read.value.entries, site);
  return {
    id: name,
    name,
    format: read.value.format,
    entries: [
      ...m.matched.map(({ entry, slug }) => ({ ...entry, abstract: undefined, slug, day: dayOf.get(slug) })),
      ...m.byText.map((e) => ({ ...e, abstract: e.abstract?.slice(0, ABSTRACT_KEPT) })),
    ],
    skipped: m.skipped.map((s) => ({ title: s.entry.title, line: s.entry.line, reason: s.reason })),
    problems: read.value.problems,
  };
}

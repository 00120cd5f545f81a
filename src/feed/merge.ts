// Owns mergeDumps: parsed dumps → one Paper record per paper, with its appearances, in first-seen
// order. Records leave here whole and checked against the Paper schema: the feed stage's boundary.
import { Paper, type Appearance, type Diagnostic, type Digest } from "./schema.ts";
import type { ParsedDump } from "./parse.ts";
import { assignSlugs, paperId } from "./slug.ts";
import { extractLinks } from "./links.ts";

export interface Merged {
  papers: Paper[];
  digests: Digest[];
  diagnostics: Diagnostic[];
}

/** Orders dumps oldest first: by date, undated ones by file name after the dated ones. */
export function sortDumps<T extends { date?: string | undefined; file: string }>(dumps: T[]): T[] {
  return [...dumps].sort(
    (a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.file.localeCompare(b.file),
  );
}

/** What the dumps say of one paper, gathered before its record is made. */
interface Sighting {
  id: string;
  title: string;
  abstract: string;
  appearances: Appearance[];
}

export function mergeDumps(dumps: ParsedDump[]): Merged {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Sighting>();
  const digests: Digest[] = [];
  for (const dump of sortDumps(dumps)) {
    const paperIds: string[] = [];
    for (const e of dump.entries) {
      const id = paperId(e.title, e.variant);
      paperIds.push(id);
      const appearance: Appearance = {
        date: dump.date,
        label: dump.label,
        rank: e.rank,
        file: dump.file,
        line: e.line,
      };
      const known = seen.get(id);
      if (!known) {
        seen.set(id, { id, title: e.title, abstract: e.abstract, appearances: [appearance] });
        continue;
      }
      if (known.abstract !== e.abstract) {
        const before = known.appearances.at(-1)!;
        diagnostics.push({
          file: dump.file,
          line: e.line,
          severity: "warning",
          message: `abstract differs from the one in ${before.file}:${before.line}; the newer text is used`,
        });
      }
      seen.set(id, {
        id,
        title: e.title,
        abstract: e.abstract,
        appearances: [...known.appearances, appearance],
      });
    }
    digests.push({
      file: dump.file,
      date: dump.date,
      label: dump.label,
      title: dump.title,
      source: dump.source,
      paperIds,
    });
  }
  const sightings = [...seen.values()];
  const slugs = assignSlugs(sightings);
  const papers = sightings.map((s) =>
    Paper.parse({
      id: s.id,
      slug: slugs.get(s.id),
      title: s.title,
      abstract: s.abstract,
      links: extractLinks(s.abstract),
      digests: s.appearances,
    }),
  );
  return { papers, digests, diagnostics };
}

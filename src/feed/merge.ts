// Owns mergeDumps: parsed dumps (oldest first) → one Paper record per paper, with its appearances.
import type { Diagnostic, Digest, Paper } from "./schema.ts";
import type { ParsedDump } from "./parse.ts";
import { assignSlugs, paperId } from "./slug.ts";
import { extractLinks } from "./links.ts";

export interface Merged {
  papers: Paper[];
  digests: Digest[];
  diagnostics: Diagnostic[];
}

/** Orders dumps oldest first: by date, undated ones by file name after the dated ones. */
export function sortDumps<T extends { date?: string; file: string }>(dumps: T[]): T[] {
  return [...dumps].sort(
    (a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.file.localeCompare(b.file),
  );
}

export function mergeDumps(dumps: ParsedDump[]): Merged {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, Paper>();
  const digests: Digest[] = [];
  for (const dump of sortDumps(dumps)) {
    const paperIds: string[] = [];
    for (const e of dump.entries) {
      const id = paperId(e.title, e.variant);
      paperIds.push(id);
      const appearance = { date: dump.date, label: dump.label, rank: e.rank, file: dump.file, line: e.line };
      const known = byId.get(id);
      if (!known) {
        byId.set(id, {
          id,
          slug: "",
          title: e.title,
          abstract: e.abstract,
          links: extractLinks(e.abstract),
          digests: [appearance],
          topics: [],
        });
        continue;
      }
      if (known.abstract !== e.abstract) {
        const before = known.digests.at(-1)!;
        diagnostics.push({
          file: dump.file,
          line: e.line,
          severity: "warning",
          message: `abstract differs from the one in ${before.file}:${before.line}; the newer text is used`,
        });
        known.abstract = e.abstract;
        known.links = extractLinks(e.abstract);
      }
      known.title = e.title;
      known.digests.push(appearance);
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
  const papers = [...byId.values()];
  const slugs = assignSlugs(papers);
  for (const p of papers) p.slug = slugs.get(p.id)!;
  return { papers, digests, diagnostics };
}

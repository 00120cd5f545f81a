// Owns the For-you files a build writes: each dated day's data (`foryou/<date>-<hash>.json`), the
// papers file that matching an imported library reads, and the manifest naming them, which the
// page script is told the path of. Names carry a hash of the bytes, so any cache can keep them.
import { hash } from "../common/hash.ts";
import type { Digest } from "../feed/schema.ts";
import type { TaggedPaper, Topic } from "../topics/schema.ts";
import { forYouDays } from "../foryou/data.ts";
import { encodeManifest, encodePapers, type PaperRef } from "../foryou/refs.ts";
import type { OutputFile } from "./precompress.ts";

export interface ForYouFiles {
  /** the manifest's path inside the site */
  manifestPath: string;
  files: OutputFile[];
}

const named = (stem: string, text: string): OutputFile => ({
  path: `foryou/${stem}-${hash(text, 10)}.json`,
  contents: text,
});

export function forYouFiles(papers: TaggedPaper[], digests: Digest[], taxonomy: Topic[]): ForYouFiles {
  const dayFiles = [...forYouDays(papers, digests, taxonomy)].map(
    ([date, text]) => [date, named(date, text)] as const,
  );
  // a paper's data is in every day that lists it; matching points to the first
  const refs: PaperRef[] = papers.flatMap((p) => {
    const day = p.digests.find((d) => d.date)?.date;
    return day ? [{ slug: p.slug, day, title: p.title, arxivId: p.arxivId, doi: p.doi }] : [];
  });
  const papersFile = named("papers", encodePapers(refs));
  const manifest = named(
    "days",
    encodeManifest({
      days: Object.fromEntries(dayFiles.map(([d, f]) => [d, f.path])),
      papers: papersFile.path,
    }),
  );
  return { manifestPath: manifest.path, files: [manifest, papersFile, ...dayFiles.map(([, f]) => f)] };
}

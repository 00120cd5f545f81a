// Owns writing a site's search index: its files (src/search/index-files.ts) and their compressed
// copies, built on a worker thread while the pages render.
import type { SearchDoc } from "../search/build-index.ts";
import { indexFiles, manifestPathFor } from "../search/index-files.ts";
import { onThread } from "../thread.ts";
import { writeWithCopies } from "./precompress.ts";

/** What a build needs to make the search index: the documents, and the manifest's path. */
export interface SearchPlan {
  docs: SearchDoc[];
  /** the manifest's path inside the site, fixed before the index exists (the scripts name it) */
  manifestPath: string;
}

export function planSearch(docs: SearchDoc[]): SearchPlan {
  return { docs, manifestPath: manifestPathFor(docs) };
}

/** Builds a plan's index files and writes them, with their compressed copies, under `outDir`. */
export async function writeSearchIndex({
  docs,
  manifestPath,
  outDir,
  precompress,
}: Omit<SearchPlan, "docs"> & {
  docs: Iterable<SearchDoc>;
  outDir: string;
  precompress: boolean;
}): Promise<number> {
  return writeWithCopies(outDir, indexFiles(docs, manifestPath), precompress);
}

/**
 * The index of a plan, written under `outDir` on a worker thread (the build's second core) by
 * default, so it builds, compresses and writes while the pages render; nothing crosses back but a
 * count. `signal` stops the thread when the build fails. Resolves to the number of files written.
 */
export function buildSearchIndex(
  plan: SearchPlan,
  outDir: string,
  opts: { thread?: boolean; signal?: AbortSignal; precompress: boolean },
): Promise<number> {
  const job = { manifestPath: plan.manifestPath, outDir, precompress: opts.precompress };
  if (opts.thread === false) return writeSearchIndex({ ...job, docs: plan.docs });
  return onThread<number>(new URL(import.meta.url), "writeSearchIndex", job, {
    signal: opts.signal,
    records: { key: "docs", values: plan.docs },
  });
}

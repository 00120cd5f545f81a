// Owns the V8 heap settings of a build.
//
// The old generation grows by a factor V8 picks from its own speed, often doubling a heap that
// holds every rendered page until Eleventy finishes. Growing it by a quarter at a time instead:
// at 50,000 papers peak RSS 3.32 GB → 2.62 GB (80–85 s against 77–89 s); at 10,000, 1.10 → 0.91 GB
// for 0.5–0.8 s more (14.4–14.8 s against 13.4–13.9 s, three runs each, alternated). Set only once
// the papers are counted (just before rendering), a 50,000-paper build still peaked at 3.19 GB: the
// pipeline's heap had already grown. `--optimize-for-size` gave 2.56 GB but took 223 s.
//
// The young generation is left as V8 sizes it. A larger one (`--max-semi-space-size=64`) was set
// here too, but V8 reads that flag when it creates a heap: set while the process runs, it reached
// the worker threads' heaps and never the main one (`--trace-gc`: 259 scavenges of the 10k build's
// main heap with it, 263 without). Given on node's command line it reaches every heap (79 main
// scavenges): with output on disk the build was not measurably faster (10.5, 10.9, 9.8 s against
// 10.3, 11.3, 10.8 s, alternated); on tmpfs it was about 0.3 s faster (8.0, 8.0, 8.3 s against
// 8.3, 8.3, 8.8 s) for about 210 MB more peak RSS, which a 50,000-paper build cannot spare.
import { setFlagsFromString } from "node:v8";

export function tuneHeap(): void {
  setFlagsFromString("--heap-growing-percent=25");
}

/**
 * Sites up to this many papers let V8 grow the heap as it likes again (0: its own factor). Pages
 * are held outside the heap (`src/site/nunjucks.ts`), so this costs memory at 10,000 papers
 * (about 880 → 1,010 MB peak) for less garbage collection: in three alternated pairs of builds,
 * 15.4 / 15.6, 15.2 / 11.6 and 14.2 / 12.2 s (quarter steps / V8's own). At 50,000 papers the
 * quarter steps still matter: 2,597 MB peak with them, 2,966 MB without.
 */
export const FRUGAL_ABOVE = 20_000;

/** Called once the papers are counted. */
export function sizeHeap(papers: number): void {
  if (papers <= FRUGAL_ABOVE) setFlagsFromString("--heap-growing-percent=0");
}

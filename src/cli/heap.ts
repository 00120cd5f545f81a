// Owns the V8 heap settings of a build. A build allocates many short-lived strings and objects
// (page data, rendered pages); a larger young generation means fewer scavenges. Measured on the
// 10,000-paper site (output on tmpfs, so the disk does not blur it): 16.4–17.8 s with the default
// 16 MB semi-space, 15.1–15.5 s with 64 MB, for about 200 MB more peak RSS.
//
// The old generation grows by a factor V8 picks from its own speed, often doubling a heap that
// holds every rendered page until Eleventy finishes. Growing it by a quarter at a time instead:
// at 50,000 papers peak RSS 3.32 GB → 2.62 GB (80–85 s against 77–89 s); at 10,000, 1.10 → 0.91 GB
// for 0.5–0.8 s more (14.4–14.8 s against 13.4–13.9 s, three runs each, alternated). Set only once
// the papers are counted (just before rendering), a 50,000-paper build still peaked at 3.19 GB: the
// pipeline's heap had already grown. `--optimize-for-size` gave 2.56 GB but took 223 s.
import { setFlagsFromString } from "node:v8";

export function tuneHeap(): void {
  setFlagsFromString("--max-semi-space-size=64");
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

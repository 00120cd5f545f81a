// Owns respelling: a word that finds nothing, replaced by the commonest word of the site one edit away.
import { distance } from "fastest-levenshtein";

/** The first (commonest) word of `vocabulary` at edit distance 1 from `term`. */
export function nearest(term: string, vocabulary: readonly string[]): string | undefined {
  for (const w of vocabulary) {
    if (Math.abs(w.length - term.length) <= 1 && w !== term && distance(term, w) === 1) return w;
  }
  return undefined;
}

// Owns how text is cut into comparable words for tagging: case, hyphens, plurals and stems.
export interface Word {
  /** stemmed, lowercase */
  stem: string;
  /** offsets of the word in the original text */
  start: number;
  end: number;
  sentence: number;
}

const stemCache = new Map<string, string>();

/** A word's stem, cached by the word as written (so a repeated word costs one lookup, no lowercasing). */
export function stem(word: string): string {
  let out = stemCache.get(word);
  if (out === undefined) {
    out = lightStem(word.toLowerCase());
    if (stemCache.size < 200_000) stemCache.set(word, out);
  }
  return out;
}

/**
 * A light English stemmer: plurals, -ing and -ed, a final e, doubled consonants. Porter's stemmer
 * (lunr's) conflates "generation" with "generalization" and "distributions" with "distributed",
 * which turns passing words into topic evidence; this one only joins forms of one word.
 */
export function lightStem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
  else if (/(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w) && !/(?:is|ous|ss)$/.test(w)) w = w.slice(0, -1);
  if (/[aeiouy].*[^aeiou]ing$/.test(w) && w.length > 5) w = w.slice(0, -3);
  else if (/[aeiouy].*[^aeiou]ed$/.test(w) && w.length > 4) w = w.slice(0, -2);
  if (/([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Words of a text; hyphens, slashes and underscores separate words like spaces do. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let sentence = 0;
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[.!?](?=\s+[\p{Lu}\d(])/gu;
  for (const m of text.matchAll(re)) {
    const w = m[0];
    if (w.length === 1 && (w === "." || w === "!" || w === "?")) {
      sentence++;
      continue;
    }
    out.push({
      stem: stem(w.endsWith("s") && /['’]s$/.test(w) ? w.slice(0, -2) : w),
      start: m.index,
      end: m.index + m[0].length,
      sentence,
    });
  }
  return out;
}

export function phraseStems(phrase: string): string[] {
  return words(phrase).map((w) => w.stem);
}

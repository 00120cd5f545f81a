// Owns how text is cut into comparable words for tagging: case, hyphens, plurals and stems.
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

/**
 * The words of a text as parallel lists (one entry a word, no object each: a 10,000-paper site has
 * 1.5 million of them); hyphens, slashes and underscores separate words like spaces do.
 */
export interface Words {
  /** stemmed, lowercase */
  stems: string[];
  /** offsets of each word in the text */
  starts: number[];
  ends: number[];
  /** which sentence of the text each word is in */
  sentences: number[];
}

/**
 * A word: letters and digits, and an apostrophe ending ("model's"). Most abstracts are ASCII, where
 * the ASCII classes match the same and run about three times faster than the Unicode ones.
 */
const WORD = { unicode: /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu, ascii: /[A-Za-z0-9]+(?:'[A-Za-z]+)?/g };
/** A word, or the end of a sentence: a full stop before a capital, a digit or a bracket. */
const WORD_OR_STOP = {
  unicode: new RegExp(`${WORD.unicode.source}|[.!?](?=\\s+[\\p{Lu}\\d(])`, "gu"),
  ascii: new RegExp(`${WORD.ascii.source}|[.!?](?=\\s+[A-Z\\d(])`, "g"),
};
const isAscii = (text: string) => !/[\u0080-\uffff]/.test(text);

/** The pattern of the words of `text`, without sentence ends (related papers read these). */
export function wordPattern(text: string): RegExp {
  return isAscii(text) ? WORD.ascii : WORD.unicode;
}

/** A word without a possessive "'s" ("model's" → "model"), as the tagger and related papers read it. */
export function withoutPossessive(word: string): string {
  return word.endsWith("s") && /['’]s$/.test(word) ? word.slice(0, -2) : word;
}

export function stemmedWords(text: string): Words {
  const out: Words = { stems: [], starts: [], ends: [], sentences: [] };
  const re = isAscii(text) ? WORD_OR_STOP.ascii : WORD_OR_STOP.unicode;
  let sentence = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    if (w.length === 1 && (w === "." || w === "!" || w === "?")) {
      sentence++;
      continue;
    }
    out.stems.push(stem(withoutPossessive(w)));
    out.starts.push(m.index);
    out.ends.push(m.index + w.length);
    out.sentences.push(sentence);
  }
  return out;
}

export function phraseStems(phrase: string): string[] {
  return stemmedWords(phrase).stems;
}

// Owns how For-you reads a text into terms: the words related papers compare (light stems, no stop
// words, no numbers), so a library entry that is not on the site is read like the site's papers.
import { stem, withoutPossessive, wordPattern } from "../topics/text.ts";
import { STOP } from "../related/tfidf.ts";

/** What a paper or library entry is read as: the title twice (it says most), then the abstract. */
export function docText(title: string, abstract = ""): string {
  return `${title}. ${title}. ${abstract}`;
}

/** Each term of a text and how often it occurs. */
export function termCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = new RegExp(wordPattern(text).source, wordPattern(text).flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = stem(withoutPossessive(m[0]));
    if (s.length < 3 || STOP.has(s) || /^\d+$/.test(s)) continue;
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/**
 * Terms as a reader would write them: each term's first word in `text` (a paper's title and
 * abstract, or what its card shows) that reads as that term, in lowercase when the text ever writes
 * it so, else as written (Mamba, SSMs); the term itself when the text has none.
 */
export function shownTerms(terms: string[], text: string): string[] {
  const wanted = new Set(terms);
  const lower = new Map<string, string>();
  const other = new Map<string, string>();
  const re = new RegExp(wordPattern(text).source, wordPattern(text).flags);
  for (let m = re.exec(text); m && lower.size < wanted.size; m = re.exec(text)) {
    const s = stem(withoutPossessive(m[0]));
    if (!wanted.has(s)) continue;
    const seen = m[0] === m[0].toLowerCase() ? lower : other;
    if (!seen.has(s)) seen.set(s, m[0]);
  }
  return terms.map((t) => lower.get(t) ?? other.get(t) ?? t);
}

// Owns where a result's matched words stand in its title and snippet: each word goes through the
// index's own pipeline (with its compound parts), so no term positions are stored in the index.
import type lunrType from "lunr";
import { compoundParts } from "./tokenizer.ts";

export type Range = [start: number, length: number];

export class Highlighter {
  private cache = new Map<string, string[]>();

  constructor(private pipeline: lunrType.Pipeline) {}

  private termsOf(word: string): string[] {
    let terms = this.cache.get(word);
    if (!terms) {
      terms = this.pipeline.runString(word);
      if (this.cache.size < 50_000) this.cache.set(word, terms);
    }
    return terms;
  }

  /** The ranges of the words of `text` whose index terms are among `matched`. */
  marks(text: string, matched: Set<string>): Range[] {
    const out: Range[] = [];
    for (const m of text.matchAll(/[^\s\-/]+/g)) {
      const word = m[0].replace(/^\W+/, "");
      const lead = m[0].length - word.length;
      const bare = word.replace(/\W+$/, "");
      const forms = [bare.toLowerCase(), ...compoundParts(bare)];
      if (forms.some((f) => this.termsOf(f).some((t) => matched.has(t))))
        out.push([m.index + lead, bare.length]);
    }
    return out;
  }
}

const SNIPPET = 240;

/** A window of the text around its first match, on word boundaries, marks shifted to fit. */
export function snippet(text: string, marks: Range[]): { text: string; marks: Range[] } {
  const first = marks[0]?.[0] ?? 0;
  let start = Math.max(0, first - 70);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const prefix = start > 0 ? "…" : "";
  const body = text.slice(start, end) + (end < text.length ? "…" : "");
  const shifted = marks
    .filter(([s, l]) => s >= start && s + l <= end)
    .map(([s, l]): Range => [s - start + prefix.length, l]);
  return { text: prefix + body, marks: shifted };
}

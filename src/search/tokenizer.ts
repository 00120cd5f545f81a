// Owns how search text becomes lunr tokens, on the build side and in the browser alike.
import type lunrType from "lunr";

type Lunr = typeof lunrType;

/** Hyphens, slashes and white space separate words, for documents and for queries. */
export const SEPARATOR = /[\s\-/]+/;

/**
 * Parts of a compound written in camel case or with digits: LongLoRA → long, lo, ra, longlo,
 * lora, longlora. Every run of adjacent parts is a token, so "lora" and "longlora" both find it.
 */
export function compoundParts(word: string): string[] {
  const parts = word.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g);
  if (!parts || parts.length < 2 || parts.length > 6) return [];
  const out = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j <= parts.length; j++) {
      const s = parts.slice(i, j).join("").toLowerCase();
      if (s.length >= 2) out.add(s);
    }
  }
  out.delete(word.toLowerCase());
  return [...out];
}

/** What the tokenizer cuts text into: runs of anything but white space, hyphens and slashes. */
export const TOKEN = /[^\s\-/]+/g;

/** The tokens of one word: the word lowercased, then its compound parts. */
export function wordTokens(word: string): string[] {
  return [word.toLowerCase(), ...compoundParts(word.replace(/^\W+|\W+$/g, ""))];
}

/** A lunr tokenizer that keeps the whole word and adds its compound parts at the same position. */
export function makeTokenizer(lunr: Lunr): typeof lunrType.tokenizer {
  const tokenizer = function (obj?: unknown, metadata?: object): lunrType.Token[] {
    if (obj == null) return [];
    // lunr hands the tokenizer a field's value: a string, or a number at most
    const str = typeof obj === "string" ? obj : typeof obj === "number" ? String(obj) : "";
    const tokens: lunrType.Token[] = [];
    for (const m of str.matchAll(TOKEN)) {
      for (const token of wordTokens(m[0])) {
        tokens.push(
          new lunr.Token(token, { ...metadata, position: [m.index, m[0].length], index: tokens.length }),
        );
      }
    }
    return tokens;
  };
  return Object.assign(tokenizer, { separator: SEPARATOR });
}

/** "10,000" and "10000" are one number. */
export function numberNormalizer(token: lunrType.Token): lunrType.Token {
  return token.update((s) => (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s));
}

const registered = new WeakSet<object>();

/** Must run before lunr.Index.load on both sides: the index names this function in its pipeline. */
export function registerShared(lunr: Lunr): void {
  lunr.tokenizer.separator = SEPARATOR;
  if (registered.has(lunr)) return;
  lunr.Pipeline.registerFunction(numberNormalizer, "paperDigestNumber");
  registered.add(lunr);
}

/** The pipeline documents go through; highlighting runs words through the same one. */
export function indexPipeline(lunr: Lunr): lunrType.Pipeline {
  registerShared(lunr);
  const pipeline = new lunr.Pipeline();
  pipeline.add(lunr.trimmer, numberNormalizer, lunr.stopWordFilter, lunr.stemmer);
  return pipeline;
}

/** The pipeline query terms go through: no trimming or stop words, the same numbers and stems. */
export function searchPipeline(lunr: Lunr): lunrType.Pipeline {
  registerShared(lunr);
  const pipeline = new lunr.Pipeline();
  pipeline.add(numberNormalizer, lunr.stemmer);
  return pipeline;
}

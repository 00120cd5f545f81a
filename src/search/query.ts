// Owns answering a query: lunr syntax or plain words, prefix while typing, fuzzy retry, highlights.
import type lunrType from "lunr";
import type { Store, StoreDoc } from "./store.ts";
import { SEPARATOR, compoundParts, indexPipeline } from "./tokenizer.ts";

type Lunr = typeof lunrType;
export type Range = [number, number];

export interface Hit {
  slug: string;
  title: string;
  titleMarks: Range[];
  snippet: string;
  snippetMarks: Range[];
  topics: { slug: string; name: string }[];
  label: string;
  score: number;
}

export interface Answer {
  query: string;
  hits: Hit[];
  total: number;
  facets: { slug: string; name: string; count: number }[];
  suggestion?: string;
  /** the query was lunr syntax that lunr could not parse, and was run as plain words */
  relaxed?: boolean;
}

export const MAX_QUERY = 500;
const SYNTAX = /[:~^*"]|(?:^|\s)[+-]\S/;

export class Searcher {
  private bySlug: Map<string, StoreDoc>;
  private pipeline: lunrType.Pipeline;
  constructor(private lunr: Lunr, private index: lunrType.Index, private store: Store, private vocabulary?: Vocabulary) {
    this.bySlug = new Map(store.docs.map((d) => [d.s, d]));
    this.pipeline = indexPipeline(lunr);
  }

  /** The vocabulary arrives later than the index: it is only fetched when a query finds nothing. */
  setVocabulary(vocabulary: Vocabulary) {
    this.vocabulary = vocabulary;
  }

  search(input: string, opts: { topic?: string; limit?: number } = {}): Answer {
    const query = input.slice(0, MAX_QUERY).trim();
    const empty: Answer = { query, hits: [], total: 0, facets: [] };
    if (!query) return empty;
    let results: lunrType.Index.Result[] = [];
    let relaxed = false;
    if (SYNTAX.test(query)) {
      try {
        results = this.index.search(query);
      } catch {
        relaxed = true;
        results = this.plain(words(query));
      }
    } else {
      results = this.plain(words(query));
    }
    let suggestion: string | undefined;
    if (results.length === 0) {
      const respelled = this.respell(words(query));
      const fallback = respelled ?? { results: this.any(words(query)) };
      const fuzzy = fallback.results.length ? fallback : this.fuzzy(words(query));
      suggestion = fuzzy.suggestion;
      results = fuzzy.results;
    }
    return { ...this.answer(query, results, opts), suggestion, relaxed: relaxed || undefined };
  }

  /** Every word must match, the last one also as a prefix (the reader may still be typing it). */
  private plain(terms: string[]): lunrType.Index.Result[] {
    if (!terms.length) return [];
    const { Query } = this.lunr;
    const run = (prefixLast: boolean, presence: lunrType.Query.presence) =>
      this.index.query((q) => {
        terms.forEach((term, i) => {
          if (prefixLast && i === terms.length - 1) q.term(term, { wildcard: Query.wildcard.TRAILING, usePipeline: false, presence, boost: 1 });
          else q.term(term, { presence, boost: 10 });
        });
      });
    return merge(run(false, Query.presence.REQUIRED), terms.at(-1)!.length >= 2 ? run(true, Query.presence.REQUIRED) : []);
  }

  /** Any of the words: the last resort before fuzzy matching. */
  private any(terms: string[]): lunrType.Index.Result[] {
    return terms.length ? this.index.query((q) => terms.forEach((t) => q.term(t, {}))) : [];
  }

  /** Words of five letters or more that find nothing, replaced by the commonest word one edit away. */
  private respell(terms: string[]): { results: lunrType.Index.Result[]; suggestion?: string } | undefined {
    if (!this.vocabulary) return undefined;
    const fixed = terms.map((t) => (t.length >= 5 && this.index.query((q) => q.term(t, {})).length === 0 ? nearest(t, this.vocabulary!) ?? t : t));
    if (fixed.join(" ") === terms.join(" ")) return undefined;
    const results = this.plain(fixed);
    return results.length ? { results, suggestion: fixed.join(" ") } : undefined;
  }

  /** lunr's own fuzzy match on index terms, for when no vocabulary is at hand. */
  private fuzzy(terms: string[]): { results: lunrType.Index.Result[]; suggestion?: string } {
    if (!terms.some((t) => t.length >= 5)) return { results: [] };
    const results = this.index.query((q) => {
      for (const term of terms) q.term(term, term.length >= 5 ? { editDistance: 1, presence: this.lunr.Query.presence.REQUIRED } : { presence: this.lunr.Query.presence.REQUIRED });
    });
    const top = results[0];
    if (!top) return { results };
    const doc = this.bySlug.get(top.ref)!;
    const matched = new Set(Object.keys(top.matchData.metadata));
    const written = [...this.marks(doc.t, matched), ...this.marks(doc.a, matched)].map(([s, l]) => (s < doc.t.length ? doc.t : doc.a).slice(s, s + l).toLowerCase());
    const suggestion = terms.map((t) => (t.length >= 5 ? closest(t, written) ?? t : t)).join(" ");
    return { results, suggestion: suggestion !== terms.join(" ") ? suggestion : undefined };
  }

  private answer(query: string, results: lunrType.Index.Result[], opts: { topic?: string; limit?: number }): Answer {
    const counts = new Map<string, number>();
    for (const r of results) for (const t of this.bySlug.get(r.ref)?.p ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    const facets = [...counts].map(([slug, count]) => ({ slug, name: this.store.topics[slug] ?? slug, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const filtered = opts.topic ? results.filter((r) => this.bySlug.get(r.ref)?.p.includes(opts.topic!)) : results;
    const hits = filtered.slice(0, opts.limit ?? 50).map((r) => this.hit(r));
    return { query, hits, total: filtered.length, facets };
  }

  private termCache = new Map<string, string[]>();
  private termsOf(word: string): string[] {
    let terms = this.termCache.get(word);
    if (!terms) {
      terms = this.pipeline.runString(word);
      if (this.termCache.size < 50_000) this.termCache.set(word, terms);
    }
    return terms;
  }

  /**
   * Where the matched index terms stand in a text: each word goes through the index's own
   * pipeline (with its compound parts), so highlights need no positions stored in the index.
   */
  private marks(text: string, matched: Set<string>): Range[] {
    const out: Range[] = [];
    for (const m of text.matchAll(/[^\s\-/]+/g)) {
      const word = m[0].replace(/^\W+/, "");
      const lead = m[0].length - word.length;
      const bare = word.replace(/\W+$/, "");
      const forms = [bare.toLowerCase(), ...compoundParts(bare)];
      if (forms.some((f) => this.termsOf(f).some((t) => matched.has(t)))) out.push([m.index + lead, bare.length]);
    }
    return out;
  }

  private hit(r: lunrType.Index.Result): Hit {
    const doc = this.bySlug.get(r.ref)!;
    const matched = new Set(Object.keys(r.matchData.metadata));
    const { text, marks } = snippet(doc.a, this.marks(doc.a, matched));
    return {
      slug: doc.s,
      title: doc.t,
      titleMarks: this.marks(doc.t, matched),
      snippet: text,
      snippetMarks: marks,
      topics: doc.p.map((slug) => ({ slug, name: this.store.topics[slug] ?? slug })),
      label: doc.d,
      score: r.score,
    };
  }
}

/** Plain words of a query: lunr's special characters are dropped, so any input is safe. */
export function words(query: string): string[] {
  return query
    .toLowerCase()
    .split(SEPARATOR)
    .map((w) => w.replace(/[:~^*+"'`\\()[\]{}<>]/g, "").replace(/^\W+|\W+$/g, ""))
    .filter((w) => w.length > 0)
    .slice(0, 20);
}

function merge(a: lunrType.Index.Result[], b: lunrType.Index.Result[]): lunrType.Index.Result[] {
  const byRef = new Map(a.map((r) => [r.ref, r]));
  for (const r of b) {
    const known = byRef.get(r.ref);
    if (!known) byRef.set(r.ref, r);
    else if (r.score > known.score) byRef.set(r.ref, { ...r, matchData: known.matchData });
  }
  return [...byRef.values()].sort((x, y) => y.score - x.score || (x.ref < y.ref ? -1 : 1));
}

const SNIPPET = 240;

/** A window of the abstract around its first match, on word boundaries, marks shifted to fit. */
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

/** Words of the site's text with five letters or more, commonest first. */
export type Vocabulary = string[];

function nearest(term: string, vocabulary: Vocabulary): string | undefined {
  for (const w of vocabulary) if (Math.abs(w.length - term.length) <= 1 && w !== term && distance(term, w) === 1) return w;
  return undefined;
}

function closest(term: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(term, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= 2 ? best : undefined;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

// Owns answering a query: lunr syntax or plain words, prefix while typing, respelling and fuzzy
// retries, facets, and highlights, over the sharded index.
import type lunrType from "lunr";
import { SEPARATOR, compoundParts, indexPipeline, searchPipeline } from "./tokenizer.ts";
import { ShardedIndex, top, type Clause, type Load, type Match } from "./engine.ts";
import { isDocFile, isMeta, type DocFile, type Manifest, type Meta } from "./format.ts";

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
  readonly index: ShardedIndex;
  private pipeline: lunrType.Pipeline;
  private meta?: Promise<Meta>;
  private vocabulary?: Promise<string[]>;
  private docs = new Map<number, Promise<DocFile>>();

  constructor(
    private lunr: Lunr,
    manifest: Manifest,
    private load: Load,
  ) {
    this.index = new ShardedIndex(lunr, manifest, load, searchPipeline(lunr));
    this.pipeline = indexPipeline(lunr);
  }

  async search(input: string, opts: { topic?: string; limit?: number } = {}): Promise<Answer> {
    const query = input.slice(0, MAX_QUERY).trim();
    if (!query) return { query, hits: [], total: 0, facets: [] };
    let results: Match[] = [];
    let relaxed = false;
    if (SYNTAX.test(query)) {
      try {
        results = await this.index.query(this.parse(query));
      } catch {
        relaxed = true;
        results = await this.plain(words(query));
      }
    } else {
      results = await this.plain(words(query));
    }
    let suggestion: string | undefined;
    if (results.length === 0) {
      const retry = (await this.respell(words(query))) ?? { results: await this.any(words(query)) };
      const found = retry.results.length ? retry : await this.fuzzy(words(query));
      suggestion = found.suggestion;
      results = found.results;
    }
    return { ...(await this.answer(query, results, opts)), suggestion, relaxed: relaxed || undefined };
  }

  /** lunr's own query syntax, parsed by lunr's parser (which throws on what it cannot read). */
  private parse(query: string): Clause[] {
    const q = new this.lunr.Query(this.index.fields);
    new this.lunr.QueryParser(query, q).parse();
    return q.clauses;
  }

  private clauses(fn: (q: lunrType.Query) => void): Clause[] {
    const q = new this.lunr.Query(this.index.fields);
    fn(q);
    return q.clauses;
  }

  /** Every word must match, the last one also as a prefix (the reader may still be typing it). */
  private async plain(terms: string[]): Promise<Match[]> {
    if (!terms.length) return [];
    const { Query } = this.lunr;
    const run = (prefixLast: boolean) =>
      this.index.query(
        this.clauses((q) =>
          terms.forEach((term, i) => {
            if (prefixLast && i === terms.length - 1)
              q.term(term, {
                wildcard: Query.wildcard.TRAILING,
                usePipeline: false,
                presence: Query.presence.REQUIRED,
                boost: 1,
              });
            else q.term(term, { presence: Query.presence.REQUIRED, boost: 10 });
          }),
        ),
      );
    const exact = await run(false);
    return merge(exact, terms.at(-1)!.length >= 2 ? await run(true) : []);
  }

  /** Any of the words: the last resort before fuzzy matching. */
  private any(terms: string[]): Promise<Match[]> {
    return terms.length
      ? this.index.query(this.clauses((q) => terms.forEach((t) => q.term(t, {}))))
      : Promise.resolve([]);
  }

  /** Words of five letters or more that find nothing, replaced by the commonest word one edit away. */
  private async respell(terms: string[]): Promise<{ results: Match[]; suggestion?: string } | undefined> {
    if (!terms.some((t) => t.length >= 5)) return undefined;
    this.vocabulary ??= this.load(this.index.manifest.vocabulary).then((v) =>
      Array.isArray(v) ? v.map(String) : [],
    );
    const vocabulary = await this.vocabulary;
    const fixed: string[] = [];
    for (const t of terms) {
      const missing =
        t.length >= 5 && (await this.index.query(this.clauses((q) => q.term(t, {})))).length === 0;
      fixed.push(missing ? (nearest(t, vocabulary) ?? t) : t);
    }
    if (fixed.join(" ") === terms.join(" ")) return undefined;
    const results = await this.plain(fixed);
    return results.length ? { results, suggestion: fixed.join(" ") } : undefined;
  }

  /** lunr's fuzzy match (one edit) on index terms, when respelling found nothing. */
  private async fuzzy(terms: string[]): Promise<{ results: Match[]; suggestion?: string }> {
    if (!terms.some((t) => t.length >= 5)) return { results: [] };
    const presence = this.lunr.Query.presence.REQUIRED;
    const results = await this.index.query(
      this.clauses((q) =>
        terms.forEach((t) => q.term(t, t.length >= 5 ? { editDistance: 1, presence } : { presence })),
      ),
    );
    return { results };
  }

  private async answer(
    query: string,
    results: Match[],
    opts: { topic?: string; limit?: number },
  ): Promise<Omit<Answer, "suggestion" | "relaxed">> {
    this.meta ??= this.load(this.index.manifest.meta).then((m) => {
      if (!isMeta(m)) throw new Error(`${this.index.manifest.meta}: not the search metadata`);
      return m;
    });
    const meta = await this.meta;
    const counts = new Array<number>(meta.topics.length).fill(0);
    for (const r of results) {
      const mask = meta.docTopics[r.doc] ?? 0;
      for (let i = 0; i < counts.length; i++) if (mask & (1 << i)) counts[i]!++;
    }
    const facets = meta.topics
      .map(([slug, name], i) => ({ slug, name, count: counts[i]! }))
      .filter((f) => f.count > 0)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const bit = meta.topics.findIndex(([slug]) => slug === opts.topic);
    const filtered = opts.topic
      ? results.filter((r) => bit >= 0 && (meta.docTopics[r.doc] ?? 0) & (1 << bit))
      : results;
    const names = new Map(meta.topics);
    const hits = await Promise.all(top(filtered, opts.limit ?? 50).map((r) => this.hit(r, names)));
    return { query, hits, total: filtered.length, facets };
  }

  private doc(i: number): Promise<DocFile> {
    let d = this.docs.get(i);
    if (!d) {
      d = this.load(`${this.index.manifest.docs}/${i}.json`).then((raw) => {
        if (!isDocFile(raw)) throw new Error(`search document ${i} is malformed`);
        return raw;
      });
      this.docs.set(i, d);
    }
    return d;
  }

  private async hit(r: Match, names: Map<string, string>): Promise<Hit> {
    const doc = await this.doc(r.doc);
    const terms = new Set(r.sources.flatMap((s) => s.termsOf(r.doc)));
    const { text, marks } = snippet(doc.a, this.marks(doc.a, terms));
    return {
      slug: doc.s,
      title: doc.t,
      titleMarks: this.marks(doc.t, terms),
      snippet: text,
      snippetMarks: marks,
      topics: doc.p.map((slug) => ({ slug, name: names.get(slug) ?? slug })),
      label: doc.d,
      score: r.score,
    };
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
      if (forms.some((f) => this.termsOf(f).some((t) => matched.has(t))))
        out.push([m.index + lead, bare.length]);
    }
    return out;
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

function merge(a: Match[], b: Match[]): Match[] {
  const byDoc = new Map(a.map((r) => [r.doc, r]));
  for (const r of b) {
    const known = byDoc.get(r.doc);
    if (!known) byDoc.set(r.doc, r);
    else
      byDoc.set(r.doc, {
        doc: r.doc,
        score: Math.max(r.score, known.score),
        sources: [...known.sources, ...r.sources],
      });
  }
  return [...byDoc.values()];
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
  for (const w of vocabulary)
    if (Math.abs(w.length - term.length) <= 1 && w !== term && distance(term, w) === 1) return w;
  return undefined;
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

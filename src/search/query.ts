// Owns answering a query: lunr syntax or plain words, prefix while typing, respelling and fuzzy
// retries, facets, and highlights, over the sharded index.
import type lunrType from "lunr";
import { SEPARATOR, indexPipeline, searchPipeline } from "./tokenizer.ts";
import {
  filterMatches,
  NO_MATCHES,
  ShardedIndex,
  top,
  unionMatches,
  type Clause,
  type Load,
  type Match,
  type Matches,
} from "./engine.ts";
import { isMeta, letterFile, type Manifest, type Meta } from "./format.ts";
import { Highlighter, snippet, type Range } from "./highlight.ts";
import { nearest } from "./spelling.ts";
import { FetchOnce } from "./fetch-once.ts";
import { facetCounts, topicFilter, type Facet } from "./facets.ts";
import { Documents } from "./documents.ts";
import { parseArxivRef } from "../feed/arxiv.ts";

type Lunr = typeof lunrType;
export type { Range };

export interface Hit {
  slug: string;
  title: string;
  titleMarks: Range[];
  snippet: string;
  snippetMarks: Range[];
  topics: { slug: string; name: string }[];
  /** the authors, short; empty when unknown */
  byline: string;
  label: string;
  score: number;
}

export interface Answer {
  query: string;
  hits: Hit[];
  total: number;
  facets: Facet[];
  suggestion?: string | undefined;
  /** the query was lunr syntax that lunr could not parse, and was run as plain words */
  relaxed?: boolean | undefined;
  /** the first hits only, the rest of the documents still loading (no facets yet) */
  partial?: boolean | undefined;
}

export const MAX_QUERY = 500;
/** How many top hits a partial answer waits for. */
const FIRST_SHOWN = 3;
const SYNTAX = /[:~^*"]|(?:^|\s)[+-]\S/;

export class Searcher {
  readonly index: ShardedIndex;
  private highlighter: Highlighter;
  private documents: Documents;
  /** the topic metadata (one file), fetched when first needed */
  private meta = new FetchOnce((path: string) =>
    this.load(path).then((m) => {
      if (!isMeta(m)) throw new Error(`${path}: not the search metadata`);
      return m;
    }),
  );
  /** the spelling vocabulary's files fetched so far, by file */
  private spelling = new FetchOnce((file: string) =>
    this.load(`${this.index.manifest.vocabulary}/${file}.json`).then((v) =>
      Array.isArray(v) ? v.map(String) : [],
    ),
  );

  constructor(
    private lunr: Lunr,
    manifest: Manifest,
    private load: Load,
  ) {
    this.index = new ShardedIndex(lunr, manifest, load, searchPipeline(lunr));
    this.highlighter = new Highlighter(indexPipeline(lunr));
    this.documents = new Documents(manifest, load);
  }

  /**
   * The fallback ladder: lunr syntax (or plain words when lunr cannot parse it), then every word
   * with the last as a prefix; when nothing matches, a respelling, then any word, then fuzzy terms.
   */
  async search(
    input: string,
    opts: SearchOptions = {},
    onPartial?: (answer: Answer) => void,
  ): Promise<Answer> {
    const query = input.slice(0, MAX_QUERY).trim();
    if (!query) return { query, hits: [], total: 0, facets: [] };
    // an arXiv id in any of its written forms (arXiv:2312.00752v2, its abs URL) is looked up as the id
    const asked = parseArxivRef(query)?.id ?? query;
    let results: Matches;
    let relaxed = false;
    if (SYNTAX.test(asked)) {
      try {
        results = await this.index.query(this.parse(asked));
      } catch {
        relaxed = true;
        results = await this.plain(queryWords(asked));
      }
    } else {
      results = await this.plain(queryWords(asked));
    }
    let suggestion: string | undefined;
    if (results.docs.length === 0) {
      const retry = (await this.respell(queryWords(asked))) ?? { results: await this.any(queryWords(asked)) };
      const found = retry.results.docs.length ? retry : await this.fuzzy(queryWords(asked));
      suggestion = found.suggestion;
      results = found.results;
    }
    const partial =
      onPartial && ((a: Answer) => onPartial({ ...a, suggestion, relaxed: relaxed || undefined }));
    return {
      ...(await this.answer(query, results, opts, partial)),
      suggestion,
      relaxed: relaxed || undefined,
    };
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
  private async plain(terms: string[]): Promise<Matches> {
    if (!terms.length) return NO_MATCHES;
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
    // both at once: their shards are fetched side by side, not one after the other
    const [exact, prefixed] = await Promise.all([
      run(false),
      terms.at(-1)!.length >= 2 ? run(true) : Promise.resolve(NO_MATCHES),
    ]);
    return unionMatches(exact, prefixed);
  }

  /**
   * The documents that hold every word of a phrase the way search finds words (stems, compound
   * parts, numbers), in index order: the papers a reader's watched phrase marks.
   */
  async matching(phrase: string): Promise<number[]> {
    const terms = queryWords(phrase);
    if (!terms.length) return [];
    const presence = this.lunr.Query.presence.REQUIRED;
    const found = await this.index.query(this.clauses((q) => terms.forEach((t) => q.term(t, { presence }))));
    return Array.from(found.docs);
  }

  /** Any of the words: the last resort before fuzzy matching. */
  private any(terms: string[]): Promise<Matches> {
    return terms.length
      ? this.index.query(this.clauses((q) => terms.forEach((t) => q.term(t, {}))))
      : Promise.resolve(NO_MATCHES);
  }

  /** Words of five letters or more that find nothing, replaced by the commonest word one edit away. */
  private async respell(terms: string[]): Promise<{ results: Matches; suggestion?: string } | undefined> {
    if (!terms.some((t) => t.length >= 5)) return undefined;
    const fixed: string[] = [];
    for (const t of terms) {
      const missing =
        t.length >= 5 && (await this.index.query(this.clauses((q) => q.term(t, {})))).docs.length === 0;
      fixed.push(missing ? ((await this.respelled(t)) ?? t) : t);
    }
    if (fixed.join(" ") === terms.join(" ")) return undefined;
    const results = await this.plain(fixed);
    return results.docs.length ? { results, suggestion: fixed.join(" ") } : undefined;
  }

  /**
   * The commonest word one edit away that starts with the word's first letter; else one that starts
   * with its second (a stray letter typed before the word); else one whose second letter is the
   * word's second (the first letter mistyped) or its first (the first letter left out). Every word
   * one edit away is in one of these four files of the vocabulary, each fetched only when needed.
   */
  private async respelled(term: string): Promise<string | undefined> {
    const [a, b] = [letterFile(term.charAt(0)), letterFile(term.charAt(1))];
    for (const file of new Set([a, b, `2${b}`, `2${a}`])) {
      const found = nearest(term, await this.spelling.get(file));
      if (found) return found;
    }
    return undefined;
  }

  /** lunr's fuzzy match (one edit) on index terms, when respelling found nothing. */
  private async fuzzy(terms: string[]): Promise<{ results: Matches; suggestion?: string }> {
    if (!terms.some((t) => t.length >= 5)) return { results: NO_MATCHES };
    const presence = this.lunr.Query.presence.REQUIRED;
    const results = await this.index.query(
      this.clauses((q) =>
        terms.forEach((t) => q.term(t, t.length >= 5 ? { editDistance: 1, presence } : { presence })),
      ),
    );
    return { results };
  }

  private loadMeta(): Promise<Meta> {
    return this.meta.get(this.index.manifest.meta);
  }

  /**
   * The shown hits and the facets. Topic facets need the metadata file, results do not (a document
   * names its own topics): it loads beside the documents, and waits only for a topic filter.
   */
  private async answer(
    query: string,
    results: Matches,
    opts: SearchOptions,
    onPartial?: (answer: Answer) => void,
  ): Promise<Omit<Answer, "suggestion" | "relaxed">> {
    const meta = this.loadMeta();
    const filtered = opts.topic ? filterMatches(results, topicFilter(await meta, opts.topic)) : results;
    const total = filtered.docs.length;
    // both awaited together, so a failed document never leaves the metadata's failure unobserved
    const [hits, facetMeta] = await Promise.all([
      this.hits(top(filtered, opts.limit ?? 50), (first) =>
        onPartial?.({ query, hits: first, total, facets: [], partial: true }),
      ),
      meta,
    ]);
    return { query, hits, total, facets: facetCounts(facetMeta, results.docs) };
  }

  /**
   * The hits of the shown matches. The first few (in rank order) are fetched first and handed to
   * `partial`, then the rest: a reader sees the top results without their requests queueing behind
   * the whole page's (in the bench's browser section, warm queries' first results came in 48 ms
   * median fetching all ten at once, 31 ms fetching three first).
   */
  private async hits(shown: Match[], partial: (first: Hit[]) => void): Promise<Hit[]> {
    const first = await Promise.all(shown.slice(0, FIRST_SHOWN).map((m) => this.hit(m)));
    if (first.length === shown.length) return first;
    partial(first);
    return [...first, ...(await Promise.all(shown.slice(FIRST_SHOWN).map((m) => this.hit(m))))];
  }

  private async hit(r: Match): Promise<Hit> {
    const doc = await this.documents.get(r.doc);
    const terms = new Set(r.sources.flatMap((s) => s.termsOf(r.doc)));
    const { text, marks } = snippet(doc.a, this.highlighter.marks(doc.a, terms));
    return {
      slug: doc.s,
      title: doc.t,
      titleMarks: this.highlighter.marks(doc.t, terms),
      snippet: text,
      snippetMarks: marks,
      topics: doc.p.map(([slug, name]) => ({ slug, name })),
      byline: doc.b ?? "",
      label: doc.d,
      score: r.score,
    };
  }
}

export interface SearchOptions {
  /** only results with this topic */
  topic?: string | undefined;
  /** how many hits to return (the total counts them all) */
  limit?: number | undefined;
}

/** Plain words of a query: lunr's special characters are dropped, so any input is safe. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(SEPARATOR)
    .map((w) => w.replace(/[:~^*+"'`\\()[\]{}<>]/g, "").replace(/^\W+|\W+$/g, ""))
    .filter((w) => w.length > 0)
    .slice(0, 20);
}

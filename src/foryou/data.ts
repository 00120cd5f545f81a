// Owns the For-you data of one day: each paper's TF-IDF vector (its heaviest terms, weights in one
// byte), its topics, and the vocabulary with IDF that places a library entry that is not on the
// site. Built once per day at build time from the site's papers, shipped as compact JSON, read back
// (and checked) in the browser and by `recommend`. Pure: no DOM, no file system.
// zod/mini: this module runs in the browser too, where full zod would add 450 KB to the bundle
import * as z from "zod/mini";
import { docText, termCounts } from "./terms.ts";
import type { TaggedPaper, Topic } from "../topics/schema.ts";
import type { Digest } from "../feed/schema.ts";
import { fail, ok, type Result } from "../common/result.ts";
import { IntRows, type Rows } from "../common/int-list.ts";

export const DAY_DATA_VERSION = 1;
/** How many of a paper's heaviest terms it keeps: enough to compare, few enough for 40 KB a 400-paper day. */
const TOP_TERMS = 24;
/** Weights and IDF are stored as integers: weight × 255 (of the paper's heaviest), IDF × 16. */
const WEIGHT_STEPS = 255;
const IDF_STEPS = 16;

/** What For-you needs of a site paper. */
export interface ForYouPaper {
  slug: string;
  title: string;
  abstract: string;
  /** the tagger's topics (slugs), as the site shows them */
  topics: string[];
}

/** A sparse vector over a day's terms: term indexes ascending, weights of unit length. */
export interface Sparse {
  terms: number[];
  weights: number[];
}

export interface DayData {
  terms: string[];
  /** each term's IDF over the whole site */
  idf: number[];
  topics: string[];
  papers: { slug: string; vector: Sparse; topics: number[] }[];
  /** the site's topic rules, so an entry that is not on the site is tagged as the site's papers are */
  taxonomy: Topic[];
}

/** The site's tagged papers as For-you reads them. */
export function forYouPapers(papers: TaggedPaper[]): ForYouPaper[] {
  return papers.map((p) => ({
    slug: p.slug,
    title: p.title,
    abstract: p.abstract,
    topics: p.topics.map((t) => t.slug),
  }));
}

/** The papers of one day: every digest of that date, in digest order, each in its trending order, once. */
export function papersOfDay<P extends { id: string }>(papers: P[], digests: Digest[], date: string): P[] {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const ids = new Set(digests.filter((d) => d.date === date).flatMap((d) => d.paperIds));
  return [...ids].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Each dated day's papers as indexes into `papers`: every digest of that date, in digest order, each paper once. */
export function daysOf(papers: { id: string }[], digests: Digest[]): [string, number[]][] {
  const at = new Map(papers.map((p, i) => [p.id, i]));
  const ofDate = new Map<string, Set<number>>();
  for (const d of digests) {
    if (!d.date) continue;
    let day = ofDate.get(d.date);
    if (!day) ofDate.set(d.date, (day = new Set()));
    for (const id of d.paperIds) if (at.has(id)) day.add(at.get(id)!);
  }
  return [...ofDate.keys()].sort().map((date) => [date, [...ofDate.get(date)!]]);
}

/**
 * What a build ships for For you: each day's data file (`encodeDayData`), by date, weighed with
 * one IDF over the whole site so a library paper of any day compares with any other day's. The
 * papers are read once, in order, and each one's terms counted once and kept as numbers
 * (`SiteTerms`); a day's counts become Maps only while that day is weighed.
 */
export function forYouDays(
  all: Iterable<ForYouPaper>,
  days: [string, number[]][],
  taxonomy: Topic[],
): Map<string, string> {
  const site = new SiteTerms();
  const papers: Omit<DayPaper, "counts">[] = [];
  for (const p of all) {
    site.add(p);
    papers.push({ slug: p.slug, topics: p.topics });
  }
  const idf = site.idf();
  return new Map(
    days.map(([date, day]) => {
      const data = weighDay(
        day.map((i) => ({ ...papers[i]!, counts: site.countsOf(i) })),
        idf,
        taxonomy,
      );
      return [date, encodeDayData(data)];
    }),
  );
}

/**
 * Every paper's term counts, end to end as numbers (a row a paper). A Map of counts per paper, for
 * all 100,000 papers of an arXiv-shaped site, was most of the 1.1 GB For you's thread added to the
 * build's memory.
 */
class SiteTerms {
  private readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** a row a paper: its terms (ids), each followed by its count */
  private readonly rows = new IntRows();
  private readonly df: number[] = [];
  private done?: Rows;

  /** Counts a paper's terms. */
  add(p: ForYouPaper): void {
    for (const [term, count] of termCounts(docText(p.title, p.abstract))) {
      let id = this.ids.get(term);
      if (id === undefined) {
        this.ids.set(term, (id = this.names.push(term) - 1));
        this.df.push(0);
      }
      this.df[id]!++;
      this.rows.push(id);
      this.rows.push(count);
    }
    this.rows.endRow();
  }

  /** Each term's IDF over the papers added (smooth: log(1 + n / df)). */
  idf(): Map<string, number> {
    const n = (this.done ??= this.rows.done()).starts.length - 1;
    return new Map(this.names.map((t, id) => [t, Math.log(1 + n / this.df[id]!)]));
  }

  /** Paper `i`'s term counts, in the order they were counted. */
  countsOf(i: number): Map<string, number> {
    const { values, starts } = (this.done ??= this.rows.done());
    const out = new Map<string, number>();
    for (let k = starts[i]!; k < starts[i + 1]!; k += 2) out.set(this.names[values[k]!]!, values[k + 1]!);
    return out;
  }
}

/** Each term's IDF over all the site's papers (smooth: log(1 + n / df)). */
export function siteIdf(papers: ForYouPaper[]): Map<string, number> {
  const site = new SiteTerms();
  for (const p of papers) site.add(p);
  return site.idf();
}

/** A paper of a day as weighing reads it: its term counts and topics. */
interface DayPaper {
  slug: string;
  topics: string[];
  counts: Map<string, number>;
}

/** The data of one day: its papers (in the order given) weighed with the site's IDF. */
export function buildDayData(day: ForYouPaper[], idf: Map<string, number>, taxonomy: Topic[]): DayData {
  const papers = day.map((p) => ({
    slug: p.slug,
    topics: p.topics,
    counts: termCounts(docText(p.title, p.abstract)),
  }));
  return weighDay(papers, idf, taxonomy);
}

function weighDay(day: DayPaper[], idf: Map<string, number>, taxonomy: Topic[]): DayData {
  const kept = day.map((p) => {
    const weighed = [...p.counts].map(([t, c]) => [t, (1 + Math.log(c)) * (idf.get(t) ?? 0)] as const);
    weighed.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { p, top: weighed.slice(0, TOP_TERMS).filter(([, w]) => w > 0) };
  });
  const terms = [...new Set(kept.flatMap((k) => k.top.map(([t]) => t)))].sort();
  const index = new Map(terms.map((t, i) => [t, i]));
  const topics = [...new Set(day.flatMap((p) => p.topics))].sort();
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  return {
    terms,
    idf: terms.map((t) => Math.round(idf.get(t)! * IDF_STEPS) / IDF_STEPS),
    topics,
    // the rules only: a topic's description and file are the site's pages' business
    taxonomy: taxonomy.map((t) => ({ ...t, body: "", file: "" })),
    papers: kept.map(({ p, top }) => {
      const max = top[0]?.[1] ?? 1;
      const pairs = top
        .map(([t, w]) => [index.get(t)!, Math.max(1, Math.round((w / max) * WEIGHT_STEPS))] as const)
        .sort((a, b) => a[0] - b[0]);
      return {
        slug: p.slug,
        vector: unit({ terms: pairs.map(([t]) => t), weights: pairs.map(([, w]) => w) }),
        topics: p.topics.map((t) => topicIndex.get(t)!).sort((a, b) => a - b),
      };
    }),
  };
}

export function unit(v: Sparse): Sparse {
  const norm = Math.hypot(...v.weights) || 1;
  return { terms: v.terms, weights: v.weights.map((w) => w / norm) };
}

/**
 * The file: `terms` one string (space-separated, sorted), a paper as `[slug, term deltas, weights,
 * topics]`, all integers. Weights are written as stored (of the paper's heaviest), so reading
 * gives back exactly what ranking used at build time.
 */
const count = () => z.number().check(z.int(), z.nonnegative());
const weighted = () => z.record(z.string(), z.number());
/**
 * A topic's rules as the tagger reads them (see TopicFrontMatter in src/topics/schema.ts, which
 * checked them when the site was built); here only their shape, in zod/mini.
 */
const TopicRules = z.object({
  slug: z.string(),
  name: z.string(),
  order: z.optional(z.number()),
  threshold: z.number(),
  phrases: weighted(),
  acronyms: weighted(),
  categories: weighted(),
  exclude: z.array(z.string()),
  defer_to: z.array(z.string()),
  combos: z.array(z.object({ when: z.array(z.string()), with: z.array(z.string()), weight: z.number() })),
});
const DayFile = z.object({
  version: z.literal(DAY_DATA_VERSION),
  terms: z.string(),
  idf: z.array(count()),
  topics: z.array(z.string()),
  taxonomy: z.array(TopicRules),
  papers: z.array(
    z.tuple([
      z.string().check(z.minLength(1)),
      z.array(count()),
      z.array(z.number().check(z.int(), z.minimum(1), z.maximum(WEIGHT_STEPS))),
      z.array(count()),
    ]),
  ),
});

export function encodeDayData(d: DayData): string {
  const papers = d.papers.map((p) => {
    const max = Math.max(...p.vector.weights, 1e-9);
    return [
      p.slug,
      p.vector.terms.map((t, i) => t - (i ? p.vector.terms[i - 1]! : 0)),
      p.vector.weights.map((w) => Math.max(1, Math.round((w / max) * WEIGHT_STEPS))),
      p.topics,
    ];
  });
  const file = {
    version: DAY_DATA_VERSION,
    terms: d.terms.join(" "),
    idf: d.idf.map((x) => Math.round(x * IDF_STEPS)),
    topics: d.topics,
    taxonomy: d.taxonomy.map(({ body: _body, file: _file, ...rules }) => rules),
    papers,
  };
  return JSON.stringify(file);
}

export type DayRead = Result<DayData, string>;

/** The day's data from its file; a file of another version or shape is refused with what is wrong. */
export function decodeDayData(text: string): DayRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail("the For-you data is not JSON");
  }
  const parsed = DayFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`the For-you data is not of this version: ${issue.path.join(".")}: ${issue.message}`);
  }
  const f = parsed.data;
  const terms = f.terms ? f.terms.split(" ") : [];
  if (f.idf.length !== terms.length) return fail("the For-you data's IDF and terms differ in length");
  const papers: DayData["papers"] = [];
  for (const [slug, deltas, weights, topics] of f.papers) {
    let t = 0;
    const ids = deltas.map((d, i) => (t = i ? t + d : d));
    if (
      ids.length !== weights.length ||
      ids.some((i) => i >= terms.length) ||
      topics.some((i) => i >= f.topics.length)
    )
      return fail(`the For-you data of ${slug} points past its lists`);
    papers.push({ slug, vector: unit({ terms: ids, weights }), topics });
  }
  return ok({
    terms,
    idf: f.idf.map((x) => x / IDF_STEPS),
    topics: f.topics,
    papers,
    taxonomy: f.taxonomy.map((t) => ({ ...t, body: "", file: "" })),
  });
}

/**
 * The papers `slugs` names, in that order, taken from whichever day holds each (all days share the
 * site's IDF, so their vectors compare): one day's data for a listing that spans days (a topic
 * page). A slug no day holds is left out.
 */
export function mergeDays(days: DayData[], slugs: string[]): DayData {
  const found = new Map<string, { day: DayData; paper: DayData["papers"][number] }>();
  for (const day of days)
    for (const paper of day.papers) if (!found.has(paper.slug)) found.set(paper.slug, { day, paper });
  const picked = slugs.flatMap((s) => (found.has(s) ? [found.get(s)!] : []));
  const idf = new Map<string, number>();
  const topicSet = new Set<string>();
  for (const { day, paper } of picked) {
    for (const t of paper.vector.terms) idf.set(day.terms[t]!, day.idf[t]!);
    for (const t of paper.topics) topicSet.add(day.topics[t]!);
  }
  const terms = [...idf.keys()].sort();
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  const topics = [...topicSet].sort();
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  return {
    terms,
    idf: terms.map((t) => idf.get(t)!),
    topics,
    taxonomy: days[0]?.taxonomy ?? [],
    papers: picked.map(({ day, paper }) => {
      const pairs = paper.vector.terms
        .map((t, i) => [termIndex.get(day.terms[t]!)!, paper.vector.weights[i]!] as const)
        .sort((a, b) => a[0] - b[0]);
      return {
        slug: paper.slug,
        vector: { terms: pairs.map(([t]) => t), weights: pairs.map(([, w]) => w) },
        topics: paper.topics.map((t) => topicIndex.get(day.topics[t]!)!).sort((a, b) => a - b),
      };
    }),
  };
}

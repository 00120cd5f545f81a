// Owns For-you ranking: the one function the browser and `recommend` use to order one day's papers
// by a reader's library (and against the papers they dismissed), saying for each why.
// Pure: no DOM, no file system.
import type { DayData } from "./data.ts";
import { docText, termCounts } from "./terms.ts";
import { compileTaxonomy, tagPaper } from "../topics/tag.ts";

/** One library paper as ranking sees it: its terms (unit weights) and topics, by name, so any day can read it. */
export interface Interest {
  title: string;
  /** the site paper it is, when it is one */
  slug?: string | undefined;
  terms: Map<string, number>;
  /** topic slug → weight (1 for the site's own tags; a similarity for an entry placed by its text) */
  topics: Map<string, number>;
}

export interface Ranked {
  slug: string;
  score: number;
  because: Because;
}

export interface Because {
  /** the title of the library paper this one is most like */
  like: string;
  /** the terms they share, heaviest first */
  words: string[];
  /** the topics (slugs) this paper shares with the library */
  topics: string[];
}

export const METHODS = ["centroid", "nearest", "centroid+topics", "nearest+topics"] as const;
export type Method = (typeof METHODS)[number];
/** The method chosen by measurement (`npm run eval:foryou`). */
export const METHOD: Method = "nearest+topics";
/**
 * How much the topic part counts against the text part (each scaled to the day's best). Measured on
 * the labels (random halvings, 24 terms a paper): 0.7 → MAP 0.75, 1 → 0.82, 1.5 → 0.85, 2 → 0.86,
 * 3 → 0.86, 100 (topics first, words break ties) → 0.87; 2 is where it stops gaining.
 */
const TOPIC_WEIGHT = 2;

/** A site paper of `day` as an interest (the reader saved it, or an import matched it). */
export function paperInterest(day: DayData, slug: string, title: string): Interest | undefined {
  const p = day.papers.find((x) => x.slug === slug);
  if (!p) return undefined;
  return {
    title,
    slug,
    terms: new Map(p.vector.terms.map((t, i) => [day.terms[t]!, p.vector.weights[i]!])),
    topics: new Map(p.topics.map((t) => [day.topics[t]!, 1])),
  };
}

/**
 * A library entry that is not on the site, placed by its title and abstract: weighed with the
 * day's IDF (a term the day does not know counts as the rarest, so it weighs in the length but
 * matches nothing); its topics are the tagger's, from the day's copy of the site's rules.
 */
export function textInterest(day: DayData, title: string, abstract = ""): Interest {
  const counts = termCounts(docText(title, abstract));
  const idf = new Map(day.terms.map((t, i) => [t, day.idf[i]!]));
  const rarest = Math.max(0, ...day.idf);
  let norm = 0;
  const known = new Map<string, number>();
  for (const [t, c] of counts) {
    const w = (1 + Math.log(c)) * (idf.get(t) ?? rarest);
    norm += w * w;
    if (idf.has(t)) known.set(t, w);
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of known) known.set(t, w / norm);
  const tags = tagPaper(compiled(day), { title, abstract, categories: undefined });
  return { title, terms: known, topics: new Map(tags.map((t) => [t.slug, 1])) };
}

/** A library paper as ranking takes it: a site paper (by slug) or an entry known by its text. */
export interface LibraryPaper {
  title: string;
  abstract?: string | undefined;
  slug?: string | undefined;
}

/**
 * The library as ranking reads it, the same in the browser and in `recommend`: a site paper
 * through its vector in the day data that holds it (left out when none does), any other entry by
 * its title and abstract against `day`.
 */
export function interestsOf(
  entries: LibraryPaper[],
  day: DayData,
  holder: (slug: string) => DayData | undefined,
): Interest[] {
  return entries.flatMap((e) => {
    if (!e.slug) return [textInterest(day, e.title, e.abstract)];
    const held = holder(e.slug);
    const interest = held && paperInterest(held, e.slug, e.title);
    return interest ? [interest] : [];
  });
}

const compiledOf = new WeakMap<DayData, ReturnType<typeof compileTaxonomy>>();
function compiled(day: DayData) {
  let c = compiledOf.get(day);
  if (!c) compiledOf.set(day, (c = compileTaxonomy(day.taxonomy)));
  return c;
}

const indexes = new WeakMap<DayData, Map<string, number>>();
function termIndex(day: DayData): Map<string, number> {
  let index = indexes.get(day);
  if (!index) indexes.set(day, (index = new Map(day.terms.map((t, i) => [t, i]))));
  return index;
}

/** Each day paper's cosine with one interest, through the interest's terms (no dense vectors). */
function similarities(day: DayData, postings: Postings, interest: Interest): Float64Array {
  const out = new Float64Array(day.papers.length);
  const index = termIndex(day);
  for (const [term, w] of interest.terms) {
    const t = index.get(term);
    if (t === undefined) continue;
    const list = postings[t]!;
    for (let i = 0; i < list.length; i += 2) out[list[i]!]! += w * list[i + 1]!;
  }
  return out;
}

/** Per term: paper, weight, paper, weight, … */
type Postings = number[][];
const postingsOf = new WeakMap<DayData, Postings>();
function postings(day: DayData): Postings {
  let lists = postingsOf.get(day);
  if (lists) return lists;
  lists = day.terms.map(() => []);
  day.papers.forEach((p, doc) => p.vector.terms.forEach((t, i) => lists[t]!.push(doc, p.vector.weights[i]!)));
  postingsOf.set(day, lists);
  return lists;
}

/** Each paper's likeness to the library's topics: its topics against the library's topic profile (cosine). */
function topicScores(day: DayData, library: Interest[]): Float64Array {
  const profile = new Map<string, number>();
  for (const e of library) for (const [t, w] of e.topics) profile.set(t, (profile.get(t) ?? 0) + w);
  const norm = Math.hypot(...profile.values()) || 1;
  return Float64Array.from(day.papers, (p) =>
    p.topics.length
      ? p.topics.reduce((s, t) => s + (profile.get(day.topics[t]!) ?? 0), 0) /
        norm /
        Math.sqrt(p.topics.length)
      : 0,
  );
}

const scaled = (xs: Float64Array) => {
  const max = Math.max(0, ...xs);
  return max > 0 ? xs.map((x) => x / max) : xs;
};

/**
 * One day's papers, best first, by likeness to the library: the text part is the mean cosine with
 * the library's papers (ranks as the cosine with their centroid does) or the nearest one's; the
 * topic part the cosine of topics; each scaled to the day's best, then added, topics TOPIC_WEIGHT
 * times. A paper like a dismissed one loses its likeness to it (scaled the same way); a dismissed
 * paper itself goes last. Ties keep the day's own order.
 */
export function rank(
  day: DayData,
  library: Interest[],
  dismissed: Interest[] = [],
  method: Method = METHOD,
): Ranked[] {
  const lists = postings(day);
  const sims = library.map((e) => similarities(day, lists, e));
  const n = day.papers.length;
  const text = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let sum = 0;
    let max = 0;
    for (const s of sims) {
      sum += s[p]!;
      max = Math.max(max, s[p]!);
    }
    text[p] = method.startsWith("nearest") ? max : library.length ? sum / library.length : 0;
  }
  const score = scaled(text);
  if (method.endsWith("+topics"))
    scaled(topicScores(day, library)).forEach((x, p) => (score[p]! += TOPIC_WEIGHT * x));
  if (dismissed.length) {
    const against = new Float64Array(n);
    for (const d of dismissed)
      similarities(day, lists, d).forEach((x, p) => (against[p] = Math.max(against[p]!, x)));
    const top = Math.max(0, ...text, ...against);
    against.forEach((x, p) => (score[p]! -= top > 0 ? x / top : 0));
  }
  // a dismissed paper of the day itself goes below every other
  const gone = new Set(dismissed.map((d) => d.slug));
  const sunk = (p: number) => (gone.has(day.papers[p]!.slug) ? 1 : 0);
  const order = day.papers
    .map((_, p) => p)
    .sort((a, b) => sunk(a) - sunk(b) || score[b]! - score[a]! || a - b);
  return order.map((p) => ({
    slug: day.papers[p]!.slug,
    score: round(score[p]!),
    because: because(day, library, sims, p),
  }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function because(day: DayData, library: Interest[], sims: Float64Array[], p: number): Because {
  const paper = day.papers[p]!;
  // a paper in the library is like the others there, not like itself
  let best = -1;
  sims.forEach((s, i) => {
    if (library[i]!.slug === paper.slug && library.length > 1) return;
    if (best < 0 || s[p]! > sims[best]![p]!) best = i;
  });
  const entry = library[best];
  if (!entry) return { like: "", words: [], topics: [] };
  const words = paper.vector.terms
    .map((t, i) => ({
      term: day.terms[t]!,
      w: paper.vector.weights[i]! * (entry.terms.get(day.terms[t]!) ?? 0),
    }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || (a.term < b.term ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.term);
  const topics = paper.topics.map((t) => day.topics[t]!).filter((t) => library.some((e) => e.topics.has(t)));
  return { like: entry.title, words, topics };
}

/** "like: <title>; words: a, b; topics: x" as `recommend` prints it and cards say it. */
export function becauseText(b: Because): string {
  const parts = [b.like && `like: ${b.like}`];
  if (b.words.length) parts.push(`words: ${b.words.join(", ")}`);
  if (b.topics.length) parts.push(`topics: ${b.topics.join(", ")}`);
  return parts.filter(Boolean).join("; ");
}

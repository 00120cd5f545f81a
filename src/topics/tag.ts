// Owns assignTopics: papers × taxonomy → topics with score and evidence. Pure and deterministic.
import type { Paper } from "../feed/schema.ts";
import type { Topic, TopicTag } from "./schema.ts";
import { phraseStems, stemmedWords, type Words } from "./text.ts";

/** A title match says more about the main subject than a passing mention in the abstract. */
export const TITLE_WEIGHT = 3;

interface Matcher {
  topic: number;
  key: string;
  stems: string[];
  weight: number;
  /** set for the terms of a combo: which combo, and which side */
  combo?: { index: number; side: 0 | 1 };
}

interface Compiled {
  topics: Topic[];
  byFirst: Map<string, Matcher[]>;
  acronyms: { topic: number; key: string; re: RegExp; weight: number }[];
  /** arXiv category → the topics it is evidence for */
  categories: Map<string, { topic: number; weight: number }[]>;
  /** phrases that keep a topic's terms from counting where they occur, by their first stem */
  excludes: Map<string, { topic: number; stems: string[] }[]>;
}

export function compileTaxonomy(topics: Topic[]): Compiled {
  const byFirst = new Map<string, Matcher[]>();
  const add = (m: Matcher) => {
    if (m.stems.length === 0) return;
    const list = byFirst.get(m.stems[0]!) ?? [];
    list.push(m);
    byFirst.set(m.stems[0]!, list);
  };
  const acronyms: Compiled["acronyms"] = [];
  const excludes: Compiled["excludes"] = new Map();
  topics.forEach((t, topic) => {
    for (const [key, weight] of Object.entries(t.phrases))
      add({ topic, key, stems: phraseStems(key), weight });
    for (const [key, weight] of Object.entries(t.acronyms)) {
      const body = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // a name counts at a word or camel-case boundary: LoRA in LongLoRA, SSM in SSMs, not "ssm" in "assmt"
      acronyms.push({
        topic,
        key,
        weight,
        re: new RegExp(`(?<![\\p{Lu}\\p{N}])${body}(?:s|es)?(?![\\p{Ll}\\p{N}])`, "gu"),
      });
    }
    for (const phrase of t.exclude) {
      const stems = phraseStems(phrase);
      if (stems.length) excludes.set(stems[0]!, [...(excludes.get(stems[0]!) ?? []), { topic, stems }]);
    }
    t.combos.forEach((c, index) => {
      c.when.forEach((key) =>
        add({ topic, key, stems: phraseStems(key), weight: 0, combo: { index, side: 0 } }),
      );
      c.with.forEach((key) =>
        add({ topic, key, stems: phraseStems(key), weight: 0, combo: { index, side: 1 } }),
      );
    });
  });
  const categories = new Map<string, { topic: number; weight: number }[]>();
  topics.forEach((t, topic) => {
    for (const [category, weight] of Object.entries(t.categories)) {
      categories.set(category, [...(categories.get(category) ?? []), { topic, weight }]);
    }
  });
  return { topics, byFirst, acronyms, excludes, categories };
}

interface Hit {
  topic: number;
  key: string;
  weight: number;
  title: boolean;
  sentence: number;
  text: string;
  combo?: Matcher["combo"];
}

/** What a word that starts no term finds: one shared empty list, not a new one for each word. */
const NONE: readonly never[] = [];

function matchField(c: Compiled, text: string, title: boolean, hits: Hit[]) {
  const ws = stemmedWords(text);
  const n = ws.stems.length;
  // word i of topic t is masked when an exclude phrase of t covers it: key i × topics + t
  const topics = c.topics.length;
  const masked = new Set<number>();
  for (let i = 0; i < n; i++)
    for (const ex of c.excludes.get(ws.stems[i]!) ?? NONE)
      if (matchesAt(ws, i, ex.stems)) ex.stems.forEach((_, k) => masked.add((i + k) * topics + ex.topic));
  const isMasked = (topic: number, from: number, count: number) => {
    for (let k = 0; k < count && masked.size; k++) if (masked.has((from + k) * topics + topic)) return true;
    return false;
  };
  for (let i = 0; i < n; i++) {
    for (const m of c.byFirst.get(ws.stems[i]!) ?? NONE) {
      if (!matchesAt(ws, i, m.stems)) continue;
      if (isMasked(m.topic, i, m.stems.length)) continue;
      hits.push({
        topic: m.topic,
        key: m.key,
        weight: m.weight,
        title,
        sentence: ws.sentences[i]!,
        text: text.slice(ws.starts[i], ws.ends[i + m.stems.length - 1]),
        combo: m.combo,
      });
    }
  }
  for (const a of c.acronyms) {
    // most names appear in few papers: a plain substring test skips the regular expression
    if (!text.includes(a.key)) continue;
    for (const m of text.matchAll(a.re)) {
      const at = wordAt(ws, m.index);
      if (at >= 0 && isMasked(a.topic, at, 1)) continue;
      hits.push({
        topic: a.topic,
        key: a.key,
        weight: a.weight,
        title,
        sentence: at >= 0 ? ws.sentences[at]! : 0,
        text: m[0],
      });
    }
  }
}

/** The index of the first word that ends after `offset`, or -1 (words are in text order). */
function wordAt(ws: Words, offset: number): number {
  let lo = 0;
  let hi = ws.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws.ends[mid]! > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < ws.ends.length ? lo : -1;
}

/** A phrase matches inside one sentence only: "…efficiently. Attention…" is not "efficient attention". */
function matchesAt(ws: Words, i: number, stems: string[]): boolean {
  for (let k = 0; k < stems.length; k++)
    if (ws.stems[i + k] !== stems[k] || ws.sentences[i + k] !== ws.sentences[i]) return false;
  return true;
}

/** Repeated mentions add up, but slowly: the fifth mention is no more telling than the fourth. */
const repeated = (n: number) => (n === 0 ? 0 : 1 + 0.25 * Math.min(n - 1, 4));

function score(c: Compiled, hits: Hit[]): TopicTag[] {
  const out: TopicTag[] = [];
  const byTopic: Hit[][] = c.topics.map(() => []);
  for (const h of hits) byTopic[h.topic]!.push(h);
  c.topics.forEach((t, topic) => {
    const mine = byTopic[topic]!;
    // thresholds are positive: a topic with no hit cannot be assigned
    if (!mine.length) return;
    const parts = new Map<string, number>();
    const evidence = new Map<string, string>();
    const plain = mine.filter((h) => !h.combo);
    for (const key of new Set(plain.map((h) => h.key))) {
      const of = plain.filter((h) => h.key === key);
      const w = of[0]!.weight;
      const value =
        (of.some((h) => h.title) ? w * TITLE_WEIGHT : 0) + w * repeated(of.filter((h) => !h.title).length);
      parts.set(key, value);
      evidence.set(key, of[0]!.text);
    }
    t.combos.forEach((combo, index) => {
      const of = mine.filter((h) => h.combo?.index === index);
      const places = new Map<string, { sides: Set<number>; texts: string[]; title: boolean }>();
      for (const h of of) {
        const place = h.title ? "t" : `a${h.sentence}`;
        const p = places.get(place) ?? { sides: new Set(), texts: [], title: h.title };
        p.sides.add(h.combo!.side);
        p.texts[h.combo!.side] ??= h.text;
        places.set(place, p);
      }
      const both = [...places.values()].filter((p) => p.sides.size === 2);
      if (!both.length) return;
      const value =
        (both.some((p) => p.title) ? combo.weight * TITLE_WEIGHT : 0) +
        combo.weight * repeated(both.filter((p) => !p.title).length);
      const key = `combo:${index}`;
      parts.set(key, value);
      evidence.set(key, `${both[0]!.texts[0]} + ${both[0]!.texts[1]}`);
    });
    const total = [...parts.values()].reduce((a, b) => a + b, 0);
    if (total < t.threshold) return;
    const ranked = [...parts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const seen = new Set<string>();
    const ev: string[] = [];
    for (const [key] of ranked) {
      const text = evidence.get(key)!;
      if (seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      ev.push(text);
    }
    out.push({
      slug: t.slug,
      name: t.name,
      score: Math.round(total * 100) / 100,
      evidence: ev,
      source: "rules",
    });
  });
  return mainSubjects(
    c.topics,
    out.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug)),
  );
}

/**
 * A paper gets the topics that are a main subject of it: each must reach a share of the best
 * topic's score, and a topic that defers to another (a method topic to its benchmark topic) is
 * dropped when that other topic is assigned with a higher score.
 */
export const RELATIVE_SHARE = 0.2;

function mainSubjects(topics: Topic[], tags: TopicTag[]): TopicTag[] {
  const best = tags[0]?.score ?? 0;
  const kept = tags.filter((t) => t.score >= best * RELATIVE_SHARE);
  const scoreOf = new Map(kept.map((t) => [t.slug, t.score]));
  return kept.filter((t) => {
    const topic = topics.find((x) => x.slug === t.slug)!;
    return !topic.defer_to.some((other) => (scoreOf.get(other) ?? -1) > t.score);
  });
}

export function tagPaper(c: Compiled, paper: Pick<Paper, "title" | "abstract" | "categories">): TopicTag[] {
  const hits: Hit[] = [];
  matchField(c, paper.title, true, hits);
  matchField(c, paper.abstract, false, hits);
  // an arXiv category counts once, like one mention in the abstract
  for (const category of new Set(paper.categories ?? [])) {
    for (const { topic, weight } of c.categories.get(category) ?? []) {
      hits.push({
        topic,
        key: `category:${category}`,
        weight,
        title: false,
        sentence: -1,
        text: `arXiv ${category}`,
      });
    }
  }
  return score(c, hits);
}

/**
 * Each paper with its topics. `readable` gives a title or abstract as a reader sees it (the build
 * passes the LaTeX reader's text, so `\emph{Sparse}` matches "sparse" and evidence never shows TeX).
 */
export function assignTopics<P extends Pick<Paper, "title" | "abstract" | "categories">>(
  papers: P[],
  topics: Topic[],
  readable: (text: string) => string = (text) => text,
): (P & { topics: TopicTag[] })[] {
  const c = compileTaxonomy(topics);
  return papers.map((p) => ({
    ...p,
    topics: tagPaper(c, {
      title: readable(p.title),
      abstract: readable(p.abstract),
      categories: p.categories,
    }),
  }));
}

// Owns measuring For-you on hand labels: a reader whose library is one topic's papers of one "day"
// ranks the next day; relevant are that day's papers with the topic. Days are halves of a labelled
// dump: the fixed first/second half, and many seeded random halvings. Pure: the CLI reads the files.
import { buildDayData, siteIdf, type ForYouPaper } from "./data.ts";
import type { Topic } from "../topics/schema.ts";
import { paperInterest, rank, textInterest, type Method } from "./score.ts";

export interface LabelledPaper extends ForYouPaper {
  /** the hand labels: used only to pick libraries and judge, never as a feature */
  gold: string[];
}

export interface Figures {
  /** mean average precision over every (split, topic) */
  map: number;
  /** relevant among the first five, over min(5, relevant) */
  p5: number;
  /** relevant among the first five, over 5 */
  p5plain: number;
  queries: number;
}

export interface MethodRow {
  method: Method | "random";
  onSite: Figures;
  textOnly: Figures;
}

export interface Protocol {
  name: string;
  splits: [LabelledPaper[], LabelledPaper[]][];
}

/** The fixed halves (in the dump's order, and the other way round) and `count` seeded random halvings. */
export function protocols(papers: LabelledPaper[], count = 200, seed = 23): Protocol[] {
  const half = Math.floor(papers.length / 2);
  const [a, b] = [papers.slice(0, half), papers.slice(half)];
  const rand = mulberry(seed);
  const random: [LabelledPaper[], LabelledPaper[]][] = [];
  for (let i = 0; i < count; i++) {
    const shuffled = [...papers];
    for (let j = shuffled.length - 1; j > 0; j--) {
      const k = Math.floor(rand() * (j + 1));
      [shuffled[j], shuffled[k]] = [shuffled[k]!, shuffled[j]!];
    }
    random.push([shuffled.slice(0, half), shuffled.slice(half)]);
  }
  return [
    {
      name: "fixed halves (first→second, second→first)",
      splits: [
        [a, b],
        [b, a],
      ],
    },
    { name: `${count} random halvings (seed ${seed})`, splits: random },
  ];
}

function mulberry(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function averagePrecision(order: string[], relevant: Set<string>): number {
  let hits = 0;
  let sum = 0;
  order.forEach((slug, i) => {
    if (relevant.has(slug)) sum += ++hits / (i + 1);
  });
  return relevant.size ? sum / relevant.size : 0;
}

class Tally {
  ap = 0;
  p5 = 0;
  p5plain = 0;
  n = 0;
  add(order: string[], relevant: Set<string>) {
    const top = order.slice(0, 5).filter((s) => relevant.has(s)).length;
    this.ap += averagePrecision(order, relevant);
    this.p5 += top / Math.min(5, relevant.size);
    this.p5plain += top / 5;
    this.n++;
  }
  figures(): Figures {
    const n = this.n || 1;
    return { map: this.ap / n, p5: this.p5 / n, p5plain: this.p5plain / n, queries: this.n };
  }
}

/** Every method's figures on one protocol; "random" is the mean of seeded shuffles of each day. */
export function evaluateForYou(
  all: LabelledPaper[],
  taxonomy: Topic[],
  protocol: Protocol,
  methods: readonly Method[],
): MethodRow[] {
  const idf = siteIdf(all);
  const tallies = new Map<MethodRow["method"], [Tally, Tally]>(
    (["random", ...methods] as const).map((m) => [m, [new Tally(), new Tally()]]),
  );
  const rand = mulberry(7);
  for (const [first, second] of protocol.splits) {
    const [day1, day2] = [buildDayData(first, idf, taxonomy), buildDayData(second, idf, taxonomy)];
    for (const topic of [...new Set(first.flatMap((p) => p.gold))].sort()) {
      const library = first.filter((p) => p.gold.includes(topic));
      const relevant = new Set(second.filter((p) => p.gold.includes(topic)).map((p) => p.slug));
      if (!relevant.size) continue;
      const onSite = library.map((p) => paperInterest(day1, p.slug, p.title)!);
      const textOnly = library.map((p) => textInterest(day2, p.title, p.abstract));
      for (const method of methods) {
        const [a, b] = tallies.get(method)!;
        a.add(
          rank(day2, onSite, [], method).map((r) => r.slug),
          relevant,
        );
        b.add(
          rank(day2, textOnly, [], method).map((r) => r.slug),
          relevant,
        );
      }
      const shuffled = second.map((p) => ({ slug: p.slug, key: rand() })).sort((x, y) => x.key - y.key);
      for (const t of tallies.get("random")!)
        t.add(
          shuffled.map((x) => x.slug),
          relevant,
        );
    }
  }
  return [...tallies].map(([method, [a, b]]) => ({ method, onSite: a.figures(), textOnly: b.figures() }));
}

/** The table `eval:foryou` prints: one row per method, the winner (best on-site MAP) marked. */
export function formatForYouTable(protocol: string, rows: MethodRow[]): string {
  const best = rows.filter((r) => r.method !== "random").sort((a, b) => b.onSite.map - a.onSite.map)[0];
  const f = (x: number) => x.toFixed(3);
  const lines = [
    protocol,
    "method            on-site MAP  P@5    (P@5/5)  text-only MAP  P@5    (P@5/5)",
    ...rows.map(
      (r) =>
        `${(r.method === best?.method ? "* " : "  ") + r.method.padEnd(16)}${f(r.onSite.map).padStart(11)}  ${f(r.onSite.p5)}  (${f(r.onSite.p5plain)})  ${f(r.textOnly.map).padStart(13)}  ${f(r.textOnly.p5)}  (${f(r.textOnly.p5plain)})`,
    ),
    `${rows[0]?.onSite.queries ?? 0} queries (split × topic with papers on both days); * the winner by on-site MAP`,
  ];
  return lines.join("\n");
}

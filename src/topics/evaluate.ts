// Owns scoring tags against hand labels: per-topic precision/recall and micro-F1.
import { z } from "zod";
import { titleKey } from "../common/text.ts";

export const GoldLabels = z.array(
  z.object({ title: z.string(), topics: z.array(z.string()), note: z.string().optional() }),
);
export type GoldLabels = z.infer<typeof GoldLabels>;

export interface Row {
  slug: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  rows: Row[];
  micro: Row;
  unmatched: string[];
  errors: { title: string; missing: string[]; extra: string[] }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
function row(slug: string, tp: number, fp: number, fn: number): Row {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    slug,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

export function evaluate(
  predicted: { title: string; topics: { slug: string }[] }[],
  gold: GoldLabels,
  slugs: string[],
): Evaluation {
  const byTitle = new Map(predicted.map((p) => [titleKey(p.title), new Set(p.topics.map((t) => t.slug))]));
  const counts = new Map(slugs.map((s) => [s, { tp: 0, fp: 0, fn: 0 }]));
  const unmatched: string[] = [];
  const errors: Evaluation["errors"] = [];
  for (const g of gold) {
    const got = byTitle.get(titleKey(g.title));
    if (!got) {
      unmatched.push(g.title);
      continue;
    }
    const want = new Set(g.topics);
    for (const s of slugs) {
      const c = counts.get(s)!;
      if (got.has(s) && want.has(s)) c.tp++;
      else if (got.has(s)) c.fp++;
      else if (want.has(s)) c.fn++;
    }
    const missing = [...want].filter((s) => !got.has(s));
    const extra = [...got].filter((s) => !want.has(s));
    if (missing.length || extra.length) errors.push({ title: g.title, missing, extra });
  }
  const rows = slugs.map((s) => row(s, counts.get(s)!.tp, counts.get(s)!.fp, counts.get(s)!.fn));
  const sum = (k: "tp" | "fp" | "fn") => rows.reduce((a, r) => a + r[k], 0);
  return { rows, micro: row("micro", sum("tp"), sum("fp"), sum("fn")), unmatched, errors };
}

export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => x.toFixed(2).padStart(11);
  const line = (r: Row) =>
    `${r.slug.padEnd(26)}${String(r.tp).padStart(4)}${String(r.fp).padStart(4)}${String(r.fn).padStart(4)}${pct(r.precision)}${pct(r.recall)}${pct(r.f1)}`;
  return [
    `${"topic".padEnd(26)}${"tp".padStart(4)}${"fp".padStart(4)}${"fn".padStart(4)}${"precision".padStart(11)}${"recall".padStart(11)}${"f1".padStart(11)}`,
    ...e.rows.map(line),
    line(e.micro),
    ...(e.unmatched.length ? [`${e.unmatched.length} labelled titles not found in the dumps`] : []),
  ].join("\n");
}

// Figures over samples, and the tables that print them, for the bench.
import type { Row } from "./browser-report.ts";

/** The p-th percentile (nearest rank, lower) of the samples. */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** The middle sample, or the mean of the two middle ones. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A figure rounded to `digits` decimals, as a number for the tables. */
export const fixed = (x: number, digits = 0) => Number(x.toFixed(digits));

/** Rows as columns padded to their widest cell. */
export function table(rows: Row[]): string {
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(width[i]!)).join("  ");
  return [line(cols), ...rows.map((r) => line(cols.map((c) => String(r[c]))))].join("\n");
}

// A project of synthetic daily dumps for the trend tests: the shipped topics, one dump a day.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { syntheticDump } from "../bench/synthetic.ts";
import { ROOT } from "../helpers.ts";

const HEADER = 5;
const REPEATS = 10;

/**
 * `days` consecutive dumps from `from` (YYYY-MM-DD), named YYYY-MM-DD-trending.txt, 50 papers each:
 * from the second day on, 40 new papers and the first 10 of the day before again (a paper stays on
 * a trending list for days), so a paper's arrival and its appearances differ.
 */
export function trendProject(root: string, days: number, from = "2025-01-01"): string {
  mkdirSync(path.join(root, "content", "feeds"), { recursive: true });
  cpSync(path.join(ROOT, "content", "topics"), path.join(root, "content", "topics"), { recursive: true });
  let previous: string[] = [];
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + day * 86_400_000);
    const label = `${date.toUTCString().slice(8, 11)} ${date.getUTCDate()}`;
    const text = syntheticDump(day === 0 ? 50 : 50 - REPEATS, day + 1, label);
    const parts = text.trimEnd().split("\n\n");
    const file = `${date.toISOString().slice(0, 10)}-trending.txt`;
    writeFileSync(path.join(root, "content", "feeds", file), [...parts, ...previous].join("\n\n") + "\n");
    previous = parts.slice(HEADER, HEADER + 2 * REPEATS);
  }
  return root;
}

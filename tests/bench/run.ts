// npm run bench: prints the figures, measured in this run on this machine. Not a test: no pass/fail.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { syntheticDump } from "./synthetic.ts";
import { ROOT } from "../helpers.ts";

const big = process.argv.includes("--50k");
const dir = mkdtempSync(path.join(tmpdir(), "pd-bench-"));
const task = (what: string, file: string) =>
  JSON.parse(execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/bench/task.ts"), what, file], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n").at(-1)!);

const sizes: [string, string][] = [["real dump", path.join(ROOT, "content/feeds/2025-03-11-trending.txt")]];
for (const n of [1000, 10000, ...(big ? [50000] : [])]) {
  const file = path.join(dir, `synthetic-${n}.txt`);
  writeFileSync(file, syntheticDump(n));
  sizes.push([`synthetic ${n}`, file]);
}

const f = (x: number, d = 0) => x.toFixed(d).padStart(9);
console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}\n`);
console.log("parse + tag (one dump)");
console.log(`${"input".padEnd(18)}${"papers".padStart(9)}${"parse ms".padStart(9)}${"tag ms".padStart(9)}${"peak MB".padStart(9)}`);
for (const [name, file] of sizes) {
  const r = task("parse", file);
  console.log(`${name.padEnd(18)}${f(r.papers)}${f(r.parseMs)}${f(r.tagMs)}${f(r.peakMB)}`);
}
console.log("\nsearch (whole lunr index + store; load = JSON.parse + Index.load in Node)");
console.log(`${"input".padEnd(18)}${"papers".padStart(9)}${"build ms".padStart(9)}${"raw KB".padStart(9)}${"gzip KB".padStart(9)}${"load ms".padStart(9)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}`);
for (const [name, file] of sizes.filter(([n]) => !n.includes("50000"))) {
  const r = task("search", file);
  console.log(`${name.padEnd(18)}${f(r.papers)}${f(r.buildMs)}${f(r.rawKB)}${f(r.gzipKB)}${f(r.loadMs, 1)}${f(r.p50, 2)}${f(r.p95, 2)}`);
}
rmSync(dir, { recursive: true, force: true });

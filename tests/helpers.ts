// Test helpers: a fake terminal for the CLI and temporary folders.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import assert from "node:assert/strict";
import path from "node:path";
import { main } from "../src/cli/main.ts";
import type { Cli } from "../src/cli/context.ts";
import type { Result } from "../src/common/result.ts";

export const ROOT = path.resolve(new URL("..", import.meta.url).pathname);

/** Runs the command line as a terminal would; `extra` sets the Cli's optional parts (a fixed clock, limits). */
export async function runCli(argv: string[], cwd = ROOT, extra: Pick<Cli, "now" | "dumpLimit"> = {}) {
  let stdout = "";
  let stderr = "";
  const cli: Cli = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env: {},
    ...extra,
  };
  const code = await main(argv, cli);
  return { code, stdout, stderr };
}

export function tempDir(t: { after: (fn: () => void) => void }, prefix = "pd-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A project's site built into a temporary folder removed when the process exits; fails on any error. */
export async function builtSite(root = ROOT, feeds: string[] = []): Promise<string> {
  const out = path.join(tempDir({ after: (fn) => process.on("exit", fn) }), "site");
  const r = await runCli(["build", ...feeds, "--out", out], root);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  return out;
}

/** A temporary project: a copy of the repository's content/ folder, removed after the test. */
export function project(t: { after: (fn: () => void) => void }): string {
  const root = tempDir(t);
  cpSync(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
  return root;
}

/** The value of a result that must have succeeded; fails the test with the error otherwise. */
export function valueOf<T, E>(r: Result<T, E>): T {
  if (!r.ok) assert.fail(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The error of a result that must have failed; fails the test with the value otherwise. */
export function errorOf<T, E>(r: Result<T, E>): E {
  if (r.ok) assert.fail(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}

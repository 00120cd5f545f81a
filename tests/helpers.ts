// Test helpers: a fake terminal for the CLI and temporary folders.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main, type Cli } from "../src/cli/main.ts";

export const ROOT = path.resolve(new URL("..", import.meta.url).pathname);

export async function runCli(argv: string[], cwd = ROOT) {
  let stdout = "";
  let stderr = "";
  const cli: Cli = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {} };
  const code = await main(argv, cli);
  return { code, stdout, stderr };
}

export function tempDir(t: { after: (fn: () => void) => void }, prefix = "pd-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Owns which dump files a command reads: the ones named, else content/feeds/*.txt.
import path from "node:path";
import { listFiles } from "../io.ts";
import type { Diagnostic } from "../feed/schema.ts";

export const FEEDS_DIR = path.join("content", "feeds");

export async function feedFiles(positionals: string[], cwd: string): Promise<{ files: string[]; diagnostic?: Diagnostic }> {
  if (positionals.length) return { files: positionals };
  const dir = path.join(cwd, FEEDS_DIR);
  const found = await listFiles(dir, ".txt");
  const rel = found.files.map((f) => path.relative(cwd, f));
  if (!found.diagnostic && rel.length === 0) {
    return { files: [], diagnostic: { file: path.relative(cwd, dir) || ".", severity: "error", message: "holds no dump (*.txt)" } };
  }
  return { files: rel, diagnostic: found.diagnostic && { ...found.diagnostic, file: path.relative(cwd, dir) } };
}

// Owns loading dumps from disk into merged records: the one place that reads feed files.
import path from "node:path";
import { listFiles, readTextFile } from "../io.ts";
import type { Diagnostic } from "./schema.ts";
import { parseFeed, type ParsedDump } from "./parse.ts";
import { mergeDumps, type Merged } from "./merge.ts";

export interface Loaded extends Merged {
  dumps: ParsedDump[];
}

export async function loadDumps(files: string[]): Promise<Loaded> {
  const diagnostics: Diagnostic[] = [];
  const dumps: ParsedDump[] = [];
  for (const file of files) {
    const read = await readTextFile(file);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const dump = parseFeed(read.value.text, file);
    diagnostics.push(...dump.diagnostics);
    dumps.push(dump);
  }
  const merged = mergeDumps(dumps);
  return { ...merged, dumps, diagnostics: [...diagnostics, ...merged.diagnostics] };
}

export const FEEDS_DIR = path.join("content", "feeds");

/** The dumps to read: the files named, else every content/feeds/*.txt under root (absolute paths). */
export async function feedFiles(
  root: string,
  named?: string[],
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  if (named?.length) return { files: named.map((f) => path.resolve(root, f)), diagnostics: [] };
  const dir = path.join(root, FEEDS_DIR);
  const listed = await listFiles(dir, ".txt");
  if (listed.diagnostic)
    return {
      files: [],
      diagnostics: [{ ...listed.diagnostic, message: `feed folder: ${listed.diagnostic.message}` }],
    };
  if (!listed.files.length)
    return { files: [], diagnostics: [{ file: dir, severity: "error", message: "holds no dump (*.txt)" }] };
  return { files: listed.files, diagnostics: [] };
}

// Owns loading dumps from disk into merged records: the one place that reads feed files.
import { readTextFile } from "../io.ts";
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

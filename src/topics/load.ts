// Owns reading the taxonomy and override files from disk and handing their text to the parsers.
import path from "node:path";
import { listFiles, readTextFile } from "../io.ts";
import type { Diagnostic } from "../feed/schema.ts";
import type { SourceText } from "./taxonomy.ts";

export async function readSources(
  dir: string,
  optional: boolean,
): Promise<{ sources: SourceText[]; diagnostics: Diagnostic[] }> {
  const listed = await listFiles(dir, ".md");
  if (listed.diagnostic) return { sources: [], diagnostics: optional ? [] : [listed.diagnostic] };
  const sources: SourceText[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of listed.files) {
    if (path.basename(file).startsWith("_") || path.basename(file).toLowerCase() === "readme.md") continue;
    const r = await readTextFile(file, 1024 * 1024);
    if (r.ok) sources.push(r.value);
    else diagnostics.push(r.diagnostic);
  }
  return { sources, diagnostics };
}

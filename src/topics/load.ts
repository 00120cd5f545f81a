// Owns reading the taxonomy and override files from disk and handing their text to the parsers.
import path from "node:path";
import { listFiles, readTextFile } from "../io.ts";
import type { Diagnostic } from "../common/diagnostics.ts";
import { SOURCE_LIMIT } from "../common/limits.ts";
import type { SourceText } from "./taxonomy.ts";

export const TOPICS_DIR = path.join("content", "topics");
export const OVERRIDES_DIR = path.join("content", "papers");

/** The Markdown files of a content folder (relative to root), named relative to root in messages. */
export async function readSources(
  root: string,
  dir: string,
  optional: boolean,
): Promise<{ sources: SourceText[]; diagnostics: Diagnostic[] }> {
  const listed = await listFiles(path.join(root, dir), ".md");
  if (!listed.ok) return { sources: [], diagnostics: optional ? [] : [{ ...listed.error, file: dir }] };
  const sources: SourceText[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of listed.value) {
    const base = path.basename(file);
    if (base.startsWith("_") || base.toLowerCase() === "readme.md") continue;
    const r = await readTextFile(file, { name: path.join(dir, base), limit: SOURCE_LIMIT });
    if (r.ok) sources.push(r.value);
    else diagnostics.push(r.error);
  }
  return { sources, diagnostics };
}

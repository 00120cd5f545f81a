// Owns loading dumps from disk: which files, read and parsed one by one. The one place that reads feed files.
import path from "node:path";
import { listFiles, readTextFile } from "../io.ts";
import type { Diagnostic } from "../common/diagnostics.ts";
import { parseFeed, type ParsedDump } from "./parse.ts";

export const FEEDS_DIR = path.join("content", "feeds");
/** The endings of dump files: pasted text, Hugging Face JSON, arXiv XML. */
export const DUMP_ENDINGS = [".txt", ".json", ".xml"];

/** A file to read: where it is, and the name messages give it (relative to the project). */
export interface SourceFile {
  path: string;
  name: string;
}

/** A path as messages name it: relative to the project folder when it is inside it. */
export function displayName(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/** The dumps to read: the files named (relative to root), else every dump in content/feeds/. */
export async function feedFiles(
  root: string,
  named?: string[],
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const source = (f: string) => {
    const abs = path.resolve(root, f);
    return { path: abs, name: displayName(root, abs) };
  };
  if (named?.length) return { files: named.map(source), diagnostics: [] };
  const dir = path.join(root, FEEDS_DIR);
  const listed = await listFiles(dir, DUMP_ENDINGS);
  if (!listed.ok) {
    const message = `feed folder: ${listed.error.message}`;
    return { files: [], diagnostics: [{ ...listed.error, file: FEEDS_DIR, message }] };
  }
  if (!listed.value.length) {
    return {
      files: [],
      diagnostics: [{ file: FEEDS_DIR, severity: "error", message: "holds no dump (*.txt, *.json, *.xml)" }],
    };
  }
  return { files: listed.value.map(source), diagnostics: [] };
}

/** Reads and parses each dump; a file that cannot be read is a diagnostic, and the rest go on. */
export async function readDumps(
  files: SourceFile[],
): Promise<{ dumps: ParsedDump[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const dumps: ParsedDump[] = [];
  for (const file of files) {
    const read = await readTextFile(file.path, { name: file.name });
    if (!read.ok) {
      diagnostics.push(read.error);
      continue;
    }
    const dump = parseFeed(read.value.text, file.name);
    diagnostics.push(...dump.diagnostics);
    dumps.push(dump);
  }
  return { dumps, diagnostics };
}

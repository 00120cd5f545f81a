// Owns reading YAML front matter (dumps, topic files, overrides): gray-matter, one shape of result
// and of error, and the line where the body starts so later diagnostics keep their line numbers.
import matter from "gray-matter";
import type { Diagnostic } from "./diagnostics.ts";
import { fail, ok, type Result } from "./result.ts";

export interface FrontMatter {
  /** the YAML as read; {} when the file has no front matter */
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file */
  bodyLine: number;
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /\n---[ \t]*(\n|$)/;

/** Splits normalised text (LF line ends, no BOM) into front matter and body. */
export function readFrontMatter(text: string, file: string): Result<FrontMatter> {
  if (!OPEN.test(text)) return ok({ data: {}, body: text, bodyLine: 1 });
  const error = (message: string) => fail<Diagnostic>({ file, line: 1, severity: "error", message });
  const close = CLOSE.exec(text);
  if (!close) return error("front matter opened with '---' is never closed by a second '---' line");
  let data: unknown;
  try {
    // an options object turns off gray-matter's cache, which would keep every file's text alive
    data = matter(text, { excerpt: false }).data;
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    return error(`front matter is not valid YAML: ${first}`);
  }
  const end = close.index + close[0].length;
  const bodyLine = text.slice(0, end).split("\n").length - (close[1] === "\n" ? 0 : 1);
  return ok({ data: data ?? {}, body: text.slice(end), bodyLine });
}

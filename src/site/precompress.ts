// Owns the site's pre-compressed copies: `x.gz` beside `x`, and `x.br` from 8 KB, for hosts that
// serve them as they are (nginx gzip_static/brotli_static, Caddy `precompressed`, Apache with
// rewrite rules) instead of compressing on every request. One list says which files get them; every
// file the build writes itself passes through here as it is written, and the files Eleventy copies
// in are compressed after rendering.
//
// Measured on the 10,000-paper site of an earlier index format, with 11.6 MB of shards and 10,000
// one-kilobyte documents: they took 10 s with gzip -9 and Brotli 10 (6 for small files), longer
// than the pages take to render, and 4.6 s with gzip -6 and Brotli 9. A 100 KB shard takes 4 ms at Brotli quality 6, 22 ms at 9 and
// 38 ms at 10 (12.5, 9.3, 8.7 KB): quality 6 is still half the size of gzip. gzip -6 is about twice
// as fast as -9 for 1-2 % more. So: gzip -6 and Brotli 6, which keeps the index thread shorter
// than the rendering it runs beside.
//
// Below 8 KB, only gzip. Brotli has a cost per file that gzip has not: the 10,000-paper site's
// 5,624 documents of 2-8 KB (12.5 MB) took 0.47-1.0 s at Brotli 6 against 0.25-0.40 s at gzip -6,
// to be 10 % smaller (5.92 against 6.55 MB, about 110 bytes a document), and were 5,624 more files
// for the index thread to write. A host that serves `x.br` serves `x.gz` where there is none.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readBuilt, writeFiles } from "../io.ts";

export interface OutputFile {
  /** path inside the site, no leading slash */
  path: string;
  contents: string | Uint8Array;
}

/**
 * Which files of a site get compressed copies (when big enough): the stylesheets every page loads,
 * which Eleventy copies in, and what the build writes itself, the bundled scripts and every file of
 * the search index and For you's data. Not HTML (every host compresses it), feeds, the icon or fonts.
 */
const PRECOMPRESSED = {
  copiedIn: ["assets/style.css", "assets/katex/katex.min.css"],
  written: [/^assets\/[^/]+\.js$/, /^search\/.+\.json$/, /^foryou\/.+\.json$/],
  /**
   * The search index's document packs (its `d-…` folder, src/search/index-files.ts) get gzip only,
   * whatever their size: they are most of the index's files and bytes. On 10,000 arXiv-shaped
   * papers a 28.5 KB pack (of 16) is 9.3 KB gzipped and 8.9 KB at Brotli 6 (5 % less); at 100,000
   * papers, in packs of 8, Brotli copies would be 12,500 more files.
   */
  gzipOnly: [/^search\/d-[^/]+\//],
};

/** Whether a file of the site, by its path inside the site, gets compressed copies. */
export function precompressed(file: string): boolean {
  return PRECOMPRESSED.copiedIn.includes(file) || PRECOMPRESSED.written.some((r) => r.test(file));
}

/**
 * Files smaller than this are left as they are: a one-kilobyte file gains a few hundred bytes, less
 * than a request's headers (when search documents had a file each, 10,000 of them would have been
 * 20,000 more files to write).
 */
const WORTH_IT = 2048;

/** Files from this size on get a Brotli copy too (see above). */
const BROTLI_FROM = 8192;

/** A file's compressed copies: none for a small file or one off the list, gzip alone for a mid-sized one. */
function copies(f: OutputFile): OutputFile[] {
  const size = typeof f.contents === "string" ? Buffer.byteLength(f.contents) : f.contents.byteLength;
  if (size < WORTH_IT || !precompressed(f.path)) return [];
  const gz = { path: `${f.path}.gz`, contents: gzipSync(f.contents, { level: 6 }) };
  if (size < BROTLI_FROM || PRECOMPRESSED.gzipOnly.some((r) => r.test(f.path))) return [gz];
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: 6,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  };
  return [gz, { path: `${f.path}.br`, contents: brotliCompressSync(f.contents, { params }) }];
}

/**
 * Writes files, and (when `precompress`) the copies of those on the list, a batch at a time, so
 * the compressed bytes of a whole index are never held at once. Returns how many files were written.
 */
export async function writeWithCopies(
  root: string,
  files: OutputFile[],
  precompress: boolean,
  batch = 256,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < files.length; i += batch) {
    const out = files.slice(i, i + batch).flatMap((f) => [f, ...(precompress ? copies(f) : [])]);
    await writeFiles(root, out);
    written += out.length;
  }
  return written;
}

/** Writes the copies of the files on the list that Eleventy copied into `root` (the stylesheets). */
export async function compressCopiedIn(root: string): Promise<void> {
  const copied = await readBuilt(root, PRECOMPRESSED.copiedIn);
  await writeFiles(root, copied.flatMap(copies));
}

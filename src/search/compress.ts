// Owns the pre-compressed copies of the files a search fetches: `x.gz` and `x.br` beside `x`, for
// hosts that serve them as they are (nginx gzip_static/brotli_static, Caddy `precompressed`,
// Apache with rewrite rules) instead of compressing on every request.
//
// Measured on the 10,000-paper site: its 11.6 MB of shards and 10,000 one-kilobyte documents took
// 10 s with gzip -9 and Brotli 10 (6 for small files), longer than the pages take to render, and
// 4.6 s with gzip -6 and Brotli 9. A 100 KB shard takes 4 ms at Brotli quality 6, 22 ms at 9 and
// 38 ms at 10 (12.5, 9.3, 8.7 KB): quality 6 is still half the size of gzip. gzip -6 is about twice
// as fast as -9 for 1-2 % more. So: gzip -6 and Brotli 6, which keeps the index thread shorter
// than the rendering it runs beside.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { writeFiles } from "../io.ts";

export interface OutputFile {
  /** path inside the site, no leading slash */
  path: string;
  contents: string | Uint8Array;
}

/**
 * Files smaller than this are left as they are: a one-kilobyte document gains a few hundred bytes,
 * less than a request's headers, and the 10,000 of them would be 20,000 more files to write.
 */
const WORTH_IT = 2048;

/** A file and its two compressed copies (a small file alone). */
function compressed(f: OutputFile): OutputFile[] {
  const size = typeof f.contents === "string" ? Buffer.byteLength(f.contents) : f.contents.byteLength;
  if (size < WORTH_IT) return [f];
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: 6,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  };
  return [
    f,
    { path: `${f.path}.gz`, contents: gzipSync(f.contents, { level: 6 }) },
    { path: `${f.path}.br`, contents: brotliCompressSync(f.contents, { params }) },
  ];
}

export function withCompressed(files: OutputFile[]): OutputFile[] {
  return files.flatMap(compressed);
}

/**
 * Writes files and their compressed copies a batch at a time, so the compressed bytes of the
 * whole index are never held at once. Returns how many files were written.
 */
export async function writeCompressed(root: string, files: OutputFile[], batch = 256): Promise<number> {
  let written = 0;
  for (let i = 0; i < files.length; i += batch) {
    const out = files.slice(i, i + batch).flatMap(compressed);
    await writeFiles(root, out);
    written += out.length;
  }
  return written;
}

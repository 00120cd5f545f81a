// Owns the search files of a build: the sharded index, per-document files and the bundled
// browser scripts, each named by a hash of its content so any cache can keep them forever.
import path from "node:path";
import { build } from "esbuild";
import { buildIndex, buildVocabulary, type SearchDoc } from "./build-index.ts";
import { FIELDS, type Manifest } from "./format.ts";
import { hash } from "../feed/slug.ts";
import { withCompressed, writeCompressed, type OutputFile } from "./compress.ts";
import { onThread } from "../thread.ts";

export type { OutputFile };

/** An index file as built: JSON text. */
export interface JsonFile {
  path: string;
  contents: string;
}

/** The browser entry points: the search worker, and the script every page loads. */
const WORKER_ENTRY = path.resolve(new URL("../client/search/worker.ts", import.meta.url).pathname);
const PAGE_ENTRY = path.resolve(new URL("../client/main.ts", import.meta.url).pathname);
const SAVED_ENTRY = path.resolve(new URL("../client/saved-page.ts", import.meta.url).pathname);

async function bundle(entry: string, define: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    legalComments: "none",
    define: Object.fromEntries(Object.entries(define).map(([k, v]) => [k, JSON.stringify(v)])),
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** The index files, as paths inside the site; the manifest's own path is fixed in advance. */
export function indexFiles(docs: SearchDoc[], manifestPath: string): JsonFile[] {
  const { manifest, files } = indexFilesRelative(docs);
  const dir = path.posix.dirname(manifestPath);
  return [
    { path: manifestPath, contents: JSON.stringify(manifest) },
    ...files.map((f) => ({ ...f, path: `${dir}/${f.path}` })),
  ];
}

/** The index files, as paths relative to the manifest (all in one folder named by their hash). */
export function indexFilesRelative(docs: SearchDoc[]): { manifest: Manifest; files: JsonFile[] } {
  const built = buildIndex(docs);
  const files: JsonFile[] = [];
  const add = (name: string, value: unknown) => {
    const contents = JSON.stringify(value);
    const file = `${name}-${hash(contents, 10)}.json`;
    files.push({ path: file, contents });
    return file;
  };
  // one folder named by the hash of its files, not a hash per file: a shorter manifest to fetch first
  const folder = (prefix: string, values: unknown[]) => {
    const contents = values.map((v) => JSON.stringify(v));
    const dir = `${prefix}-${hash(contents.join("\n"), 10)}`;
    files.push(...contents.map((c, i) => ({ path: `${dir}/${i}.json`, contents: c })));
    return dir;
  };
  const shardDir = folder(
    "s",
    built.shards.map((s) => s.data),
  );
  const docsDir = folder("d", built.docs);
  const manifest: Manifest = {
    version: 1,
    count: docs.length,
    fields: FIELDS.map((f) => f.name),
    shards: built.shards.map((s) => s.from),
    shardDir,
    terms: add("terms", built.terms),
    meta: add("meta", built.meta),
    docs: docsDir,
    vocabulary: add("vocab", buildVocabulary(docs)),
  };
  return { manifest, files };
}

/** What a build needs to make the search files: the documents, and the scripts that name them. */
export interface SearchPlan {
  docs: SearchDoc[];
  /** the manifest's path inside the site, fixed before the index exists */
  manifestPath: string;
  /** the script every page loads, a path inside the site */
  client: string;
  /** the /saved/ page's own script */
  saved: string;
  /** the bundled browser scripts (client and worker) */
  scripts: OutputFile[];
}

/**
 * The manifest is named by a hash of the index's input, not its output, so the scripts that name
 * it can be bundled (and every page can name them) before the index exists: the same documents
 * give the same index, so the name stays cache-safe.
 */
export async function planSearch(docs: SearchDoc[]): Promise<SearchPlan> {
  const manifestPath = `search/manifest-${hash(asJsonPieces(docs, INDEX_FORMAT), 10)}.json`;
  // paths are relative to the scripts in assets/, so the site works under any base path
  const worker = await bundle(WORKER_ENTRY, { MANIFEST_PATH: `../${manifestPath}` });
  const workerPath = `assets/search-worker-${hash(worker, 10)}.js`;
  const client = await bundle(PAGE_ENTRY, { WORKER_PATH: `./${path.basename(workerPath)}` });
  const clientPath = `assets/search-${hash(client, 10)}.js`;
  const saved = await bundle(SAVED_ENTRY, {});
  const savedPath = `assets/saved-${hash(saved, 10)}.js`;
  const scripts = withCompressed([
    { path: workerPath, contents: worker },
    { path: clientPath, contents: client },
    { path: savedPath, contents: saved },
  ]);
  return { docs, manifestPath, client: clientPath, saved: savedPath, scripts };
}

/**
 * `JSON.stringify(docs) + suffix` in pieces, for hashing: the same digest without the one string
 * (37.7 MB at 10,000 papers; 0.28 → 0.18 s of the main thread to name the manifest).
 */
export function* asJsonPieces(docs: unknown[], suffix: string): Generator<string> {
  yield "[";
  for (let i = 0; i < docs.length; i++) yield (i ? "," : "") + JSON.stringify(docs[i]);
  yield "]" + suffix;
}

/** Bumped when the index files change shape, so a new build never reuses an old manifest name. */
const INDEX_FORMAT = "sharded-3";

/** Builds a plan's index files and writes them, with their compressed copies, under `outDir`. */
export async function writeSearchIndex({
  docs,
  manifestPath,
  outDir,
}: {
  docs: SearchDoc[];
  manifestPath: string;
  outDir: string;
}): Promise<number> {
  return writeCompressed(outDir, indexFiles(docs, manifestPath));
}

/**
 * The index of a plan, written under `outDir` on a worker thread (the build's second core) by
 * default, so it builds, compresses and writes while the pages render; nothing crosses back but a
 * count. `signal` stops the thread when the build fails. Resolves to the number of files written.
 */
export function buildSearchIndex(
  plan: SearchPlan,
  outDir: string,
  opts: { thread?: boolean; signal?: AbortSignal } = {},
): Promise<number> {
  // only what the index needs crosses to the thread (not the bundled scripts and their copies)
  const job = { docs: plan.docs, manifestPath: plan.manifestPath, outDir };
  if (opts.thread === false) return writeSearchIndex(job);
  return onThread<number>(new URL(import.meta.url), "writeSearchIndex", job, opts.signal);
}

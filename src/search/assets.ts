// Owns the search files of a build: the sharded index, per-document files and the bundled
// browser scripts, each named by a hash of its content so any cache can keep them forever.
import path from "node:path";
import { build } from "esbuild";
import { Worker } from "node:worker_threads";
import { buildIndex, buildVocabulary, type SearchDoc } from "./build-index.ts";
import { FIELDS, type Manifest } from "./format.ts";
import { hash } from "../feed/slug.ts";

export interface OutputFile {
  /** path inside the site, no leading slash */
  path: string;
  contents: string;
}

const CLIENT = path.resolve(new URL("./client", import.meta.url).pathname);

async function bundle(entry: string, define: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [path.join(CLIENT, entry)],
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
export function indexFiles(docs: SearchDoc[], manifestPath: string): OutputFile[] {
  const { manifest, files } = indexFilesRelative(docs);
  const dir = path.posix.dirname(manifestPath);
  return [
    { path: manifestPath, contents: JSON.stringify(manifest) },
    ...files.map((f) => ({ ...f, path: `${dir}/${f.path}` })),
  ];
}

/** The index files, as paths relative to the manifest (all in one folder named by their hash). */
export function indexFilesRelative(docs: SearchDoc[]): { manifest: Manifest; files: OutputFile[] } {
  const built = buildIndex(docs);
  const files: OutputFile[] = [];
  const add = (name: string, value: unknown) => {
    const contents = JSON.stringify(value);
    const file = `${name}-${hash(contents, 10)}.json`;
    files.push({ path: file, contents });
    return file;
  };
  const shards = built.shards.map((s, i) => ({ from: s.from, file: add(`s${i}`, s.data) }));
  const docFiles = built.docs.map((d, i) => ({ path: `d/${i}.json`, contents: JSON.stringify(d) }));
  const docsDir = `d-${hash(docFiles.map((f) => f.contents).join("\n"), 10)}`;
  files.push(...docFiles.map((f) => ({ ...f, path: f.path.replace(/^d\//, `${docsDir}/`) })));
  const manifest: Manifest = {
    version: 1,
    count: docs.length,
    fields: FIELDS.map((f) => f.name),
    shards,
    terms: add("terms", built.terms),
    meta: add("meta", built.meta),
    docs: docsDir,
    vocabulary: add("vocab", buildVocabulary(docs)),
  };
  return { manifest, files };
}

export interface SearchBuild {
  /** the script every page loads */
  client: string;
  /** the browser scripts, ready now */
  files: OutputFile[];
  /** the index files, built on another thread while the pages render */
  index: Promise<OutputFile[]>;
}

/**
 * The manifest is named by a hash of the index's input, not its output, so the scripts that name
 * it can be bundled (and every page can name them) before the index exists: the same documents
 * give the same index, so the name stays cache-safe.
 */
export async function searchFiles(docs: SearchDoc[], onThread = true): Promise<SearchBuild> {
  const manifestPath = `search/manifest-${hash(JSON.stringify(docs) + INDEX_FORMAT, 10)}.json`;
  const index = onThread
    ? onWorkerThread(docs, manifestPath)
    : Promise.resolve(indexFiles(docs, manifestPath));
  // paths are relative to the scripts in assets/, so the site works under any base path
  const worker = await bundle("worker.ts", { MANIFEST_PATH: `../${manifestPath}` });
  const workerPath = `assets/search-worker-${hash(worker, 10)}.js`;
  const client = await bundle("main.ts", { WORKER_PATH: `./${path.basename(workerPath)}` });
  const clientPath = `assets/search-${hash(client, 10)}.js`;
  return {
    client: clientPath,
    files: [
      { path: workerPath, contents: worker },
      { path: clientPath, contents: client },
    ],
    index,
  };
}

/** Bumped when the index files change shape, so a new build never reuses an old manifest name. */
const INDEX_FORMAT = "sharded-1";

function onWorkerThread(docs: SearchDoc[], manifestPath: string): Promise<OutputFile[]> {
  const worker = new Worker(new URL("./index-thread.js", import.meta.url), {
    workerData: { docs, manifestPath },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (files: OutputFile[]) => {
      resolve(files);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once(
      "exit",
      (code) => code !== 0 && reject(new Error(`the search index thread stopped with code ${code}`)),
    );
  });
}

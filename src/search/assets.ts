// Owns the search files of a build: index, store and vocabulary, and the bundled browser scripts,
// each named by a hash of its content so any cache can keep them forever.
import path from "node:path";
import { build } from "esbuild";
import { buildIndex, buildStore, buildVocabulary, type SearchDoc } from "./build-index.ts";
import { hash } from "../feed/slug.ts";

export interface OutputFile {
  /** path inside the site, no leading slash */
  path: string;
  contents: string;
}

const CLIENT = path.resolve(new URL("./client", import.meta.url).pathname);

const named = (dir: string, stem: string, ext: string, contents: string): OutputFile => ({ path: `${dir}/${stem}-${hash(contents, 10)}.${ext}`, contents });

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

export async function searchFiles(docs: SearchDoc[]): Promise<{ files: OutputFile[]; client: string }> {
  const index = named("search", "index", "json", JSON.stringify(buildIndex(docs)));
  const store = named("search", "store", "json", JSON.stringify(buildStore(docs)));
  const vocab = named("search", "vocab", "json", JSON.stringify(buildVocabulary(docs)));
  // paths are relative to the scripts in assets/, so the site works under any base path
  const worker = named("assets", "search-worker", "js", await bundle("worker.ts", { INDEX_PATH: `../${index.path}`, STORE_PATH: `../${store.path}`, VOCAB_PATH: `../${vocab.path}` }));
  const client = named("assets", "search", "js", await bundle("main.ts", { WORKER_PATH: `./${path.basename(worker.path)}` }));
  return { files: [index, store, vocab, worker, client], client: client.path };
}

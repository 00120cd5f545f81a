// Owns the search files of a build: the sharded index, per-document files and the bundled
// browser scripts, each named by a hash of its content so any cache can keep them forever.
import path from "node:path";
import { build } from "esbuild";
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

/** The index files, as paths relative to the manifest (all in one folder named by their hash). */
export function indexFiles(docs: SearchDoc[]): { manifest: Manifest; files: OutputFile[] } {
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

export async function searchFiles(docs: SearchDoc[]): Promise<{ files: OutputFile[]; client: string }> {
  const { manifest, files } = indexFiles(docs);
  const manifestJson = JSON.stringify(manifest);
  const manifestPath = `search/manifest-${hash(manifestJson, 10)}.json`;
  const out: OutputFile[] = [{ path: manifestPath, contents: manifestJson }, ...files.map((f) => ({ ...f, path: `search/${f.path}` }))];
  // paths are relative to the scripts in assets/, so the site works under any base path
  const worker = await bundle("worker.ts", { MANIFEST_PATH: `../${manifestPath}` });
  const workerPath = `assets/search-worker-${hash(worker, 10)}.js`;
  const client = await bundle("main.ts", { WORKER_PATH: `./${path.basename(workerPath)}` });
  const clientPath = `assets/search-${hash(client, 10)}.js`;
  out.push({ path: workerPath, contents: worker }, { path: clientPath, contents: client });
  return { files: out, client: clientPath };
}

// Owns the browser bundles: which modules of src/client/ are entry points, bundling each with
// esbuild into one minified script, and naming it by a hash of its bytes so any cache can keep it.
//
// The entries are named with `import.meta.resolve`, not imported: importing a browser module would
// run it in Node. A resolve call is still an import that tools follow (knip takes each one as an
// entry of the project), a moved or renamed entry fails the build at once, and esbuild gets the
// module's file path.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { hash } from "../common/hash.ts";
import type { OutputFile } from "./precompress.ts";

/**
 * The entry points: the script every page loads, the /saved/ page's, the search worker, and two
 * that are loaded when needed: For you on listings (the page script loads it where there is a
 * listing), and the library importer (the /saved/ page's loads it when a file is chosen; the BibTeX
 * parser alone is 130 KB gzip).
 */
const ENTRIES = {
  page: fileURLToPath(import.meta.resolve("../client/main.ts")),
  saved: fileURLToPath(import.meta.resolve("../client/saved-page.ts")),
  worker: fileURLToPath(import.meta.resolve("../client/search/worker.ts")),
  listing: fileURLToPath(import.meta.resolve("../client/foryou/listing.ts")),
  importer: fileURLToPath(import.meta.resolve("../client/foryou/importer.ts")),
};

/** The bundled scripts: their paths inside the site, and the files to write. */
export interface Bundles {
  /** the script every page loads */
  page: string;
  /** the /saved/ page's own script */
  saved: string;
  files: OutputFile[];
}

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

/**
 * Bundles the scripts in assets/. The worker is told the search manifest's path, the page script
 * the worker's and For you's, which is told For you's manifest path, as is the importer; paths
 * are relative to the scripts, so the site works under any base path.
 */
export async function bundleScripts(manifestPath: string, forYouPath: string): Promise<Bundles> {
  const worker = await bundle(ENTRIES.worker, { MANIFEST_PATH: `../${manifestPath}` });
  const workerPath = `assets/search-worker-${hash(worker, 10)}.js`;
  const listing = await bundle(ENTRIES.listing, { FORYOU_PATH: `../${forYouPath}` });
  const listingPath = `assets/foryou-${hash(listing, 10)}.js`;
  const importer = await bundle(ENTRIES.importer, { FORYOU_PATH: `../${forYouPath}` });
  const importerPath = `assets/import-${hash(importer, 10)}.js`;
  const page = await bundle(ENTRIES.page, {
    WORKER_PATH: `./${path.basename(workerPath)}`,
    LISTING_PATH: `./${path.basename(listingPath)}`,
  });
  const pagePath = `assets/search-${hash(page, 10)}.js`;
  const saved = await bundle(ENTRIES.saved, { IMPORTER_PATH: `./${path.basename(importerPath)}` });
  const savedPath = `assets/saved-${hash(saved, 10)}.js`;
  return {
    page: pagePath,
    saved: savedPath,
    files: [
      { path: workerPath, contents: worker },
      { path: listingPath, contents: listing },
      { path: importerPath, contents: importer },
      { path: pagePath, contents: page },
      { path: savedPath, contents: saved },
    ],
  };
}

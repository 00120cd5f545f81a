// Owns the search index as files: the sharded index, the document packs and the manifest that
// names them, each named by a hash of its content so any cache can keep them forever. Pure: the site
// writes them (src/site/search-index.ts).
import path from "node:path";
import { buildIndex, type SearchDoc } from "./build-index.ts";
import { FIELDS, LETTER_FILES, letterFile, type Manifest } from "./format.ts";
import { hash } from "../common/hash.ts";

/** An index file as built: JSON, as text or UTF-8 bytes. */
export interface JsonFile {
  path: string;
  contents: string | Uint8Array;
}

/** The JSON value of an index file. */
export function jsonOf(contents: string | Uint8Array): unknown {
  return JSON.parse(typeof contents === "string" ? contents : new TextDecoder().decode(contents));
}

/** The index files, as paths inside the site; the manifest's own path is fixed in advance. */
export function indexFiles(docs: Iterable<SearchDoc>, manifestPath: string): JsonFile[] {
  const { manifest, files } = indexFilesRelative(docs);
  const dir = path.posix.dirname(manifestPath);
  return [
    { path: manifestPath, contents: JSON.stringify(manifest) },
    ...files.map((f) => ({ ...f, path: `${dir}/${f.path}` })),
  ];
}

/** The index files, as paths relative to the manifest (all in one folder named by their hash). */
export function indexFilesRelative(docs: Iterable<SearchDoc>): { manifest: Manifest; files: JsonFile[] } {
  const built = buildIndex(docs, DOC_PACK);
  const files: JsonFile[] = [];
  const add = (name: string, value: unknown) => {
    const contents = JSON.stringify(value);
    const file = `${name}-${hash(contents, 10)}.json`;
    files.push({ path: file, contents });
    return file;
  };
  // one folder named by the hash of its files, not a hash per file: a shorter manifest to fetch first
  const folder = (prefix: string, contents: (string | Uint8Array)[], names?: string[]) => {
    // the digest of the contents joined by newlines, without the joined string (180 MB of document
    // packs at 100,000 papers)
    const dir = `${prefix}-${hash(
      contents.flatMap((c, i) => (i ? ["\n", c] : [c])),
      10,
    )}`;
    files.push(...contents.map((c, i) => ({ path: `${dir}/${names?.[i] ?? i}.json`, contents: c })));
    return dir;
  };
  const shardDir = folder(
    "s",
    built.shards.map((s) => JSON.stringify(s.data)),
  );
  // "d-": src/site/precompress.ts gives these packs gzip copies only
  const docsDir = folder("d", built.packs);
  const manifest: Manifest = {
    version: 1,
    count: built.count,
    fields: FIELDS.map((f) => f.name),
    shards: built.shards.map((s) => s.from),
    shardDir,
    terms: folder("t", ...byFirstAndSecond(built.terms)),
    meta: add("meta", built.meta),
    docs: docsDir,
    pack: DOC_PACK,
    vocabulary: folder("v", ...byFirstAndSecond(built.vocabulary)),
  };
  return { manifest, files };
}

/**
 * Words in files by letter (`LETTER_FILES`), each word in the file of each character `keys` names,
 * in their order (a sorted list stays sorted, a commonest-first one commonest first): the files'
 * JSON and names, for `folder`.
 */
function byLetter(words: string[], keys: (w: string) => string[], prefix = ""): [string[], string[]] {
  const by = new Map<string, string[]>(LETTER_FILES.map((f) => [f, []]));
  for (const w of words) for (const k of keys(w)) by.get(letterFile(k))!.push(w);
  return [LETTER_FILES.map((f) => JSON.stringify(by.get(f))), LETTER_FILES.map((f) => prefix + f)];
}

/**
 * Words by first character, and those of two or more by second (`2a.json`…), each file in the
 * list's order: the sorted term list, and the spelling vocabulary (commonest first).
 */
function byFirstAndSecond(words: string[]): [string[], string[]] {
  const [first, firstNames] = byLetter(words, (t) => [t.charAt(0)]);
  const [second, secondNames] = byLetter(words, (t) => (t.length >= 2 ? [t.charAt(1)] : []), "2");
  return [
    [...first, ...second],
    [...firstNames, ...secondNames],
  ];
}

/** Documents a pack: see README "Search" for the measurements that chose it. */
const DOC_PACK = 8;

/**
 * The manifest's path inside the site. It is named by a hash of the index's input, not its output,
 * so the scripts that name it can be bundled (and every page can name them) before the index
 * exists: the same documents give the same index, so the name stays cache-safe.
 */
export function manifestPathFor(docs: SearchDoc[]): string {
  return `search/manifest-${hash(asJsonPieces(docs, INDEX_FORMAT), 10)}.json`;
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
const INDEX_FORMAT = `sharded-9-packs-of-${DOC_PACK}`;

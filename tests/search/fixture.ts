// The real dump's search files, built in memory once for the search tests, plus lunr itself
// built over the same documents as the reference the sharded index must agree with.
import lunr from "lunr";
import { loadContent } from "../../src/site/pipeline.ts";
import { enrich, searchDocs } from "../../src/site/enrich.ts";
import { indexFilesRelative, jsonOf } from "../../src/search/index-files.ts";
import type { SearchDoc } from "../../src/search/build-index.ts";
import { fieldText } from "../../src/search/weights.ts";
import { Searcher } from "../../src/search/query.ts";
import { top } from "../../src/search/engine.ts";
import {
  indexPipeline,
  makeTokenizer,
  numberNormalizer,
  registerShared,
} from "../../src/search/tokenizer.ts";
import { FIELDS } from "../../src/search/format.ts";
import { ROOT } from "../helpers.ts";

export function referenceLunr(docs: SearchDoc[]): lunr.Index {
  registerShared(lunr);
  return lunr(function () {
    this.tokenizer = makeTokenizer(lunr);
    this.pipeline = indexPipeline(lunr);
    this.searchPipeline.reset();
    this.searchPipeline.add(numberNormalizer, lunr.stemmer);
    this.ref("slug");
    for (const f of FIELDS) this.field(f.name, { boost: f.boost });
    for (const d of docs)
      this.add({ slug: d.slug, ...Object.fromEntries(FIELDS.map((f) => [f.name, fieldText(d, f.name)])) });
  });
}

export function searcherFor(docs: SearchDoc[]) {
  const { manifest, files } = indexFilesRelative(docs);
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const fetched: string[] = [];
  registerShared(lunr);
  const searcher = new Searcher(lunr, manifest, (p) => {
    fetched.push(p);
    const body = byPath.get(p);
    if (body === undefined) return Promise.reject(new Error(`no file ${p}`));
    return Promise.resolve(jsonOf(body));
  });
  return { searcher, manifest, files, fetched };
}

export async function realSearch(feeds = ["content/feeds/2025-03-11-trending.txt"]) {
  const content = await loadContent({ root: ROOT, feeds });
  const docs: SearchDoc[] = searchDocs(await enrich(content.papers, { thread: false }));
  return { docs, ...searcherFor(docs), reference: referenceLunr(docs) };
}

/** A query's matches as [slug, score] from our engine and from the real lunr index, to compare. */
export async function bothEngines(
  s: Awaited<ReturnType<typeof realSearch>>,
  q: string,
): Promise<{ ours: string[][]; theirs: string[][] }> {
  const query = new lunr.Query(s.searcher.index.fields);
  new lunr.QueryParser(q, query).parse();
  const all = await s.searcher.index.query(query.clauses);
  const ours = top(all, all.docs.length).map((r) => [s.docs[r.doc]!.slug, r.score.toFixed(9)]);
  const theirs = s.reference.search(q).map((r) => [r.ref, r.score.toFixed(9)]);
  return { ours, theirs };
}

// The real dump's search index, built once for the search tests.
import lunr from "lunr";
import { loadSiteData } from "../../src/site/handoff.ts";
import { buildIndex, buildStore, buildVocabulary, type SearchDoc } from "../../src/search/build-index.ts";
import { Searcher } from "../../src/search/query.ts";
import { registerShared } from "../../src/search/tokenizer.ts";
import { ROOT } from "../helpers.ts";

export async function realSearch() {
  const { data } = await loadSiteData({ root: ROOT, feeds: ["content/feeds/2025-03-11-trending.txt"] });
  const docs: SearchDoc[] = data.papers.map((p) => ({ slug: p.slug, title: p.title, abstract: p.abstract, topics: p.topics, label: "Mar 11" }));
  const built = buildIndex(docs);
  const json = JSON.stringify(built);
  registerShared(lunr);
  const loaded = lunr.Index.load(JSON.parse(json));
  const store = buildStore(docs);
  const vocab = buildVocabulary(docs);
  return { docs, built, loaded, json, store, vocab, searcher: new Searcher(lunr, loaded, store, vocab), fresh: new Searcher(lunr, built, store, vocab) };
}

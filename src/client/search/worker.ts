// Owns the search worker: loads the manifest once, fetches shards and documents as queries need
// them, and answers off the main thread. It says when the index cannot load, and why.
import lunr from "lunr";
import { registerShared } from "../../search/tokenizer.ts";
import { Searcher, type Answer } from "../../search/query.ts";
import { isManifest } from "../../search/format.ts";
import type { Request, Reply } from "./protocol.ts";

declare const MANIFEST_PATH: string;
/** The worker's own postMessage (the DOM typings describe the window's). */
declare function postMessage(reply: Reply): void;

registerShared(lunr);
const manifestUrl = new URL(MANIFEST_PATH, import.meta.url);

/** A file of the index, or an error a reader can act on. */
async function json(url: URL): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new Error("the search index could not be downloaded; check your connection");
  }
  if (res.status === 404) {
    throw new Error(
      "the search index was not found (HTTP 404); the site may have been updated, so reload the page",
    );
  }
  if (!res.ok) throw new Error(`the search index could not be downloaded (HTTP ${res.status})`);
  try {
    return await res.json();
  } catch {
    throw new Error("the search index is damaged (a file of it is not valid JSON)");
  }
}

const ready: Promise<Searcher> = json(manifestUrl).then((manifest) => {
  if (!isManifest(manifest)) throw new Error("the search index is damaged (its manifest is not one)");
  return new Searcher(lunr, manifest, (file) => json(new URL(file, manifestUrl)));
});

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function answer(searcher: Searcher, req: Request): Promise<Reply> {
  if ("match" in req)
    return { id: req.id, matches: await Promise.all(req.match.map((p) => searcher.matching(p))) };
  const opts = { topic: req.topic || undefined, limit: req.limit };
  const partial = (a: Answer) => postMessage({ id: req.id, answer: a });
  return { id: req.id, answer: await searcher.search(req.q, opts, partial) };
}

self.addEventListener("message", (event: MessageEvent<Request>) => {
  const req = event.data;
  ready
    .then((searcher) => answer(searcher, req))
    .then((reply) => postMessage(reply))
    .catch((err: unknown) => postMessage({ id: req.id, error: reason(err) }));
});
ready.then(
  () => postMessage({ id: -1, ready: true }),
  (err: unknown) => postMessage({ id: -1, error: reason(err) }),
);

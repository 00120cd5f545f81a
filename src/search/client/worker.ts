// Owns the search worker: loads the manifest once, fetches shards and documents as queries need
// them, and answers off the main thread.
import lunr from "lunr";
import { registerShared } from "../tokenizer.ts";
import { Searcher } from "../query.ts";
import { isManifest } from "../format.ts";
import type { Request, Reply } from "./protocol.ts";

declare const MANIFEST_PATH: string;
/** The worker's own postMessage (the DOM typings describe the window's). */
declare function postMessage(reply: Reply): void;

registerShared(lunr);
const manifestUrl = new URL(MANIFEST_PATH, import.meta.url);

async function json(url: URL) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return res.json();
}

const ready: Promise<Searcher> = json(manifestUrl).then((manifest) => {
  if (!isManifest(manifest)) throw new Error(`${MANIFEST_PATH}: not a search manifest`);
  return new Searcher(lunr, manifest, (file) => json(new URL(file, manifestUrl)));
});

self.addEventListener("message", async (event: MessageEvent<Request>) => {
  const req = event.data;
  try {
    const searcher = await ready;
    const answer = await searcher.search(req.q, { topic: req.topic || undefined, limit: req.limit });
    postMessage({ id: req.id, answer });
  } catch (err) {
    postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
});
ready.then(
  () => postMessage({ id: -1, ready: true }),
  (err) => postMessage({ id: -1, error: String(err) }),
);

// Owns the search worker: fetches the index and store once, answers queries off the main thread.
import lunr from "lunr";
import { registerShared } from "../tokenizer.ts";
import { Searcher } from "../query.ts";
import type { Store } from "../store.ts";
import type { Request, Reply } from "./protocol.ts";

declare const INDEX_PATH: string;
declare const STORE_PATH: string;
declare const VOCAB_PATH: string;
/** The worker's own postMessage (the DOM typings describe the window's). */
declare function postMessage(reply: Reply): void;

registerShared(lunr);
const at = (p: string) => new URL(p, import.meta.url).href;

async function json(path: string) {
  const res = await fetch(at(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

function isStore(v: unknown): v is Store {
  return typeof v === "object" && v !== null && "docs" in v && Array.isArray(v.docs) && "topics" in v;
}

const isWords = (v: unknown): v is string[] => Array.isArray(v) && v.every((w) => typeof w === "string");

const ready: Promise<Searcher> = Promise.all([json(INDEX_PATH), json(STORE_PATH)]).then(([index, store]) => {
  if (!isStore(store)) throw new Error(`${STORE_PATH}: not a document store`);
  return new Searcher(lunr, lunr.Index.load(index), store);
});
let vocabulary: Promise<void> | undefined;

const post = (reply: Reply) => postMessage(reply);

self.addEventListener("message", async (event: MessageEvent<Request>) => {
  const req = event.data;
  try {
    const searcher = await ready;
    let answer = searcher.search(req.q, { topic: req.topic || undefined, limit: req.limit });
    if (answer.total === 0 && answer.query) {
      vocabulary ??= json(VOCAB_PATH).then((v) => searcher.setVocabulary(isWords(v) ? v : []));
      await vocabulary;
      answer = searcher.search(req.q, { topic: req.topic || undefined, limit: req.limit });
    }
    post({ id: req.id, answer });
  } catch (err) {
    post({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
});
ready.then(() => post({ id: -1, ready: true }), (err) => post({ id: -1, error: String(err) }));

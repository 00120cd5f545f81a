// Owns running work on the build's second core: one exported function of one module, on a worker
// thread, with its data copied in (or its many records moved in as bytes) and its result copied
// back. The search index and For you's files run this way while the pages render, and related
// papers while the main thread tags and renders abstracts.
import { Worker } from "node:worker_threads";
import { toJsonChunks } from "./common/json-chunks.ts";

const ENTRY = new URL("./thread.js", import.meta.url);

/**
 * Runs `module`'s export `fn` on `data` in a worker thread. `data` is copied to the thread.
 * `records` (many of them: the search index's documents, For you's papers) move there instead as
 * JSON chunks, transferred rather than copied, and `fn` finds them as `data[key]`, an iterable that
 * reads them one at a time (src/common/json-chunks.ts). `signal` stops the thread (at once if it has
 * already been aborted); the promise then rejects once it has stopped.
 */
export function onThread<T>(
  module: URL,
  fn: string,
  data: object,
  {
    signal,
    records,
  }: { signal?: AbortSignal | undefined; records?: { key: string; values: Iterable<unknown> } } = {},
): Promise<T> {
  if (signal?.aborted) return Promise.reject(new Error("stopped before it started"));
  const chunks = records ? toJsonChunks(records.values) : [];
  const worker = new Worker(ENTRY, {
    workerData: {
      module: module.href,
      fn,
      data,
      ...(records ? { records: { key: records.key, chunks } } : {}),
    },
    transferList: chunks.map((c) => c.buffer as ArrayBuffer),
  });
  const stop = () => void worker.terminate();
  signal?.addEventListener("abort", stop, { once: true });
  return new Promise<T>((resolve, reject) => {
    worker.once("message", (reply: { result?: T; error?: string }) =>
      reply.error === undefined ? resolve(reply.result as T) : reject(new Error(reply.error)),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`a worker thread stopped with code ${code}`)));
  }).finally(() => {
    signal?.removeEventListener("abort", stop);
    stop();
  });
}

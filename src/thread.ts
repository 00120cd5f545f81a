// Owns running work on the build's second core: one exported function of one module, on a worker
// thread, with its data copied in (or its many records moved in as bytes) and its result copied
// back. The search index and For you's files run this way while the pages render, and related
// papers while the main thread tags and renders abstracts.
import { Worker } from "node:worker_threads";
import { toJsonChunks, transferOf } from "./common/json-chunks.ts";

const ENTRY = new URL("./thread.js", import.meta.url);

/**
 * Runs `module`'s export `fn` on `data` in a worker thread. `data` is copied to the thread, except
 * the buffers in `transfer`, which move there (they are empty here afterwards). `signal` stops the
 * thread (at once if it has already been aborted); the promise then rejects once it has stopped.
 */
export function onThread<T>(
  module: URL,
  fn: string,
  data: unknown,
  { signal, transfer = [] }: { signal?: AbortSignal | undefined; transfer?: ArrayBuffer[] } = {},
): Promise<T> {
  if (signal?.aborted) return Promise.reject(new Error("stopped before it started"));
  const worker = new Worker(ENTRY, { workerData: { module: module.href, fn, data }, transferList: transfer });
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

/**
 * `onThread` for a job over many records: they move to the thread as JSON chunks (transferred,
 * not cloned), and `fn` gets `{ ...job, chunks }` to read them from one at a time
 * (`drainJsonChunks`).
 */
export function onThreadWithRecords<T>(
  module: URL,
  fn: string,
  job: object,
  records: Iterable<unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const chunks = toJsonChunks(records);
  return onThread<T>(module, fn, { ...job, chunks }, { signal, transfer: transferOf(chunks) });
}

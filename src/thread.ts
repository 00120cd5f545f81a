// Owns running work on the build's second core: one exported function of one module, on a worker
// thread, with its data copied in and its result copied back. The search index runs this way while
// the pages render, and related papers while the main thread tags and renders abstracts.
import { Worker } from "node:worker_threads";

const ENTRY = new URL("./thread.js", import.meta.url);

/**
 * Runs `module`'s export `fn` on `data` in a worker thread. `signal` stops the thread (a failed
 * build does not wait for it); the promise then rejects. The buffers in `transfer` move to the
 * thread instead of being copied (they are empty here afterwards).
 */
export function onThread<T>(
  module: URL,
  fn: string,
  data: unknown,
  { signal, transfer = [] }: { signal?: AbortSignal | undefined; transfer?: ArrayBuffer[] } = {},
): Promise<T> {
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

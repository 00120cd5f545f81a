// Owns building the search index on a second core: a worker thread, while the pages render. It
// writes the files itself and answers with their count, so no file crosses between the threads.
import { parentPort, workerData } from "node:worker_threads";
import { writeSearchIndex, type SearchPlan } from "./assets.ts";

const { plan, outDir } = workerData as { plan: SearchPlan; outDir: string };
writeSearchIndex(plan, outDir).then(
  (written) => parentPort!.postMessage({ written }),
  (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
);

// Owns building the search index on a second core: a worker thread, while the pages render.
import { parentPort, workerData } from "node:worker_threads";
import { indexFiles } from "./assets.ts";
import type { SearchDoc } from "./build-index.ts";

const { docs, manifestPath } = workerData as { docs: SearchDoc[]; manifestPath: string };
parentPort!.postMessage(indexFiles(docs, manifestPath));

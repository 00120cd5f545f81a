// Entry of the build's worker threads: a worker starts without the TypeScript loader, so it
// registers tsx itself, then runs one exported function of one module with the data it was given
// (and its records, read from their chunks one at a time, as `data[key]`) and posts back its result
// (or the error's message).
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { module, fn, data, records } = workerData;
try {
  if (records) {
    const { drainJsonChunks } = await import("./common/json-chunks.ts");
    data[records.key] = drainJsonChunks(records.chunks);
  }
  const result = await (await import(module))[fn](data);
  parentPort.postMessage({ result });
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
}

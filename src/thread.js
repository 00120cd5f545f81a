// Entry of the build's worker threads: a worker starts without the TypeScript loader, so it
// registers tsx itself, then runs one exported function of one module with the data it was given
// and posts back its result (or the error's message).
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { module, fn, data } = workerData;
try {
  const result = await (await import(module))[fn](data);
  parentPort.postMessage({ result });
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
}

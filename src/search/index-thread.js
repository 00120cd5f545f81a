// Entry of the search index worker thread: a worker starts without the TypeScript loader, so it
// registers tsx itself before loading the TypeScript module that does the work.
import { register } from "tsx/esm/api";

register();
await import("./index-worker.ts");

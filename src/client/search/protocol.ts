// Owns the messages between the page and the search worker.
import type { Answer } from "../../search/query.ts";

/** A query, or the documents matching each of a reader's watched phrases. */
export type Request =
  | { id: number; q: string; topic?: string | undefined; limit?: number | undefined }
  | { id: number; match: string[] };

/** A query's answer, the matches, or a failure; id -1 is the worker's own state: index loaded, or not. */
export type Reply =
  | { id: number; answer: Answer }
  | { id: number; matches: number[][] }
  | { id: number; error: string }
  | { id: -1; ready: true };

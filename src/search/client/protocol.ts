// Owns the messages between the page and the search worker.
import type { Answer } from "../query.ts";

export interface Request {
  id: number;
  q: string;
  topic?: string | undefined;
  limit?: number | undefined;
}

/** A query's answer or its failure; id -1 is the worker's own state: index loaded, or not. */
export type Reply = { id: number; answer: Answer } | { id: number; error: string } | { id: -1; ready: true };

// Owns the messages between the page and the search worker.
import type { Answer } from "../query.ts";

export interface Request {
  id: number;
  q: string;
  topic?: string;
  limit?: number;
}

export interface Reply {
  id: number;
  answer?: Answer;
  ready?: boolean;
  error?: string;
}

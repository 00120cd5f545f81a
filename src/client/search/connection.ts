// Owns the page's side of the search worker: started on first use, one request per query, and the
// index's state (loading, ready, unavailable with a reason) told to every part of the page.
import type { Answer } from "../../search/query.ts";
import type { Reply, Request } from "./protocol.ts";

declare const WORKER_PATH: string;

export type Status = { state: "idle" | "loading" | "ready" } | { state: "unavailable"; reason: string };
/** Answers kept for queries asked again, oldest dropped first. */
const ANSWERS_KEPT = 50;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Waiting = {
  resolve: (reply: Reply) => void;
  reject: (reason: Error) => void;
  /** told a partial answer (the first hits), before the whole one */
  partial?: ((answer: Answer) => void) | undefined;
};

export class SearchConnection {
  private worker: Worker | undefined;
  private nextId = 1;
  private waiting = new Map<number, Waiting>();
  private listeners: ((status: Status) => void)[] = [];
  private answers = new Map<string, Promise<Answer>>();
  status: Status = { state: "idle" };

  /** Tells `fn` the state now and on every change. */
  onStatus(fn: (status: Status) => void): void {
    this.listeners.push(fn);
    fn(this.status);
  }

  private set(status: Status) {
    this.status = status;
    for (const fn of this.listeners) fn(status);
  }

  /** Starts loading the index, once; nothing is fetched before a reader shows interest. */
  start(): void {
    if (this.worker) return;
    this.set({ state: "loading" });
    const worker = new Worker(new URL(WORKER_PATH, import.meta.url), { type: "module" });
    worker.addEventListener("message", (e: MessageEvent<Reply>) => this.receive(e.data));
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      this.fail("the search script could not be loaded; the site may have been updated, so reload the page");
    });
    this.worker = worker;
  }

  private receive(reply: Reply) {
    if (reply.id === -1) {
      if ("ready" in reply) this.set({ state: "ready" });
      else if ("error" in reply) this.fail(reply.error);
      return;
    }
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    if ("answer" in reply && reply.answer.partial) return waiting.partial?.(reply.answer);
    this.waiting.delete(reply.id);
    if (!("error" in reply)) waiting.resolve(reply);
    else {
      waiting.reject(new Error(reply.error));
      if (this.status.state !== "ready") this.fail(reply.error);
    }
  }

  private fail(reason: string) {
    this.set({ state: "unavailable", reason });
    for (const w of this.waiting.values()) w.reject(new Error(reason));
    this.waiting.clear();
  }

  /** For each phrase, the documents (search numbers) that hold all its words. */
  matches(phrases: string[]): Promise<number[][]> {
    this.start();
    if (this.status.state === "unavailable") return Promise.reject(new Error(this.status.reason));
    return this.send({ match: phrases }).then((r) =>
      "matches" in r ? r.matches : Promise.reject(new Error("the search worker answered something else")),
    );
  }

  private send(request: DistributiveOmit<Request, "id">, partial?: (answer: Answer) => void): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, partial });
      this.worker!.postMessage({ ...request, id });
    });
  }

  /** Drops the failed worker and starts again. */
  retry(): void {
    this.answers.clear();
    this.worker?.terminate();
    this.worker = undefined;
    this.start();
  }

  /**
   * The answer to a query. The same query asked again (typed, then submitted; a facet clicked
   * twice) gets the answer already given or on its way, without asking the worker again.
   */
  ask(
    q: string,
    opts: { topic?: string; limit?: number } = {},
    partial?: (answer: Answer) => void,
  ): Promise<Answer> {
    this.start();
    if (this.status.state === "unavailable") return Promise.reject(new Error(this.status.reason));
    const key = JSON.stringify([q.trim(), opts.topic ?? "", opts.limit ?? 0]);
    const known = this.answers.get(key);
    if (known) return known;
    const answer = this.send({ q, topic: opts.topic, limit: opts.limit }, partial).then((r) =>
      "answer" in r ? r.answer : Promise.reject(new Error("the search worker answered something else")),
    );
    this.answers.set(key, answer);
    if (this.answers.size > ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
    answer.catch(() => this.answers.delete(key));
    return answer;
  }
}

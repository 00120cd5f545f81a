// Owns waiting for a pause in typing before a query runs.

export interface Debounced<A extends unknown[]> {
  (...a: A): void;
  /** drops the call that is waiting, if any (a submit runs the query at once instead) */
  cancel(): void;
}

export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): Debounced<A> {
  let t: ReturnType<typeof setTimeout> | undefined;
  const run = (...a: A) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
  return Object.assign(run, { cancel: () => clearTimeout(t) });
}

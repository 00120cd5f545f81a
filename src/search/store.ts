// Owns the document store's shape: what a result needs to render without the index.
export interface StoreDoc {
  /** slug */
  s: string;
  /** title */
  t: string;
  /** abstract, the text highlight positions refer to */
  a: string;
  /** topic slugs */
  p: string[];
  /** label of the newest digest it was in */
  d: string;
}

export interface Store {
  topics: Record<string, string>;
  docs: StoreDoc[];
}

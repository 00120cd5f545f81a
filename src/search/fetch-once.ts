// Owns what the search keeps of what it fetched: each file asked for once, kept, and a failed
// fetch forgotten, so the next query tries again (offline, a redeploy's 404) instead of failing
// for good.

/** Values made once per key by an async `make`; a rejected one is dropped, not remembered. */
export class FetchOnce<K, V> {
  private readonly held = new Map<K, Promise<V>>();

  constructor(private readonly make: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    let value = this.held.get(key);
    if (!value) {
      value = this.make(key);
      value.catch(() => this.held.delete(key));
      this.held.set(key, value);
    }
    return value;
  }
}

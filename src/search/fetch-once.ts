// Owns what the search keeps of what it fetched: each file asked for once, kept, and a failed
// fetch forgotten, so the next query tries again (offline, a redeploy's 404) instead of failing
// for good.

/**
 * Values made once per key by an async `make`; a rejected one is dropped, not remembered. With
 * `max`, only the `max` most recently asked for are kept (for values made of others, which can be
 * made again without a fetch).
 */
export class FetchOnce<K, V> {
  private readonly held = new Map<K, Promise<V>>();

  constructor(
    private readonly make: (key: K) => Promise<V>,
    private readonly max = Infinity,
  ) {}

  get(key: K): Promise<V> {
    let value = this.held.get(key);
    if (value) {
      // the most recently asked for last, so the oldest is first to go
      this.held.delete(key);
    } else {
      const made = this.make(key);
      made.catch(() => {
        if (this.held.get(key) === made) this.held.delete(key);
      });
      value = made;
    }
    this.held.set(key, value);
    if (this.held.size > this.max) this.held.delete(this.held.keys().next().value!);
    return value;
  }
}

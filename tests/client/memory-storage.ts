// A Storage kept in memory, for testing the browser modules' storage in Node: it can be made full
// (setItem throws, as a browser's quota does) to test what a page does when the browser refuses.

export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  /** when true, setItem throws like a full localStorage */
  full = false;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException("quota exceeded", "QuotaExceededError");
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  /** every key and value, for asserting what the page left behind */
  entries(): Record<string, string> {
    return Object.fromEntries(this.items);
  }
}

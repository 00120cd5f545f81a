// Owns what the site keeps in the reader's browser: one versioned JSON value per key in
// localStorage, under a prefix of the site's own path, so two sites on one host keep apart.
// Nothing is sent anywhere. A value that cannot be read (corrupt, another version, another
// program's) is set aside under `<key>:unreadable` instead of being lost, and reading goes on empty.

/** The path the site lives under: the page script sits in <base>assets/. */
const BASE = new URL("..", import.meta.url).pathname;

export interface Store<T> {
  read(): T;
  write(value: T): void;
  /** the key, for listening to other tabs' changes */
  key: string;
}

/** localStorage, or nothing when the browser refuses it (a private window, storage off). */
function local(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function store<T>(
  name: string,
  version: number,
  check: (v: unknown) => T | undefined,
  empty: () => T,
  /** where values are kept: the browser's localStorage unless a test passes its own */
  storage: () => Storage | undefined = local,
): Store<T> {
  const key = `paper-digest:${BASE}:${name}`;
  // what this page wrote when the browser would not keep it: newer than what storage holds
  let unsaved: T | undefined;
  return {
    key,
    read() {
      if (unsaved !== undefined) return unsaved;
      const ls = storage();
      const raw = ls ? ls.getItem(key) : null;
      if (raw === null) return empty();
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      const ok = isVersion(parsed, version) ? check(parsed.value) : undefined;
      if (ok !== undefined) return ok;
      try {
        ls?.setItem(`${key}:unreadable`, raw);
        ls?.removeItem(key);
      } catch {
        // storage full: the unreadable value stays where it is, and reading goes on empty
      }
      return empty();
    },
    write(value) {
      try {
        const ls = storage();
        if (!ls) throw new Error("no storage");
        ls.setItem(key, JSON.stringify({ version, value }));
        unsaved = undefined;
      } catch {
        // full or refused: the value lives on in this page only
        unsaved = value;
      }
    },
  };
}

function isVersion(v: unknown, version: number): v is { version: number; value: unknown } {
  return typeof v === "object" && v !== null && "version" in v && v.version === version && "value" in v;
}

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { store } from "../../src/client/storage.ts";
import { MemoryStorage } from "./memory-storage.ts";

const words = (v: unknown) => (Array.isArray(v) && v.every((w) => typeof w === "string") ? v : undefined);

function wordStore(ls: Storage | undefined, version = 1) {
  return store<string[]>(
    "words",
    version,
    words,
    () => [],
    () => ls,
  );
}

test("a value written is read back, kept as one versioned JSON value under the site's key", () => {
  const ls = new MemoryStorage();
  const s = wordStore(ls);
  assert.deepEqual(s.read(), [], "nothing stored reads as empty");
  s.write(["mamba", "state space"]);
  assert.deepEqual(s.read(), ["mamba", "state space"]);
  assert.match(s.key, /^paper-digest:\/.*\/:words$/);
  assert.deepEqual(ls.entries(), {
    [s.key]: JSON.stringify({ version: 1, value: ["mamba", "state space"] }),
  });
  // a second page (a new store on the same storage) reads what the first wrote
  assert.deepEqual(wordStore(ls).read(), ["mamba", "state space"]);
});

test("two names keep apart on one storage", () => {
  const ls = new MemoryStorage();
  const a = store(
    "a",
    1,
    words,
    () => [],
    () => ls,
  );
  const b = store(
    "b",
    1,
    words,
    () => [],
    () => ls,
  );
  a.write(["one"]);
  b.write(["two"]);
  assert.notEqual(a.key, b.key);
  assert.deepEqual([a.read(), b.read()], [["one"], ["two"]]);
});

for (const [what, raw] of [
  ["corrupt JSON", '{"version":1,"value":["cut'],
  ["another version", JSON.stringify({ version: 2, value: ["newer"] })],
  ["a value that fails the check", JSON.stringify({ version: 1, value: [1, 2] })],
  ["another program's value", JSON.stringify(["no", "version"])],
  ["JSON null", "null"],
] as const) {
  test(`${what} is set aside under <key>:unreadable, not lost, and reading goes on empty`, () => {
    const ls = new MemoryStorage();
    const s = wordStore(ls);
    ls.setItem(s.key, raw);
    assert.deepEqual(s.read(), []);
    assert.deepEqual(ls.entries(), { [`${s.key}:unreadable`]: raw });
    s.write(["fresh"]);
    assert.deepEqual(s.read(), ["fresh"]);
    assert.equal(ls.getItem(`${s.key}:unreadable`), raw, "writing anew keeps the set-aside value");
  });
}

test("a full storage keeps an unreadable value where it is and reads empty, without throwing", () => {
  const ls = new MemoryStorage();
  const s = wordStore(ls);
  ls.setItem(s.key, "not json");
  ls.full = true;
  assert.deepEqual(s.read(), []);
  assert.deepEqual(ls.entries(), { [s.key]: "not json" });
});

test("when the browser refuses to keep a value, this page still reads what it wrote, until a write is kept", () => {
  const ls = new MemoryStorage();
  const s = wordStore(ls);
  s.write(["kept"]);
  ls.full = true;
  s.write(["only in this page"]);
  assert.deepEqual(s.read(), ["only in this page"], "newer than what storage holds");
  assert.deepEqual(wordStore(ls).read(), ["kept"], "another page sees what storage holds");
  ls.full = false;
  s.write(["kept again"]);
  ls.setItem(s.key, JSON.stringify({ version: 1, value: ["from another tab"] }));
  assert.deepEqual(s.read(), ["from another tab"], "once a write is kept, reads come from storage again");
});

test("no storage at all (a private window, storage off): values live in the page", () => {
  const s = wordStore(undefined);
  assert.deepEqual(s.read(), []);
  s.write(["here"]);
  assert.deepEqual(s.read(), ["here"]);
});

test("any JSON value the check accepts comes back equal", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const ls = new MemoryStorage();
      const s = store<unknown>(
        "any",
        3,
        (v) => v,
        () => "empty",
        () => ls,
      );
      s.write(value);
      // JSON turns -0 into 0; that is JSON's, not the store's
      assert.deepEqual(s.read(), JSON.parse(JSON.stringify(value)));
      assert.deepEqual(Object.keys(ls.entries()), [s.key], "nothing set aside");
    }),
  );
});

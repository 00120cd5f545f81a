import { test } from "node:test";
import assert from "node:assert/strict";
import { FetchOnce } from "../../src/search/fetch-once.ts";

test("a file is fetched once however often it is asked for, and a failed fetch is tried again", async () => {
  const asked: string[] = [];
  let fail = true;
  const files = new FetchOnce((name: string) => {
    asked.push(name);
    if (name === "flaky" && fail) return Promise.reject(new Error("offline"));
    return Promise.resolve(name.toUpperCase());
  });
  assert.deepEqual(await Promise.all([files.get("a"), files.get("a"), files.get("b")]), ["A", "A", "B"]);
  assert.equal(await files.get("a"), "A");
  assert.deepEqual(asked, ["a", "b"]);
  await assert.rejects(files.get("flaky"), /offline/);
  fail = false;
  assert.equal(await files.get("flaky"), "FLAKY");
  assert.equal(await files.get("flaky"), "FLAKY");
  assert.deepEqual(asked, ["a", "b", "flaky", "flaky"]);
});

test("with a most, only the most recently asked for are kept", async () => {
  const made: number[] = [];
  const sets = new FetchOnce((n: number) => (made.push(n), Promise.resolve(n * 10)), 2);
  await sets.get(1);
  await sets.get(2);
  await sets.get(1); // 1 is now the most recent: 2 goes first
  await sets.get(3);
  assert.deepEqual(made, [1, 2, 3]);
  assert.equal(await sets.get(1), 10);
  assert.equal(await sets.get(2), 20);
  assert.deepEqual(made, [1, 2, 3, 2]);
});

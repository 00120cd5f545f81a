import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { PAGE_SIZE, pageUrl, paginate } from "../../../src/site/views/paging.ts";

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

test("page N of M holds the right items and links its neighbours", () => {
  const pages = paginate(items(120), "/topics/speech/");
  assert.equal(PAGE_SIZE, 50);
  assert.deepEqual(
    pages.map((p) => [p.number, p.of, p.url, p.prev, p.next, p.start, p.items.length, p.items[0]]),
    [
      [1, 3, "/topics/speech/", undefined, "/topics/speech/page/2/", 1, 50, 1],
      [2, 3, "/topics/speech/page/2/", "/topics/speech/", "/topics/speech/page/3/", 51, 50, 51],
      [3, 3, "/topics/speech/page/3/", "/topics/speech/page/2/", undefined, 101, 20, 101],
    ],
  );
});

test("an empty list is one empty page; a list of exactly one page has no neighbours", () => {
  assert.deepEqual(paginate([], "/d/"), [
    { number: 1, of: 1, url: "/d/", prev: undefined, next: undefined, start: 1, items: [] },
  ]);
  const [only, ...rest] = paginate(items(50), "/d/");
  assert.deepEqual([only!.items.length, only!.next, rest.length], [50, undefined, 0]);
  assert.equal(paginate(items(51), "/d/").length, 2, "one more item opens a second page");
});

test("every item is on exactly one page, in order, and pageUrl names the page that holds it", () => {
  fc.assert(
    fc.property(fc.nat(400), fc.integer({ min: 1, max: 60 }), (n, size) => {
      const pages = paginate(items(n), "/b/", size);
      assert.deepEqual(
        pages.flatMap((p) => p.items),
        items(n),
      );
      for (const p of pages) {
        assert.ok(p.items.length <= size);
        if (p.number < p.of) assert.equal(p.items.length, size, "only the last page is short");
        p.items.forEach((item, i) => {
          assert.equal(p.start + i, item);
          assert.equal(pageUrl("/b/", item, size), p.url);
        });
      }
      // links run both ways
      pages.forEach((p, i) => {
        assert.equal(p.next, pages[i + 1]?.url);
        assert.equal(p.prev, pages[i - 1]?.url);
      });
    }),
  );
});

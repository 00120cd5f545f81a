import { test } from "node:test";
import assert from "node:assert/strict";
import { absoluteUrl } from "../../src/site/filters.ts";
import type { SiteMeta } from "../../src/site/views/types.ts";

const meta = (url: string, base: string): SiteMeta => ({
  title: "t",
  description: "d",
  url,
  language: "en",
  generator: "g",
  base,
  prefix: base.replace(/\/$/, ""),
});

test("absolute URLs join the site URL, the base path and the page's path, for each site apart", () => {
  const hosted = meta("https://owner.github.io/", "/repo/");
  const nested = meta("https://example.org/labs/", "/");
  for (let round = 0; round < 2; round++) {
    assert.equal(absoluteUrl(hosted, "/papers/x/"), "https://owner.github.io/repo/papers/x/");
    assert.equal(absoluteUrl(nested, "/papers/x/"), "https://example.org/labs/papers/x/");
    assert.equal(absoluteUrl(nested, "/"), "https://example.org/labs/");
    assert.equal(absoluteUrl(meta("https://example.org//", "//a//"), "b/"), "https://example.org/a/b/");
  }
});

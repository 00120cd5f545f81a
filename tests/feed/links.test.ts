import { test } from "node:test";
import assert from "node:assert/strict";
import { extractLinks } from "../../src/feed/links.ts";

test("trailing punctuation is trimmed, brackets balanced, code hosts classified", () => {
  const text =
    "Code: https://github.com/a/b.git. Data (see https://example.org/x_(y)). More [https://huggingface.co/m/n]. And https://gitlab.com/c/d, https://hiss.github.io.";
  assert.deepEqual(extractLinks(text), [
    { url: "https://github.com/a/b", kind: "code" },
    { url: "https://example.org/x_(y)", kind: "page" },
    { url: "https://huggingface.co/m/n", kind: "code" },
    { url: "https://gitlab.com/c/d", kind: "code" },
    { url: "https://hiss.github.io", kind: "page" },
  ]);
});

test("only http(s) URLs are links", () => {
  assert.deepEqual(extractLinks("javascript:alert(1) data:text/html,x vbscript:x http://localhost"), []);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { extractLinks, projectPageIn } from "../../src/feed/links.ts";

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

test("a comment's URL introduced as a project page is the project page; code hosts are not", () => {
  // comments in the shapes of real arXiv API answers (tests/fixtures/feeds/README.md)
  assert.equal(
    projectPageIn("12 pages. Project page: https://gsa-lab.github.io/gsa"),
    "https://gsa-lab.github.io/gsa",
  );
  assert.equal(projectPageIn("Accepted to CVPR 2025. Website: https://w.org/p."), "https://w.org/p");
  assert.equal(projectPageIn("Project page is available at https://x.io/"), "https://x.io/");
  assert.equal(projectPageIn("Code is available at https://github.com/AIFEG/BenchLMM"), undefined);
  assert.equal(projectPageIn("Project page: https://github.com/a/b"), undefined);
  assert.equal(projectPageIn("Data from https://other.org/set"), undefined);
  assert.deepEqual(extractLinks("Code is available at https://github.com/AIFEG/BenchLMM"), [
    { url: "https://github.com/AIFEG/BenchLMM", kind: "code" },
  ]);
});

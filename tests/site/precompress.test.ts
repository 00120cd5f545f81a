import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { compressCopiedIn, precompressed, writeWithCopies } from "../../src/site/precompress.ts";
import { tempDir } from "../helpers.ts";

test("one list says which files get compressed copies: scripts, the two stylesheets, search files", () => {
  const yes = [
    "assets/search-0123456789.js",
    "assets/search-worker-0123456789.js",
    "assets/saved-0123456789.js",
    "assets/style.css",
    "assets/katex/katex.min.css",
    "search/manifest-0123456789.json",
    "search/s-0123456789/3.json",
    "search/d-0123456789/120.json",
  ];
  const no = [
    "index.html",
    "papers/mamba/index.html",
    "feed.xml",
    "sitemap.xml",
    "assets/favicon.svg",
    "assets/katex/fonts/KaTeX_Main-Regular.woff2",
    "assets/katex/katex.css",
    "assets/other.css",
    "search/index.html",
    "topics/search/index.html",
  ];
  for (const f of yes) assert.ok(precompressed(f), f);
  for (const f of no) assert.ok(!precompressed(f), f);
});

test("written files get gzip from 2 KB and Brotli from 8 KB (search document packs gzip only), only when on the list", async (t) => {
  const root = tempDir(t);
  const text = (n: number) => "word ".repeat(n / 5);
  const count = await writeWithCopies(
    root,
    [
      { path: "assets/small-1.js", contents: text(1500) },
      { path: "assets/mid-1.js", contents: text(4000) },
      { path: "search/s-1/0.json", contents: new TextEncoder().encode(text(9000)) },
      { path: "search/d-1/0.json", contents: text(9000) },
      { path: "papers/x/index.html", contents: text(9000) },
    ],
    true,
  );
  const all = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
  assert.deepEqual(all, [
    "assets/mid-1.js",
    "assets/mid-1.js.gz",
    "assets/small-1.js",
    "papers/x/index.html",
    "search/d-1/0.json",
    "search/d-1/0.json.gz",
    "search/s-1/0.json",
    "search/s-1/0.json.br",
    "search/s-1/0.json.gz",
  ]);
  assert.equal(count, all.length);
  const json = readFileSync(path.join(root, "search/s-1/0.json"));
  assert.deepEqual(gunzipSync(readFileSync(path.join(root, "search/s-1/0.json.gz"))), json);
  assert.deepEqual(brotliDecompressSync(readFileSync(path.join(root, "search/s-1/0.json.br"))), json);
});

test("the stylesheets Eleventy copied in get their copies after rendering, and are left as they are", async (t) => {
  const root = tempDir(t);
  mkdirSync(path.join(root, "assets/katex"), { recursive: true });
  const css = "body { color: black; }\n".repeat(500);
  writeFileSync(path.join(root, "assets/style.css"), css);
  writeFileSync(path.join(root, "assets/katex/katex.min.css"), ".katex{}");
  await compressCopiedIn(root);
  assert.equal(readFileSync(path.join(root, "assets/style.css"), "utf8"), css);
  assert.equal(gunzipSync(readFileSync(path.join(root, "assets/style.css.gz"))).toString(), css);
  assert.equal(brotliDecompressSync(readFileSync(path.join(root, "assets/style.css.br"))).toString(), css);
  assert.ok(!existsSync(path.join(root, "assets/katex/katex.min.css.gz")), "a small stylesheet has no copy");
});

test("without precompress, files are written as they are and nothing else", async (t) => {
  const root = tempDir(t);
  const count = await writeWithCopies(
    root,
    [{ path: "search/s-1/0.json", contents: "word ".repeat(3000) }],
    false,
  );
  assert.equal(count, 1);
  assert.deepEqual(readdirSync(path.join(root, "search/s-1")), ["0.json"]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { onThread } from "../../src/thread.ts";

const SEARCH_INDEX = new URL("../../src/site/search-index.ts", import.meta.url);

test("a job over records runs on a thread with the records moved there, and gives its result back", async () => {
  // the search index's thread function over two documents with text beyond Latin-1
  const docs = [1, 2].map((i) => ({
    slug: `p${i}`,
    title: `Paper ${i} on ‘state spaces’`,
    abstract: "An abstract with é and 𝔼.",
    topics: [],
    keywords: [],
    authors: [],
    byline: "",
    label: "Day",
  }));
  const out = await mkdtemp(path.join(tmpdir(), "pd-thread-"));
  try {
    const job = { manifestPath: "search/manifest-x.json", outDir: out, precompress: false };
    const written = await onThread<number>(SEARCH_INDEX, "writeSearchIndex", job, {
      records: { key: "docs", values: docs },
    });
    assert.ok(written > 3);
    assert.ok((await readdir(path.join(out, "search"))).includes("manifest-x.json"));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test("a thread asked to stop before it starts does not run", async () => {
  const stop = new AbortController();
  stop.abort();
  await assert.rejects(onThread(SEARCH_INDEX, "writeSearchIndex", {}, { signal: stop.signal }), /stopped/);
});

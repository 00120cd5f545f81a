import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { runCli, tempDir } from "../helpers.ts";
import { syntheticDump } from "../bench/synthetic.ts";
import { brokenLinks } from "./check-site.ts";
import { PAGE_SIZE as TOPIC_PAGE_SIZE } from "../../src/site/paging.ts";

test("a topic with more papers than a page holds is split into pages that link each other", async (t) => {
  const dir = tempDir(t);
  const feed = path.join(dir, "2025-01-01-trending.txt");
  writeFileSync(feed, syntheticDump(160, 7, "Jan 1"));
  const out = path.join(dir, "site");
  const r = await runCli(["build", feed, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const topics = readFileSync(path.join(out, "topics/index.html"), "utf8");
  const big = [
    ...topics.matchAll(/href="\/topics\/([a-z-]+)\/">[^<]+<\/a> <span class="count">(\d+) papers/g),
  ].find((m) => Number(m[2]) > TOPIC_PAGE_SIZE);
  assert.ok(big, "some topic has more than one page of papers");
  const [, slug, total] = big;
  const pages = Math.ceil(Number(total) / TOPIC_PAGE_SIZE);
  const first = readFileSync(path.join(out, "topics", slug!, "index.html"), "utf8");
  assert.equal(first.match(/<li class="card">/g)?.length, TOPIC_PAGE_SIZE);
  assert.match(first, new RegExp(`<a rel="next" href="/topics/${slug}/page/2/">`));
  const last = readFileSync(path.join(out, "topics", slug!, "page", String(pages), "index.html"), "utf8");
  assert.match(last, /rel="prev"/);
  assert.doesNotMatch(last, /rel="next"/);
  assert.match(last, new RegExp(`<ol class="cards" start="${(pages - 1) * TOPIC_PAGE_SIZE + 1}">`));
  assert.ok(!existsSync(path.join(out, "topics", slug!, "page", "1")));
  assert.deepEqual(brokenLinks(out), []);
});

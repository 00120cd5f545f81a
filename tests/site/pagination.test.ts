import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { runCli, tempDir } from "../helpers.ts";
import { syntheticDump } from "../bench/synthetic.ts";
import { brokenLinks, linksOf } from "./check-site.ts";
import { PAGE_SIZE as TOPIC_PAGE_SIZE } from "../../src/site/views/paging.ts";

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
  assert.equal(first.match(/<li class="card"/g)?.length, TOPIC_PAGE_SIZE);
  assert.match(first, new RegExp(`<a rel="next" href="/topics/${slug}/page/2/">`));
  const last = readFileSync(path.join(out, "topics", slug!, "page", String(pages), "index.html"), "utf8");
  assert.match(last, /rel="prev"/);
  assert.doesNotMatch(last, /rel="next"/);
  assert.match(
    last,
    new RegExp(`<ol class="cards" start="${(pages - 1) * TOPIC_PAGE_SIZE + 1}" data-listing[ >]`),
  );
  assert.ok(!existsSync(path.join(out, "topics", slug!, "page", "1")));
  assert.deepEqual(brokenLinks(out), []);
});

test("a daily listing of hundreds of papers: its digest and the home page come in pages of 50 that link each other", async (t) => {
  const dir = tempDir(t);
  const items = Array.from({ length: 120 }, (_, i) => {
    const id = `2501.${String(10000 + i)}`;
    return `<item><title>Listed paper number ${i + 1} on sequences</title><link>https://arxiv.org/abs/${id}</link>
<description>arXiv:${id}v1 Announce Type: new
Abstract: We study a model of long sequences, number ${i + 1}. It scales linearly and beats strong baselines on benchmarks.</description>
<guid isPermaLink="false">oai:arXiv.org:${id}v1</guid><category>cs.LG</category><dc:creator>Ada Lovelace, Alan Turing</dc:creator></item>`;
  });
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>cs.LG updates on arXiv.org</title>
<pubDate>Thu, 16 Jan 2025 00:00:00 -0500</pubDate>${items.join("\n")}</channel></rss>`;
  const feed = path.join(dir, "2025-01-16-arxiv-cs.LG.xml");
  writeFileSync(feed, rss);
  const out = path.join(dir, "site");
  const r = await runCli(["build", feed, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const cards = (p: string) => readFileSync(path.join(out, p), "utf8").match(/<li class="card"/g)?.length;
  assert.equal(cards("index.html"), 50);
  assert.equal(cards("digests/2025-01-16-arxiv-listing-cs-lg/index.html"), 50);
  assert.equal(cards("digests/2025-01-16-arxiv-listing-cs-lg/page/2/index.html"), 50);
  assert.equal(cards("digests/2025-01-16-arxiv-listing-cs-lg/page/3/index.html"), 20);
  assert.deepEqual(
    linksOf(path.join(out, "index.html")).filter((l) => l.rel === "next"),
    [{ rel: "next", href: "/digests/2025-01-16-arxiv-listing-cs-lg/page/2/", text: "Next → page 2 of 3" }],
  );
  const last = readFileSync(
    path.join(out, "digests/2025-01-16-arxiv-listing-cs-lg/page/3/index.html"),
    "utf8",
  );
  assert.match(last, /<ol class="cards" start="101" data-listing[ >]/);
  assert.match(last, /<a rel="prev" href="\/digests\/2025-01-16-arxiv-listing-cs-lg\/page\/2\/">/);
  const p101 = readFileSync(path.join(out, "papers/listed-paper-number-101-on-sequences/index.html"), "utf8");
  assert.match(
    p101,
    /<a href="\/digests\/2025-01-16-arxiv-listing-cs-lg\/page\/3\/">#101 on Jan 16, 2025 in cs.LG updates on arXiv.org<\/a>/,
  );
  assert.deepEqual(brokenLinks(out), []);
});

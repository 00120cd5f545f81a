import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFeed } from "../../src/feed/parse.ts";
import { arxivListings } from "./arxiv.ts";

test("the bench's arXiv-shaped listings read as arXiv listings of 400 papers, one weekday apart, without a warning", () => {
  const listings = [...arxivListings(2100)];
  assert.deepEqual(
    listings.map((l) => l.name),
    [
      "2025-01-06-arxiv-cs.LG.xml",
      "2025-01-07-arxiv-cs.CL.xml",
      "2025-01-08-arxiv-cs.CV.xml",
      "2025-01-09-arxiv-cs.LG.xml",
      "2025-01-10-arxiv-cs.CL.xml",
      "2025-01-13-arxiv-cs.CV.xml",
    ],
  );
  const dumps = listings.map((l) => parseFeed(l.xml, l.name));
  assert.deepEqual(
    dumps.map((d) => [d.format, d.date, d.category, d.entries.length, d.updates.length]),
    [
      ["arxiv-listing", "2025-01-06", "cs.LG", 400, 0],
      ["arxiv-listing", "2025-01-07", "cs.CL", 400, 0],
      ["arxiv-listing", "2025-01-08", "cs.CV", 400, 0],
      ["arxiv-listing", "2025-01-09", "cs.LG", 400, 0],
      ["arxiv-listing", "2025-01-10", "cs.CL", 400, 0],
      ["arxiv-listing", "2025-01-13", "cs.CV", 100, 0],
    ],
  );
  assert.deepEqual(
    dumps.flatMap((d) => d.diagnostics),
    [],
  );
  const papers = dumps.flatMap((d) => d.entries.map((e) => ({ ...e, category: d.category! })));
  assert.equal(new Set(papers.map((p) => p.meta.arxivId)).size, 2100);
  assert.equal(new Set(papers.map((p) => p.title)).size, 2100);
  assert.equal(papers[0]!.meta.arxivId, "2501.00001");
  for (const p of papers) {
    const authors = p.meta.authors ?? [];
    const categories = p.meta.categories ?? [];
    assert.ok(authors.length >= 2 && authors.length <= 9, `${authors.length} authors`);
    assert.ok(categories.length >= 1 && categories.length <= 3, `${categories.length} categories`);
    assert.ok(categories.slice(0, 2).includes(p.category), `${p.category} in ${categories.join(" ")}`);
    assert.ok(p.abstract.length > 300, p.abstract);
  }
  const spread = (n: number) => new Set(papers.map((p) => p.meta.authors!.length)).has(n);
  assert.ok(spread(2) && spread(9));
});

test("the listings are the same on every run", () => {
  const a = [...arxivListings(800)].map((l) => l.xml);
  const b = [...arxivListings(800)].map((l) => l.xml);
  assert.deepEqual(a, b);
  assert.notEqual(a[0], a[1]);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { asSaved, fromCard, recordOf, toCard, type RecordSource } from "../../src/library/saved-paper.ts";
import { fromCsv, toBibtex, toCsv } from "../../src/client/export.ts";
import { bibtex } from "../../src/render/bibtex.ts";
import { citable } from "../../src/library/saved-paper.ts";

const pageUrl = (slug: string) => `https://example.org/papers/${slug}/`;

const sources: RecordSource[] = [
  {
    slug: "mamba-linear-time",
    title: "Mamba: Linear-Time Sequence Modeling with $O(n)$ State",
    plainTitle: "Mamba: Linear-Time Sequence Modeling with O(n) State",
    authors: ["Albert Gu", "Tri Dao"],
    published: "2023-12-01",
    digests: [{ date: "2025-03-11" }],
    arxivId: "2312.00752",
    categories: ["cs.LG", "cs.AI"],
    doi: "10.48550/arXiv.2312.00752",
    topics: [{ name: "State space models" }],
    citeKey: "2023mambaa",
  },
  {
    // hostile text: quotes, braces, markup, a formula, a list separator inside a name
    slug: "hostile",
    title: '"</script><img src=x onerror=alert(1)> {\\evil} =SUM(A1)',
    plainTitle: '"</script><img src=x onerror=alert(1)> {\\evil} =SUM(A1)',
    authors: ["O'Brien; Jr.", "javascript:alert(1)", "'quoted"],
    digests: [{ date: "2025-03-11" }],
    topics: [{ name: "Theory; analysis" }, { name: "-minus" }],
    citeKey: "x",
  },
  { slug: "bare", title: "Bare", plainTitle: "Bare", digests: [{}], topics: [], citeKey: "bare" },
];

test("page data → saved → CSV export → import gives the same records; BibTeX is the page's", () => {
  const savedAt = "2025-03-12T08:00:00.000Z";
  // what a card carries, as the page writes it (JSON in data-cite), read back as the browser does
  const fromPage = sources.map((s) => fromCard(JSON.stringify(toCard(recordOf(s))))!);
  assert.deepEqual(fromPage, sources.map(recordOf));
  const saved = fromPage.map((r) => asSaved({ ...r, savedAt })!);
  const back = fromCsv(toCsv(saved, pageUrl));
  assert.equal(back.skipped, 0);
  assert.deepEqual(back.papers, saved);
  // the export's BibTeX entry of each paper is the paper page's, from the same mapping
  const pageEntries = sources.map((s) => bibtex(citable(recordOf(s), pageUrl(s.slug))));
  assert.equal(toBibtex(saved, pageUrl), pageEntries.join("\n\n") + "\n");
  assert.match(toBibtex(saved, pageUrl), /@misc\{2023mambaa,/);
});

test("a stored paper of an older shape is read, and a broken one is left out, never thrown", () => {
  const old = { slug: "old-paper", title: "Old", authors: "not a list", savedAt: 5, extra: true };
  assert.deepEqual(asSaved(old), {
    slug: "old-paper",
    title: "Old",
    authors: [],
    topics: [],
    savedAt: new Date(0).toISOString(),
  });
  assert.equal(asSaved({ slug: "Not A Slug", title: "x" }), undefined);
  assert.equal(fromCard("{not json"), undefined);
  assert.equal(asSaved({ slug: "k", title: "t", bibKey: "}evil" })?.bibKey, undefined);
});

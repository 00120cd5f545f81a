import { test } from "node:test";
import assert from "node:assert/strict";
import {
  asSaved,
  bylineNames,
  cardData,
  fromCard,
  recordOf,
  type PaperRecord,
  type RecordSource,
} from "../../src/library/saved-paper.ts";
import { byline } from "../../src/site/enrich.ts";
import fc from "fast-check";
import { fromCsv, toBibtex, toCsv } from "../../src/client/export.ts";
import { bibtex, citationKey } from "../../src/render/bibtex.ts";
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
  {
    // more authors than a byline shows, one with a comma and one with " and " in the name, a date
    // that is not the day it arrived, a suffixed key, an undated first digest
    slug: "many-authors",
    title: "Many \\emph{authors}",
    plainTitle: "Many authors",
    authors: ["Ada Lovelace", "Smith, John", "Research and Development", "D", "E et al."],
    published: "2024-01-02",
    digests: [{}, { date: "2025-03-12" }],
    arxivId: "hep-th/9901001",
    categories: ["hep-th"],
    topics: [{ name: "Theory" }],
    citeKey: "lovelace2024manya",
  },
  ...[["A et al."], ["A, B", "C"], ["A", "B and C"], ["A", "B", "C", "D"], ["A; B\\", "C"]].map(
    (authors, i) => ({
      slug: `byline-${i}`,
      title: "T",
      plainTitle: "T",
      authors,
      digests: [{ date: "2025-03-11" }],
      topics: [],
      citeKey: citationKey({ title: "T", authors, date: "2025-03-11" }),
    }),
  ),
];

/** What a listing card shows of a paper, and what its paper page shows, as the browser reads them. */
const onCard = (s: RecordSource) => ({
  slug: s.slug,
  title: s.plainTitle,
  byline: byline(s.authors),
  topics: s.topics.map((t) => t.name),
  arrived: s.digests[0]!.date ?? "",
});
const onPage = (s: RecordSource) => ({
  slug: s.slug,
  title: s.plainTitle,
  authors: s.authors ?? [],
  topics: s.topics.map((t) => t.name),
});
/** The record as the browser reads it back from a card (or page) and the attributes written beside it. */
const readBack = (s: RecordSource, shown: typeof onCard | typeof onPage): PaperRecord | undefined => {
  const { slug: _, topics: __, ...what } = shown(s);
  return fromCard(shown(s), cardData(recordOf(s), what));
};

test("page data → saved → CSV export → import gives the same records; BibTeX is the page's", () => {
  const savedAt = "2025-03-12T08:00:00.000Z";
  // what a card and a paper page show and carry, read back as the browser does
  assert.deepEqual(
    sources.map((s) => readBack(s, onPage)),
    sources.map(recordOf),
  );
  const fromPage = sources.map((s) => readBack(s, onCard)!);
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
  assert.equal(fromCard({ slug: "Not A Slug", title: "x", topics: [] }, {}), undefined);
  assert.equal(fromCard({ slug: "k", title: "", topics: [] }, {}), undefined);
  assert.equal(asSaved({ slug: "k", title: "t", bibKey: "}evil" })?.bibKey, undefined);
});

test("a card carries only what it does not show: no title, authors or date it already shows", () => {
  const data = (s: RecordSource) => {
    const { slug: _, topics: __, ...what } = onCard(s);
    return cardData(recordOf(s), what);
  };
  // Mamba: TeX title, two authors in the byline, its own date, arXiv fields, DOI, suffixed key
  assert.deepEqual(data(sources[0]!), {
    title: "Mamba: Linear-Time Sequence Modeling with $O(n)$ State",
    date: "2023-12-01",
    arxiv: "2312.00752",
    class: "cs.LG",
    doi: "10.48550/arXiv.2312.00752",
    key: "2023mambaa",
  });
  assert.deepEqual(data(sources[2]!), {});
  // four authors: the byline shows three, the fourth rides along
  assert.deepEqual(data(sources[7]!), { more: "D" });
  // a byline that reads back wrong (a comma, " and ", " et al." in a name) gives every author
  assert.deepEqual(
    data(sources[3]!).authors,
    "Ada Lovelace; Smith, John; Research and Development; D; E et al.",
  );
  for (const i of [4, 5, 6]) assert.ok(data(sources[i]!).authors, sources[i]!.slug);
  assert.deepEqual(bylineNames("A, B and C"), ["A", "B", "C"]);
  assert.deepEqual(bylineNames("A, B, C et al."), ["A", "B", "C"]);
  assert.deepEqual(bylineNames(""), []);
});

test("any authors, title and date come back whole from what a card and a page show and carry", () => {
  // names as feeds give them (trimmed, not empty), built from the pieces a byline and a list use
  const piece = fc.constantFrom("A", "Bo", ", ", " and ", " et al.", "; ", "\\", ";", "é", " ");
  const name = fc
    .array(piece, { minLength: 1, maxLength: 6 })
    .map((p) => p.join("").trim())
    .filter(Boolean);
  fc.assert(
    fc.property(
      fc.array(name, { maxLength: 12 }),
      fc.boolean(),
      fc.option(fc.constantFrom("2024-01-02", "2025-03-11")),
      (authors, tex, published) => {
        const s: RecordSource = {
          slug: "p",
          title: tex ? "T $x$" : "T x",
          plainTitle: "T x",
          authors,
          ...(published ? { published } : {}),
          digests: [{ date: "2025-03-11" }],
          topics: [{ name: "Theory" }],
          citeKey: "k",
        };
        assert.deepEqual(readBack(s, onCard), recordOf(s));
        assert.deepEqual(readBack(s, onPage), recordOf(s));
      },
    ),
    { numRuns: 500 },
  );
});

// Byte budgets per page kind (issue 24, item 2) on a small site of the bench's shape: one arXiv
// listing of 400 papers (tests/bench/arxiv.ts: ids, 2–9 authors, 1–3 categories) and the shipped
// topics. Bytes are deterministic, so each budget sits just above what the pages weigh now and a
// page that grows fails here; raise one only for a feature, and say so in the commit.
// When set (this site): a paper page 10,200 bytes (its head 2,723), topic listings 1,155 bytes a
// card, digests 1,158 a card; before item 2: 11,413 (3,412), 1,687 and 1,666.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, builtSite, tempDir } from "../helpers.ts";
import { files } from "./check-site.ts";
import { arxivListings } from "../bench/arxiv.ts";

const BUDGET = {
  /** mean bytes of a paper page */
  paperPage: 10_400,
  /** mean bytes of a paper page's <head> */
  paperHead: 2_780,
  /** bytes of the topic listings' pages (heads, charts and pagers included) over the cards they list */
  topicCard: 1_180,
  /** the same for the digests' pages */
  digestCard: 1_180,
};

/** What a card may carry beside its class: its slug, search document, day and `CardData`. */
const CARD_ATTRIBUTES = new Set(
  ["paper", "doc", "arrived", "title", "authors", "more", "date", "arxiv", "class", "doi", "key"].map(
    (a) => `data-${a}`,
  ),
);

let out = "";
before(async () => {
  const root = tempDir({ after: (fn) => process.on("exit", fn) });
  mkdirSync(path.join(root, "content", "feeds"), { recursive: true });
  cpSync(path.join(ROOT, "content", "topics"), path.join(root, "content", "topics"), { recursive: true });
  for (const { name, xml } of arxivListings(400))
    writeFileSync(path.join(root, "content", "feeds", name), xml);
  out = await builtSite(root);
});

const pages = (folder: string) => files(path.join(out, folder), ".html").map((f) => readFileSync(f, "utf8"));
const bytes = (texts: string[]) => texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const cards = (texts: string[]) => texts.flatMap((t) => t.match(/<li class="card"[^>]*>/g) ?? []);

test("paper pages: mean bytes and head bytes within budget", () => {
  const papers = pages("papers");
  assert.equal(papers.length, 400);
  const mean = bytes(papers) / papers.length;
  const head =
    bytes(papers.map((t) => t.slice(t.indexOf("<head>"), t.indexOf("</head>") + 7))) / papers.length;
  assert.ok(
    mean <= BUDGET.paperPage,
    `a paper page weighs ${mean.toFixed(0)} bytes, budget ${BUDGET.paperPage}`,
  );
  assert.ok(
    head <= BUDGET.paperHead,
    `a paper page's head weighs ${head.toFixed(0)} bytes, budget ${BUDGET.paperHead}`,
  );
});

test("topic listings and digests: bytes a card within budget", () => {
  for (const [folder, budget] of [
    ["topics", BUDGET.topicCard],
    ["digests", BUDGET.digestCard],
  ] as const) {
    const listed = pages(folder);
    const n = cards(listed).length;
    assert.ok(n >= 400, `${folder}: ${n} cards`);
    const perCard = bytes(listed) / n;
    assert.ok(perCard <= budget, `${folder}: ${perCard.toFixed(0)} bytes a card, budget ${budget}`);
  }
});

test("a card carries no copy of itself: only its slug, search document, day and what it does not show", () => {
  for (const card of cards([...pages("topics"), ...pages("digests")])) {
    const names = [...card.matchAll(/ ([a-z-]+)="/g)].map((m) => m[1]!).filter((a) => a !== "class");
    for (const name of names) assert.ok(CARD_ATTRIBUTES.has(name), `${name} on ${card}`);
  }
});

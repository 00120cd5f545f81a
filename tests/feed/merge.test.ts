import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFeed } from "../../src/feed/parse.ts";
import { mergeDumps } from "../../src/feed/merge.ts";

const A =
  "We study long sequences with a new model. It scales linearly in the sequence length and beats strong baselines.";
const B =
  "A second abstract that is long enough to read as prose. It says something else about the same model entirely.";

test("the same paper in two dumps is one record listing both appearances; newest abstract wins", () => {
  const older = parseFeed(`Mar 1\n\nShared Paper\n\n${A}\n\nOnly Old\n\n${B}\n`, "2025-03-01.txt");
  const newer = parseFeed(`Mar 2\n\nNew One\n\n${B}\n\nShared  paper\n\n${B}\n`, "2025-03-02.txt");
  const m = mergeDumps([newer, older]);
  assert.deepEqual(
    m.papers.map((p) => p.title),
    ["Shared  paper".replace("  ", " "), "Only Old", "New One"],
  );
  const shared = m.papers[0]!;
  assert.deepEqual(
    shared.digests.map((d) => [d.date, d.rank]),
    [
      ["2025-03-01", 1],
      ["2025-03-02", 2],
    ],
  );
  assert.equal(shared.abstract, B);
  assert.equal(m.diagnostics.length, 1);
  assert.match(m.diagnostics[0]!.message, /abstract differs from the one in 2025-03-01.txt:3/);
  assert.deepEqual(
    m.digests.map((d) => d.paperIds.length),
    [2, 2],
  );
});

test("adding a later dump keeps every existing slug", () => {
  const one = parseFeed(`Mar 1\n\nChimera: one\n\n${A}\n`, "2025-03-01.txt");
  const two = parseFeed(`Mar 2\n\nChimera: one\n\n${B}\n\nChimera: One!\n\n${A}\n`, "2025-03-02.txt");
  const before = mergeDumps([one]).papers[0]!.slug;
  const after = mergeDumps([one, two]).papers;
  assert.equal(after[0]!.slug, before);
  assert.notEqual(after[1]!.slug, before);
});

const hf = (items: { id: string; title: string; summary: string; upvotes?: number }[]) =>
  JSON.stringify(
    items.map((p) => ({
      paper: { ...p, authors: [{ name: "Ada Lovelace" }], submittedOnDailyAt: "2025-03-14T01:00:00Z" },
    })),
  );

test("a pasted paper and the same paper in a JSON dump are one record, which then has the id", () => {
  const text = parseFeed(`Mar 11\n\nShared Paper\n\n${A}\n`, "2025-03-11-trending.txt");
  const json = parseFeed(
    hf([{ id: "2503.00001", title: "Shared  paper", summary: A, upvotes: 7 }]),
    "2025-03-14-hf.json",
  );
  const m = mergeDumps([json, text]);
  assert.equal(m.papers.length, 1);
  const p = m.papers[0]!;
  assert.equal(p.arxivId, "2503.00001");
  assert.deepEqual(p.authors, ["Ada Lovelace"]);
  assert.equal(p.slug, "shared-paper", "the slug is the one the pasted dump gave it");
  assert.deepEqual(
    p.digests.map((d) => [d.file, d.upvotes]),
    [
      ["2025-03-11-trending.txt", undefined],
      ["2025-03-14-hf.json", 7],
    ],
  );
  assert.equal(mergeDumps([text]).papers[0]!.slug, p.slug, "adding the JSON dump kept the slug");
});

test("papers merge by arXiv id even when the title changed, with a warning; the newer title wins, the slug stays", () => {
  const v1 = parseFeed(
    hf([{ id: "2503.00001", title: "Old Title of It", summary: A }]),
    "2025-03-14-hf.json",
  );
  const v2 = parseFeed(hf([{ id: "2503.00001", title: "A Better Title", summary: A }]), "2025-03-15-hf.json");
  const m = mergeDumps([v2, v1]);
  assert.equal(m.papers.length, 1);
  assert.equal(m.papers[0]!.title, "A Better Title");
  assert.equal(m.papers[0]!.slug, "old-title-of-it");
  assert.match(
    m.diagnostics[0]!.message,
    /title differs from the one in 2025-03-14-hf\.json:\d+ \("Old Title of It"\); the newer title is used/,
  );
});

test("two arXiv papers with the same title are two records, with distinct slugs", () => {
  const one = parseFeed(hf([{ id: "2503.00001", title: "Attention", summary: A }]), "2025-03-14-hf.json");
  const two = parseFeed(hf([{ id: "2503.00002", title: "Attention", summary: B }]), "2025-03-15-hf.json");
  const m = mergeDumps([one, two]);
  assert.deepEqual(
    m.papers.map((p) => p.arxivId),
    ["2503.00001", "2503.00002"],
  );
  assert.notEqual(m.papers[0]!.slug, m.papers[1]!.slug);
});

test("a listing's replacement updates the paper the site has and is not a paper of that day", () => {
  const item = (type: string, v: number) =>
    `<item><title>Shared Paper</title><description>arXiv:2503.00001v${v} Announce Type: ${type}
Abstract: ${B}</description><guid isPermaLink="false">oai:arXiv.org:2503.00001v${v}</guid><dc:creator>Ada Lovelace, Alan Turing</dc:creator></item>`;
  const rss = `<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>cs.LG</title><pubDate>Mon, 17 Mar 2025 00:00:00 -0400</pubDate>${item("replace", 2)}</channel></rss>`;
  const json = parseFeed(hf([{ id: "2503.00001", title: "Shared Paper", summary: A }]), "2025-03-14-hf.json");
  const m = mergeDumps([json, parseFeed(rss, "2025-03-17-arxiv-cs.LG.xml")]);
  assert.equal(m.papers.length, 1);
  assert.equal(m.papers[0]!.version, 2);
  assert.deepEqual(m.papers[0]!.authors, ["Ada Lovelace", "Alan Turing"]);
  assert.equal(m.papers[0]!.abstract, B);
  assert.deepEqual(
    m.digests.map((d) => [d.paperIds.length, d.updates, d.updated]),
    [
      [1, 0, 0],
      [0, 1, 1],
    ],
  );
});

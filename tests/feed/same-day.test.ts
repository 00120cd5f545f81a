import assert from "node:assert/strict";
import { test } from "node:test";
import { dayKey, oneDumpPerDay, sourceName } from "../../src/feed/same-day.ts";
import type { ParsedDump } from "../../src/feed/dump.ts";

function dump(file: string, fields: Partial<ParsedDump>): ParsedDump {
  return { file, format: "hf-daily", label: "", entries: [], updates: [], diagnostics: [], ...fields };
}

test("two files of one source and day: the one whose name sorts last is read, and both are named in a warning", () => {
  const a = dump("content/feeds/2025-03-14-hf-daily.json", { date: "2025-03-14" });
  const b = dump("content/feeds/2025-03-14-hf-daily-again.json", { date: "2025-03-14" });
  const other = dump("content/feeds/2025-03-15-hf-daily.json", { date: "2025-03-15" });
  for (const order of [
    [a, b, other],
    [other, b, a],
  ]) {
    const r = oneDumpPerDay(order);
    assert.deepEqual(
      r.dumps.map((d) => d.file),
      order.filter((d) => d !== b).map((d) => d.file),
      "the same choice whatever the order, the kept dumps in their order",
    );
    assert.deepEqual(r.diagnostics, [
      {
        file: b.file,
        severity: "warning",
        message:
          "content/feeds/2025-03-14-hf-daily.json holds the same source and day (Hugging Face daily papers, 2025-03-14); " +
          "only content/feeds/2025-03-14-hf-daily.json is read, so that day is one digest: remove one of the two files",
      },
    ]);
  }
});

test("one day of different sources, and undated dumps, are all read", () => {
  const dumps = [
    dump("a.json", { date: "2025-03-14" }),
    dump("b.txt", { format: "text", date: "2025-03-14" }),
    dump("c.xml", { format: "arxiv-listing", category: "cs.LG", date: "2025-03-14" }),
    dump("d.xml", { format: "arxiv-listing", category: "cs.CL", date: "2025-03-14" }),
    dump("e.xml", { format: "arxiv-api", query: "all:mamba", date: "2025-03-14" }),
    dump("f.xml", { format: "arxiv-api", query: "all:lora", date: "2025-03-14" }),
    dump("g.xml", { format: "feed", source: "https://a.example/", date: "2025-03-14" }),
    dump("h.xml", { format: "feed", source: "https://b.example/", date: "2025-03-14" }),
    dump("i.json", {}),
    dump("j.json", {}),
  ];
  const r = oneDumpPerDay(dumps);
  assert.equal(r.dumps.length, dumps.length);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(dayKey(dumps[8]!), undefined, "an undated dump has no day to share");
});

test("the same arXiv API query or listing category on one day is one digest", () => {
  const q = (file: string) => dump(file, { format: "arxiv-api", query: "all:mamba", date: "2025-03-15" });
  const r = oneDumpPerDay([q("x.xml"), q("y.xml")]);
  assert.deepEqual(
    r.dumps.map((d) => d.file),
    ["y.xml"],
  );
  assert.match(r.diagnostics[0]!.message, /\(the arXiv API query "all:mamba", 2025-03-15\)/);
});

test("messages name the source as a reader knows it", () => {
  assert.equal(sourceName(dump("", { format: "text" })), "a pasted trending page");
  assert.equal(
    sourceName(dump("", { format: "arxiv-listing", category: "cs.LG" })),
    "the arXiv listing of cs.LG",
  );
  assert.equal(sourceName(dump("", { format: "arxiv-listing" })), "the arXiv listing of an unnamed category");
  assert.equal(
    sourceName(dump("", { format: "feed", title: 'Lab "news"', source: "https://a.example/" })),
    'the feed "Lab \\"news\\""',
  );
  assert.equal(
    sourceName(dump("", { format: "feed", source: "https://a.example/" })),
    'the feed "https://a.example/"',
  );
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseFeed } from "../../../src/feed/parse.ts";
import { formatDiagnostic } from "../../../src/common/diagnostics.ts";

const SAMPLE = readFileSync(
  new URL("../../fixtures/feeds/hf-daily-papers-2025-03-14.json", import.meta.url),
  "utf8",
);
const items = () => JSON.parse(SAMPLE) as { paper: Record<string, unknown> }[];
const messages = (d: ReturnType<typeof parseFeed>) => d.diagnostics.map(formatDiagnostic);

test("a Hugging Face daily-papers dump: its papers in order, with ids, authors, upvotes and links", () => {
  const d = parseFeed(SAMPLE, "content/feeds/hf-daily-papers-2025-03-14.json");
  assert.equal(d.format, "hf-daily");
  assert.deepEqual(messages(d), []);
  assert.equal(d.date, "2025-03-14", "the day the papers were featured");
  assert.equal(d.entries.length, 5);
  const [first, , , fourth, fifth] = d.entries;
  assert.equal(first!.title, "LongWriter: Unleashing 10,000+ Word Generation from Long Context LLMs");
  assert.equal(first!.rank, 1);
  assert.equal(first!.upvotes, 64);
  assert.deepEqual(first!.meta, {
    arxivId: "2408.07055",
    authors: [
      "Yushi Bai",
      "Jiajie Zhang",
      "Xin Lv",
      "Linzhi Zheng",
      "Siqi Zhu",
      "Lei Hou",
      "Yuxiao Dong",
      "Jie Tang",
      "Juanzi Li",
    ],
    published: "2024-08-13",
    githubRepo: "https://github.com/THUDM/LongWriter",
    huggingFace: true,
    aiSummary: "A short machine-written summary of the paper.",
    aiKeywords: ["long context LLMs", "AgentWrite", "LongWriter-6k", "supervised fine-tuning", "DPO"],
  });
  assert.equal(fourth!.meta.projectPage, "https://nategillman.com/fourier-head");
  assert.equal(fourth!.meta.githubRepo, undefined, "a missing githubRepo is fine");
  assert.ok(
    fifth!.meta.authors!.includes("Taha Aksu"),
    "an author hidden on Hugging Face is still an author",
  );
  // each entry's line is where its item starts
  assert.equal(SAMPLE.split("\n")[first!.line - 1]!.trim(), "{");
});

test("the file name's date comes before the featured day", () => {
  assert.equal(parseFeed(SAMPLE, "content/feeds/2025-03-20-hf-daily.json").date, "2025-03-20");
});

test("a wrong type names the entry and the field, at the value's line and column", () => {
  const data = items();
  data[1]!.paper.title = 42;
  const text = JSON.stringify(data, null, 2);
  const d = parseFeed(text, "f.json");
  const line = text.split("\n").findIndex((l) => l.includes('"title": 42')) + 1;
  const column = text.split("\n")[line - 1]!.indexOf("42") + 1;
  assert.deepEqual(messages(d), [`f.json:${line}:${column}: error: entry 2: paper.title: expected a string`]);
  assert.equal(d.entries.length, 4, "the other entries are still read");
});

test("a missing field is said to be missing; unknown fields are ignored", () => {
  const data = items();
  delete data[0]!.paper.summary;
  data[2]!.paper.somethingNew = { nested: true };
  const d = parseFeed(JSON.stringify(data, null, 2), "f.json");
  assert.deepEqual(
    d.diagnostics.map((x) => x.message),
    ["entry 1: paper.summary: missing; expected a string"],
  );
});

test("broken JSON is an error at its line and column; not an array is an error too", () => {
  const d = parseFeed('[\n  {"paper": {"id": "1"}\n  }\n  {"x": 1}\n]', "f.json");
  assert.equal(d.diagnostics.length, 1);
  assert.match(formatDiagnostic(d.diagnostics[0]!), /^f\.json:4:3: error: not valid JSON: expected a comma/);
  assert.match(
    messages(parseFeed('{"error": "Invalid date"}', "f.json"))[0]!,
    /the service answered with an error: Invalid date/,
  );
  assert.match(messages(parseFeed("[]", "f.json"))[0]!, /no papers found: the list of daily papers is empty/);
});

test("an unsafe or malformed link or id is left out with a warning, and the paper stays", () => {
  const data = items();
  data[0]!.paper.githubRepo = "javascript:alert(1)";
  data[1]!.paper.projectPage = "ftp://example.org/x";
  data[2]!.paper.id = "not-an-id";
  const d = parseFeed(JSON.stringify(data, null, 2), "f.json");
  assert.equal(d.entries.length, 5);
  assert.equal(d.entries[0]!.meta.githubRepo, undefined);
  assert.equal(d.entries[1]!.meta.projectPage, undefined);
  assert.equal(d.entries[2]!.meta.arxivId, undefined);
  assert.deepEqual(
    d.diagnostics.map((x) => [x.severity, x.message.split(":")[0]]),
    [
      ["warning", 'githubRepo "javascript'],
      ["warning", 'projectPage "ftp'],
      ["warning", 'paper.id "not-an-id" is not an arXiv id; the paper is kept without one'],
    ],
  );
});

test("the 2024 shape (no submittedOnDailyAt): the items' own publishedAt is the day; a date anywhere in the file name first", () => {
  const text = readFileSync(
    new URL("../../fixtures/feeds/daily_papers_2024-03-21.json", import.meta.url),
    "utf8",
  );
  // named without a date: the day the items were listed, not the papers' arXiv dates
  const plain = parseFeed(text, "hf.json");
  assert.equal(plain.date, "2024-03-21");
  assert.deepEqual(
    plain.entries.map((e) => e.meta.published),
    ["2024-03-20", "2024-03-19"],
  );
  assert.equal(parseFeed(text, "archive/daily_papers_2024-03-22.json").date, "2024-03-22");
  assert.equal(parseFeed(text, "hf-2024-03-23.json").date, "2024-03-23");
  // no day of the calendar, or digits that run on: not a date
  assert.equal(parseFeed(text, "dump-2024-02-30.json").date, "2024-03-21");
  assert.equal(parseFeed(text, "v12024-03-221.json").date, "2024-03-21");
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseFeed } from "../../../src/feed/parse.ts";
import { mergeDumps } from "../../../src/feed/merge.ts";
import { formatDiagnostic } from "../../../src/common/diagnostics.ts";

// Hugging Face's current answers carry `paper.ai_summary` (one line) and `paper.ai_keywords`
const FILE = "tests/fixtures/feeds/hf-daily-ai-summary-2026-03-23.json";
const SAMPLE = readFileSync(new URL(`../../../${FILE}`, import.meta.url), "utf8");
const items = () => JSON.parse(SAMPLE) as { paper: Record<string, unknown> }[];

test("ai_summary and ai_keywords are read, cleaned like other text; a paper without them has neither", () => {
  const d = parseFeed(SAMPLE, FILE);
  assert.deepEqual(d.diagnostics.map(formatDiagnostic), []);
  const [first, second, third] = d.entries;
  assert.equal(
    first!.meta.aiSummary,
    "Several software engineering agents working asynchronously on one repository, with branch isolation and a shared task board, resolve more issues at the same cost.",
  );
  assert.deepEqual(first!.meta.aiKeywords, [
    "multi-agent collaboration",
    "software engineering agents",
    "asynchronous execution",
    "branch isolation",
    "task board",
  ]);
  // a wrapped line is joined, TeX is kept as written; an empty keyword and a repeated one are dropped
  assert.equal(
    second!.meta.aiSummary,
    "A batch-normalised router gives every expert $O(N/E)$ tokens without a load balancing loss, matching perplexity at higher throughput.",
  );
  assert.deepEqual(second!.meta.aiKeywords, ["mixture-of-experts", "router", "load balancing", "throughput"]);
  assert.equal(third!.meta.aiSummary, undefined);
  assert.equal(third!.meta.aiKeywords, undefined);
});

test("a wrong type is left out with a warning naming it, and the paper stays", () => {
  const data = items();
  data[0]!.paper.ai_summary = 42;
  data[1]!.paper.ai_keywords = "router, throughput";
  data[2]!.paper.ai_keywords = ["calibration", 7];
  const d = parseFeed(JSON.stringify(data, null, 2), FILE);
  assert.equal(d.entries.length, 3);
  assert.equal(d.entries[0]!.meta.aiSummary, undefined);
  assert.ok(d.entries[0]!.meta.aiKeywords, "the other field of the same paper is kept");
  assert.equal(d.entries[1]!.meta.aiKeywords, undefined);
  assert.equal(d.entries[2]!.meta.aiKeywords, undefined);
  assert.deepEqual(
    d.diagnostics.map((x) => [x.severity, x.message]),
    [
      ["warning", 'ai_summary "42": expected a string; left out'],
      ["warning", 'ai_keywords "router, throughput": expected an array; left out'],
      ["warning", 'ai_keywords "[\\"calibration\\",7]": expected a string; left out'],
    ],
  );
});

test("an empty or blank summary and an empty keyword list are none; markup in them is said and kept as text", () => {
  const data = items();
  data[0]!.paper.ai_summary = "   ";
  data[0]!.paper.ai_keywords = [];
  data[1]!.paper.ai_summary = "Routers <script>alert(1)</script> balance experts.";
  const d = parseFeed(JSON.stringify(data, null, 2), FILE);
  assert.equal(d.entries[0]!.meta.aiSummary, undefined);
  assert.equal(d.entries[0]!.meta.aiKeywords, undefined);
  assert.equal(d.entries[1]!.meta.aiSummary, "Routers <script>alert(1)</script> balance experts.");
  assert.deepEqual(
    d.diagnostics.map((x) => x.message),
    ['the AI summary holds markup or template syntax ("<script>"); it is shown as plain text'],
  );
});

test("merging: the newer dump's summary and keywords win; a newer dump without them keeps the older ones", () => {
  const older = items();
  const newer = items();
  newer[0]!.paper.ai_summary = "A newer summary of asynchronous agents.";
  newer[0]!.paper.ai_keywords = ["agents"];
  delete newer[1]!.paper.ai_summary;
  delete newer[1]!.paper.ai_keywords;
  const m = mergeDumps([
    parseFeed(JSON.stringify(newer), "2026-03-24-hf-daily.json"),
    parseFeed(JSON.stringify(older), "2026-03-23-hf-daily.json"),
  ]);
  assert.equal(m.papers.length, 3);
  const [agents, routers] = m.papers;
  assert.equal(agents!.digests.length, 2);
  assert.equal(agents!.aiSummary, "A newer summary of asynchronous agents.");
  assert.deepEqual(agents!.aiKeywords, ["agents"]);
  assert.match(routers!.aiSummary!, /^A batch-normalised router/);
  assert.deepEqual(routers!.aiKeywords, ["mixture-of-experts", "router", "load balancing", "throughput"]);
});

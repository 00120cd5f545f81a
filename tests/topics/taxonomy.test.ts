import { test } from "node:test";
import assert from "node:assert/strict";
import { parseOverrides, parseTaxonomy, parseTopic } from "../../src/topics/taxonomy.ts";
import { applyOverrides } from "../../src/topics/overrides.ts";
import type { TaggedPaper } from "../../src/topics/schema.ts";

const topic = (file: string, fm: string, body = "About it.") => ({
  file,
  text: `---\n${fm}\n---\n${body}\n`,
});

test("a valid topic file gives a Topic with defaults and its Markdown body", () => {
  const r = parseTopic(
    topic("content/topics/graphs.md", "name: Graphs\nphrases:\n  graph neural network: 5"),
  );
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.value!.slug, "graphs");
  assert.equal(r.value!.threshold, 5);
  assert.equal(r.value!.body, "About it.");
});

test("bad topic files stop with FILE: field: what is wrong", () => {
  const cases: [string, string, RegExp][] = [
    ["t.md", "phrases: {}", /^name: /],
    ["t.md", "name: T\nphrases:\n  graph: -1", /^phrases.graph: /],
    ["t.md", "name: T\ncolour: red", /colour/],
    ["t.md", "name: [", /not valid YAML/],
    ["Bad Slug.md", "name: T", /^file name: expected a lowercase slug/],
  ];
  for (const [file, fm, expected] of cases) {
    const r = parseTaxonomy([topic(file, fm)]);
    assert.equal(r.value, undefined);
    assert.equal(r.diagnostics[0]!.file, file);
    assert.match(r.diagnostics[0]!.message, expected);
  }
});

test("overrides add and remove topics; unknown topics and papers are errors", () => {
  const topics = parseTaxonomy([topic("a.md", "name: A"), topic("b.md", "name: B")]).value!;
  const ok = parseOverrides(
    [{ file: "content/papers/p.md", text: "---\ntopics:\n  add: [b]\n  remove: [a]\n---\nA *note*.\n" }],
    topics,
    new Set(["p"]),
  );
  assert.deepEqual(ok.diagnostics, []);
  const paper = {
    slug: "p",
    topics: [{ slug: "a", name: "A", score: 9, evidence: ["x"], source: "rules" }],
  } as unknown as TaggedPaper;
  const [out] = applyOverrides([paper], ok.value!, topics);
  assert.deepEqual(out!.topics, [{ slug: "b", name: "B", score: 0, evidence: [], source: "editor" }]);
  assert.equal(ok.value![0]!.note, "A *note*.");
  const bad = parseOverrides(
    [{ file: "content/papers/q.md", text: "---\ntopics:\n  add: [zzz]\n---\n" }],
    topics,
    new Set(["p"]),
  );
  assert.deepEqual(
    bad.diagnostics.map((d) => d.message.split(":")[0]),
    ["file name", "topics.add.0"],
  );
  assert.match(bad.diagnostics[1]!.message, /unknown topic "zzz"; expected one of a, b/);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { parseOverrides, parseTaxonomy, parseTopic } from "../../src/topics/taxonomy.ts";
import { applyOverrides } from "../../src/topics/overrides.ts";
import type { TaggedPaper } from "../../src/topics/schema.ts";
import { errorOf, valueOf } from "../helpers.ts";

const topic = (file: string, fm: string, body = "About it.") => ({
  file,
  text: `---\n${fm}\n---\n${body}\n`,
});

test("a valid topic file gives a Topic with defaults and its Markdown body", () => {
  const r = parseTopic(
    topic("content/topics/graphs.md", "name: Graphs\nphrases:\n  graph neural network: 5"),
  );
  const t = valueOf(r);
  assert.equal(t.slug, "graphs");
  assert.equal(t.threshold, 5);
  assert.equal(t.body, "About it.");
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
    const diagnostics = errorOf(parseTaxonomy([topic(file, fm)]));
    assert.equal(diagnostics[0]!.file, file);
    assert.match(diagnostics[0]!.message, expected);
  }
});

test("overrides add and remove topics; unknown topics and papers are errors", () => {
  const topics = valueOf(parseTaxonomy([topic("a.md", "name: A"), topic("b.md", "name: B")]));
  const edits = valueOf(
    parseOverrides(
      [{ file: "content/papers/p.md", text: "---\ntopics:\n  add: [b]\n  remove: [a]\n---\nA *note*.\n" }],
      topics,
      new Set(["p"]),
    ),
  );
  const paper = {
    slug: "p",
    topics: [{ slug: "a", name: "A", score: 9, evidence: ["x"], source: "rules" }],
  } as unknown as TaggedPaper;
  const [out] = applyOverrides([paper], edits, topics);
  assert.deepEqual(out!.topics, [{ slug: "b", name: "B", score: 0, evidence: [], source: "editor" }]);
  assert.equal(edits[0]!.note, "A *note*.");
  const bad = errorOf(
    parseOverrides(
      [{ file: "content/papers/q.md", text: "---\ntopics:\n  add: [zzz]\n---\n" }],
      topics,
      new Set(["p"]),
    ),
  );
  assert.deepEqual(
    bad.map((d) => d.message.split(":")[0]),
    ["file name", "topics.add.0"],
  );
  assert.match(bad[1]!.message, /unknown topic "zzz"; expected one of a, b/);
});

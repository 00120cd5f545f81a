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

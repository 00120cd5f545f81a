import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/site/pipeline.ts";
import { forYouFiles } from "../../src/site/foryou-files.ts";
import { decodeDayData, forYouDays } from "../../src/foryou/data.ts";
import { decodeManifest, decodePapers } from "../../src/foryou/refs.ts";
import { ROOT, valueOf } from "../helpers.ts";

const content = await loadContent({ root: ROOT });

test("the build's For-you files: a manifest naming each dated day's data and the papers file, named by their bytes", () => {
  const { manifestPath, files } = forYouFiles(content.papers, content.digests, content.topics);
  const byPath = new Map(files.map((f) => [f.path, String(f.contents)]));
  assert.match(manifestPath, /^foryou\/days-[0-9a-f]{10}\.json$/);
  const manifest = valueOf(decodeManifest(byPath.get(manifestPath)!));
  const days = forYouDays(content.papers, content.digests, content.topics);
  assert.deepEqual(Object.keys(manifest.days), [...days.keys()]);
  for (const [date, text] of days) {
    assert.match(manifest.days[date]!, new RegExp(`^foryou/${date}-[0-9a-f]{10}\\.json$`));
    assert.equal(byPath.get(manifest.days[date]!), text);
    valueOf(decodeDayData(text));
  }
  const refs = valueOf(decodePapers(byPath.get(manifest.papers)!));
  assert.equal(refs.length, content.papers.length);
  assert.ok(refs.every((r) => manifest.days[r.day]));
  // the same content makes the same names: builds are reproducible
  assert.deepEqual(forYouFiles(content.papers, content.digests, content.topics).files, files);
});

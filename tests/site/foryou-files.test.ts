import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadContent } from "../../src/site/pipeline.ts";
import { buildForYou, forYouFiles, planForYou } from "../../src/site/foryou-files.ts";
import { daysOf, decodeDayData, forYouDays, forYouPapers } from "../../src/foryou/data.ts";
import { decodeManifest, decodePapers } from "../../src/foryou/refs.ts";
import { ROOT, tempDir, valueOf } from "../helpers.ts";

const content = await loadContent({ root: ROOT });
const plan = planForYou(content.papers, content.digests, content.topics);

test("the build's For-you files: a manifest naming each dated day's data and the papers file", () => {
  const files = forYouFiles(plan);
  const byPath = new Map(files.map((f) => [f.path, String(f.contents)]));
  assert.match(plan.manifestPath, /^foryou\/days-[0-9a-f]{10}\.json$/);
  const manifest = valueOf(decodeManifest(byPath.get(plan.manifestPath)!));
  const days = forYouDays(
    forYouPapers(content.papers),
    daysOf(content.papers, content.digests),
    content.topics,
  );
  assert.deepEqual(Object.keys(manifest.days), [...days.keys()]);
  for (const [date, text] of days) {
    assert.match(manifest.days[date]!, new RegExp(`^foryou/${date}-[0-9a-f]{10}\\.json$`));
    assert.equal(byPath.get(manifest.days[date]!), text);
    valueOf(decodeDayData(text));
  }
  const refs = valueOf(decodePapers(byPath.get(manifest.papers)!));
  assert.equal(refs.length, content.papers.length);
  assert.ok(refs.every((r) => manifest.days[r.day]));
});

test("the manifest's name is known before the files exist, and changes when what they are made of does", () => {
  // the same content makes the same names (builds are reproducible)
  assert.deepEqual(planForYou(content.papers, content.digests, content.topics), plan);
  const retitled = content.papers.map((p, i) => (i === 0 ? { ...p, title: `${p.title} (v2)` } : p));
  assert.notEqual(planForYou(retitled, content.digests, content.topics).manifestPath, plan.manifestPath);
});

test("written on a worker thread, the files are the ones the plan makes", async (t) => {
  const out = tempDir(t);
  const written = await buildForYou(plan, out, { precompress: false });
  const files = forYouFiles(plan);
  assert.equal(written, files.length);
  assert.deepEqual(
    readdirSync(path.join(out, "foryou")).sort(),
    files.map((f) => path.basename(f.path)).sort(),
  );
  for (const f of files) assert.equal(readFileSync(path.join(out, f.path), "utf8"), f.contents);
});

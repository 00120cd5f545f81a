// A large site renders its listings and paper pages in several Eleventy runs (src/site/build.ts);
// the pages must not depend on where the batches fall.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { ROOT, tempDir } from "../helpers.ts";
import { treeHash } from "./check-site.ts";
import { prepareSite } from "../../src/site/pipeline.ts";
import { buildSite } from "../../src/site/build.ts";

test("a build in batches of 1 listing page and 7 paper pages is byte-identical to one in a single run", async (t) => {
  const prepared = await prepareSite({ root: ROOT });
  assert.ok(prepared.ok);
  const site = prepared.value;
  // more than one batch of each, or the test checks nothing
  assert.ok(site.data.topicPages.length > 1 && site.data.digestPages.length > 1);
  const [whole, batched] = [path.join(tempDir(t), "whole"), path.join(tempDir(t), "batched")];
  const one = await buildSite(site, whole, { papers: 1e9, listings: 1e9 });
  const many = await buildSite(site, batched, { papers: 7, listings: 1 });
  assert.equal(many.pages, one.pages);
  assert.equal(readdirSync(path.join(batched, "papers")).length, site.data.papers.length);
  assert.equal(treeHash(batched), treeHash(whole));
});

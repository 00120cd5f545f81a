// `npm start` renders through the dev server's setup (.eleventy.ts: the pipeline runs before each
// build, every page in one run), not the CLI's passes: the same pages must come out of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { eleventySetup, TEMPLATES } from "../../src/site/plugin.ts";
import { loadContent } from "../../src/site/pipeline.ts";
import type { EleventyConfig } from "../../src/site/eleventy-config.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

test("the dev server's build has every paper's page, the report, the search index and For you's files", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "pd-dev-"));
  try {
    const options = {
      configPath: "",
      quietMode: true,
      config: (config: EleventyConfig) => eleventySetup(config, { root: ROOT }),
    } as ConstructorParameters<typeof Eleventy>[2];
    const eleventy = new Eleventy(TEMPLATES, out, options);
    eleventy.disableLogger();
    await eleventy.write();

    const { papers } = await loadContent({ root: ROOT });
    assert.ok(papers.length > 50);
    for (const p of papers) {
      const html = await readFile(path.join(out, "papers", p.slug, "index.html"), "utf8");
      assert.match(html, /<h1[^>]*>/, `${p.slug}: a page with a heading`);
    }
    assert.equal((await readdir(path.join(out, "papers"))).length, papers.length);
    assert.match(await readFile(path.join(out, "about", "index.html"), "utf8"), /<h1/);
    assert.ok((await readdir(path.join(out, "search"))).some((f) => f.startsWith("manifest-")));
    assert.ok((await readdir(path.join(out, "foryou"))).some((f) => f.startsWith("days-")));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

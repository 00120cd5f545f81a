import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { nunjucksEngine } from "../../src/site/nunjucks.ts";
import type { EleventyConfig } from "../../src/site/eleventy-config.ts";
import { tempDir } from "../helpers.ts";

type Render = (data: object) => Promise<Buffer>;
type Compile = (text: string, inputPath: string) => Render;

/** The site's Nunjucks engine set up as Eleventy sets it up, over a templates folder of its own. */
function setUp(t: { after: (fn: () => void) => void }) {
  const dir = tempDir(t, "njk-");
  mkdirSync(path.join(dir, "_includes"));
  const hooks: { compile?: Compile; beforeBuild?: () => void } = {};
  const config = {
    addExtension: (_ext: string, options: { compile: Compile }) => (hooks.compile = options.compile),
    setUseTemplateCache: () => {},
    on: (event: string, fn: () => void) => event === "eleventy.before" && (hooks.beforeBuild = fn),
  } as unknown as EleventyConfig;
  nunjucksEngine(config, { templates: dir });
  return { dir, compile: hooks.compile!, beforeBuild: hooks.beforeBuild! };
}

/** The site's Nunjucks engine as Eleventy gets it: template text in, a page's text out. */
function engine(t: { after: (fn: () => void) => void }): (text: string, data: object) => Promise<string> {
  const { dir, compile } = setUp(t);
  let n = 0;
  return async (text, data) => (await compile(text, path.join(dir, `t${n++}.njk`))(data)).toString();
}

test("an edited template or include renders its new text at the next build (the dev server's rebuilds)", async (t) => {
  const { dir, compile, beforeBuild } = setUp(t);
  const file = path.join(dir, "page.njk");
  const render = async (text: string) => (await compile(text, file)({ x: "a" })).toString();
  writeFileSync(path.join(dir, "_includes", "part.njk"), "ONE");
  assert.equal(await render('one {{ x }} {% include "part.njk" %}'), "one a ONE");
  assert.equal(await render('two {{ x }} {% include "part.njk" %}'), "two a ONE");
  writeFileSync(path.join(dir, "_includes", "part.njk"), "TWO");
  beforeBuild();
  assert.equal(await render('two {{ x }} {% include "part.njk" %}'), "two a TWO");
});

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&#39;",
  "<": "&lt;",
  ">": "&gt;",
  "\\": "&#92;",
};

/** Text with the escaped characters common in it, among any others. */
const text = fc
  .array(fc.oneof(fc.constantFrom(...Object.keys(ENTITIES), "a", " "), fc.string({ unit: "binary" })), {
    maxLength: 20,
  })
  .map((pieces) => pieces.join(""));

test("every printed string is escaped as Nunjucks escapes it, and only then", async (t) => {
  const render = engine(t);
  await fc.assert(
    fc.asyncProperty(text, async (s) => {
      const expected = s.replace(/[&"'<>\\]/g, (c) => ENTITIES[c]!);
      assert.equal(await render("{{ s }}|{{ s | escape }}", { s }), `${expected}|${expected}`);
    }),
    { numRuns: 300 },
  );
  assert.equal(await render("{{ s | safe }}", { s: "<b>&</b>" }), "<b>&</b>");
});

test("loop variables, nested loops and set inside a loop behave as in Nunjucks", async (t) => {
  const render = engine(t);
  const text =
    "{% set total = 0 %}{% for x in xs %}{% for y in ys %}{{ loop.index }}{% endfor %}" +
    "[{{ loop.index0 }}{{ loop.revindex }}{{ loop.length }}{% if loop.first %}f{% endif %}" +
    "{% if loop.last %}l{% endif %}]{% set total = total + x %}{% endfor %}{{ total }}" +
    "{% if loop %}leak{% endif %}";
  assert.equal(await render(text, { xs: [1, 2, 3], ys: ["a", "b"] }), "12[033f]12[123]12[213l]6");
  // a loop variable named like the loop object, and falsy: Nunjucks replaces it, and prints nothing
  assert.equal(await render("{% for loop in [0] %}{{ loop.index }}{% endfor %}", {}), "");
});

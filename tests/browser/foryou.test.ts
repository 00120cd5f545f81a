// For you in Chromium: a library imported on /saved/ ranks the home page as `recommend` does;
// "Not for me" and "Read" sink and dim, survive a reload and travel with the library's export;
// an empty library says how to start; no request leaves the site; axe passes, light and dark.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROOT, builtSite, runCli, tempDir } from "../helpers.ts";
import { freshPage, launch } from "./chromium.ts";
import { axeViolations } from "./axe.ts";
import { serve } from "./server.ts";
import { termCounts } from "../../src/foryou/terms.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
const requests: string[] = [];
const library = (name: string) => path.join(ROOT, "tests", "fixtures", "library", name);

before(async () => {
  site = await serve(await builtSite(ROOT));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh context whose every request is recorded (none may leave the site). */
async function fresh(scheme: "light" | "dark" = "light") {
  const opened = await freshPage(browser, scheme);
  opened.context.on("request", (r) => requests.push(r.url()));
  return opened;
}

async function importFile(page: Page, file: string): Promise<string> {
  await page.goto(site.url + "/saved/");
  await page.getByLabel("Import a library file").setInputFiles(file);
  const status = page.locator("[data-library-status]");
  await status.filter({ hasNotText: /^Reading|^$/ }).waitFor();
  return (await status.textContent())!;
}

/** A "why" line with its words as terms (stemmed, as For you compares them). */
const reason = (line: string) =>
  line.replace(/words: ([^;]+)/, (_, words: string) => `words: ${[...termCounts(words).keys()].join(", ")}`);

/** The listing's slugs once For you has ranked it (each card says why). */
async function forYouSlugs(page: Page): Promise<string[]> {
  await page.locator(".order-status", { hasText: "ranked for you" }).waitFor();
  return page
    .locator("ol.cards[data-listing] > li.card")
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.paper!));
}

test("import a .bib on /saved/, open ?order=for-you: the first five are `recommend`'s, each says why", async () => {
  const { context, page } = await fresh();
  const said = await importFile(page, library("zotero.bib"));
  assert.match(said, /Imported zotero\.bib/);
  assert.match(
    (await page.locator("[data-library-list]").textContent()) ?? "",
    /matched 1, by text 2, skipped 0/,
  );

  const cli = await runCli(["recommend", "--library", "tests/fixtures/library/zotero.bib", "--json"]);
  assert.equal(cli.code, 0, cli.stderr);
  const expected = (JSON.parse(cli.stdout) as { slug: string; because: string }[]).slice(0, 5);

  await page.goto(site.url + "/?order=for-you");
  const slugs = await forYouSlugs(page);
  assert.deepEqual(
    slugs.slice(0, 5),
    expected.map((r) => r.slug),
  );
  assert.equal(slugs.length, 59, "all the digest's papers, its second page's too");
  assert.equal(await page.locator("nav.pager").isHidden(), true);
  // each card says why as `recommend` does: the same library paper, words and topics; a word is
  // written as the card writes it (from its title and excerpt; the command has the whole abstract)
  const why = await page
    .locator("li.card .because")
    .evaluateAll((ps) => ps.slice(0, 5).map((p) => p.textContent));
  assert.deepEqual(
    why.map(reason),
    expected.map((r) => reason(`For you: ${r.because}`)),
  );
  assert.equal(await page.getByRole("button", { name: "For you" }).getAttribute("aria-pressed"), "true");

  // back to trending: the page's own order and its pager
  await page.getByRole("button", { name: "Trending" }).click();
  assert.equal(await page.locator(".because").count(), 0);
  assert.equal(await page.locator("ol.cards > li.card").count(), 50);
  assert.equal(new URL(page.url()).searchParams.get("order"), null);
  await context.close();
});

test("Not for me sinks a paper and Read dims one; both survive a reload, undo, and go with the export", async () => {
  const { context, page } = await fresh();
  await importFile(page, library("zotero.bib"));
  // chosen with the switch, the order is kept: the plain home page opens in it after a reload
  await page.goto(site.url + "/");
  await page.getByRole("button", { name: "For you" }).click();
  assert.equal(new URL(page.url()).searchParams.get("order"), "for-you");
  const before = await forYouSlugs(page);
  // once loaded it works offline: ranking again fetches nothing
  await context.setOffline(true);
  const top = page.locator(`li.card[data-paper="${before[0]}"]`);
  await top.getByRole("button", { name: "Not for me" }).click();
  await page.waitForFunction(
    (slug) => document.querySelector("ol.cards > li.card:last-child")?.getAttribute("data-paper") === slug,
    before[0],
  );
  const second = page.locator(`li.card[data-paper="${before[1]}"]`);
  await second.getByRole("button", { name: "Read" }).click();
  assert.match((await second.getAttribute("class"))!, /is-read/);
  assert.match((await page.locator(".order-status").textContent())!, /ranked for you/);
  await context.setOffline(false);

  await page.goto(site.url + "/");
  const after = await forYouSlugs(page);
  assert.equal(after.at(-1), before[0], "the dismissed paper is last after a reload");
  assert.equal(after[0], before[1]);
  assert.equal(
    await page
      .locator(`li.card[data-paper="${before[0]}"] button[data-triage=dismissed]`)
      .getAttribute("aria-pressed"),
    "true",
  );
  assert.match((await page.locator(`li.card[data-paper="${before[1]}"]`).getAttribute("class"))!, /is-read/);

  // the library's export holds the import and both marks; another browser imports it whole
  await page.goto(site.url + "/saved/");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the library (JSON)" }).click(),
  ]);
  const exported = path.join(tempDir({ after: (fn) => process.on("exit", fn) }), "library.json");
  writeFileSync(exported, readFileSync(await file.path()));
  const other = await fresh("dark");
  assert.match(await importFile(other.page, exported), /1 import and the marks of 2 papers/);
  await other.page.goto(site.url + "/?order=for-you");
  assert.deepEqual(await forYouSlugs(other.page), after);
  await other.context.close();

  // undo: pressed again, the paper comes back to its place
  await page.goto(site.url + "/");
  await forYouSlugs(page);
  await page
    .locator(`li.card[data-paper="${before[0]}"]`)
    .getByRole("button", { name: "Not for me" })
    .click();
  await page.waitForFunction(
    (slug) => document.querySelector("ol.cards > li.card")?.getAttribute("data-paper") === slug,
    before[0],
  );
  await context.close();
});

test("an empty library: For you says how to start and the listing stays in trending order", async () => {
  const { context, page } = await fresh();
  await page.goto(site.url + "/?order=for-you");
  const status = page.locator(".order-status");
  await status.filter({ hasText: "empty" }).waitFor();
  assert.match((await status.textContent())!, /save papers .* or import your library/);
  assert.equal(
    await status.getByRole("link", { name: "import your library" }).getAttribute("href"),
    site.url + "/saved/#library",
  );
  assert.equal(await page.locator(".because").count(), 0);
  await context.close();
});

test("broken and hostile entries: the rest imports, each problem names its line, no title becomes markup", async () => {
  const { context, page } = await fresh();
  let dialogs = 0;
  page.on("dialog", (d) => void d.dismiss().then(() => dialogs++));
  await importFile(page, library("broken.bib"));
  const list = page.locator("[data-library-list]");
  assert.match((await list.textContent())!, /matched 1, by text 1/);
  const problems = await page.locator(".import-problems li").allTextContents();
  assert.ok(
    problems.some((p) => /^line \d+: /.test(p)),
    problems.join("\n"),
  );
  assert.equal(await page.locator("[data-library-list] img, [data-library-list] script").count(), 0);
  await page.goto(site.url + "/?order=for-you");
  await forYouSlugs(page);
  assert.equal(await page.locator("ol.cards img, ol.cards script").count(), 0);
  assert.equal(dialogs, 0);
  // removing the import empties the library again
  await page.goto(site.url + "/saved/");
  await page.getByRole("button", { name: "Remove the import broken.bib" }).click();
  assert.equal(await page.locator("[data-library-list] li").count(), 0);
  await context.close();
});

test("a topic page ranks its papers for you; axe passes with the new controls, light and dark", async () => {
  for (const scheme of ["light", "dark"] as const) {
    const { context, page } = await fresh(scheme);
    await importFile(page, library("zotero.bib"));
    assert.deepEqual(await axeViolations(page, `/saved/ ${scheme}`), []);
    await page.goto(site.url + "/?order=for-you");
    await forYouSlugs(page);
    assert.deepEqual(await axeViolations(page, `home for-you ${scheme}`), []);
    await page.goto(site.url + "/topics/state-space-models/?order=for-you");
    const slugs = await forYouSlugs(page);
    assert.ok(slugs.length > 5);
    assert.match((await page.locator("li.card .because").first().textContent())!, /^For you: like: /);
    assert.deepEqual(await axeViolations(page, `topic for-you ${scheme}`), []);
    await context.close();
  }
});

test("no request leaves the site", () => {
  assert.ok(requests.length > 20);
  assert.deepEqual(
    requests.filter((u) => !u.startsWith(site.url + "/")),
    [],
  );
});

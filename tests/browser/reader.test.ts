import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import Papa from "papaparse";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { ROOT, builtSite, project, runCli } from "../helpers.ts";
import { loadContent } from "../../src/site/pipeline.ts";
import { enrich, searchDocs } from "../../src/site/enrich.ts";
import { recordOf } from "../../src/library/saved-paper.ts";
import { referenceLunr } from "../search/fixture.ts";
import { freshPage, launch } from "./chromium.ts";
import { axeViolations } from "./axe.ts";
import { serve } from "./server.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let root = "";
let out = "";
const sample = (name: string) => path.join(ROOT, "tests", "fixtures", "feeds", name);

/** The shipped dump and a Hugging Face and an arXiv API dump, so saved papers have arXiv fields. */
before(async () => {
  root = project({ after: (fn) => process.on("exit", fn) });
  cpSync(
    sample("hf-daily-papers-2025-03-14.json"),
    path.join(root, "content/feeds/2025-03-14-hf-daily.json"),
  );
  cpSync(sample("arxiv-api-query.atom.xml"), path.join(root, "content/feeds/2025-03-15-arxiv-api.xml"));
  out = await builtSite(root);
  site = await serve(out);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const fresh = (scheme: "light" | "dark" = "light") => freshPage(browser, scheme);

const savedTitles = (page: Page) => page.locator("[data-saved-list] .card-title").allTextContents();

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return readFileSync(await file.path(), "utf8");
}

test("save three papers, reload, they are on /saved/; the exports hold them; a fresh browser imports the CSV", async () => {
  const { context, page } = await fresh();
  await page.goto(site.url + "/digests/2025-03-15-arxiv-api-7175dc/");
  const buttons = page.locator("button.save");
  await buttons.first().waitFor();
  const cards = page.locator("li.card");
  const wanted = [];
  for (const i of [0, 1, 2]) {
    await buttons.nth(i).click();
    assert.equal(await buttons.nth(i).getAttribute("aria-pressed"), "true");
    wanted.push((await cards.nth(i).locator(".card-title a").textContent())!.trim());
  }
  await page.reload();
  assert.equal(await page.locator("button.save[aria-pressed=true]").count(), 3, "still saved after a reload");
  await page.goto(site.url + "/saved/");
  assert.deepEqual(await savedTitles(page), wanted);
  assert.match((await page.locator("[data-saved-status]").textContent())!, /^3 saved papers\./);

  const bib = parseBibtex(await download(page, "Download BIB"), { sentenceCase: false });
  assert.deepEqual(bib.errors, []);
  assert.deepEqual(
    bib.entries.map((e) => e.fields.title),
    wanted,
  );
  const s4 = bib.entries.find((e) => e.fields.eprint === "2111.00396")!;
  assert.equal(s4.fields.archiveprefix, "arXiv");
  assert.equal(s4.fields.primaryclass, "cs.LG");
  assert.equal(s4.fields.url, "https://arxiv.org/abs/2111.00396");
  const markdown = await download(page, "Download MD");
  assert.equal(markdown.split("\n").filter((l) => l.startsWith("- [")).length, 3);
  const csvText = await download(page, "Download CSV");
  const csv = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
  assert.deepEqual(
    csv.data.map((r) => r.title),
    wanted,
  );
  await context.close();

  const other = await fresh();
  await other.page.goto(site.url + "/saved/");
  assert.match((await other.page.locator("[data-saved-status]").textContent())!, /Nothing saved yet/);
  await other.page
    .locator("[data-saved-import]")
    .setInputFiles({ name: "saved.csv", mimeType: "text/csv", buffer: Buffer.from(csvText) });
  await other.page.locator("[data-import-status]").getByText("Imported 3 papers.").waitFor();
  assert.deepEqual(await savedTitles(other.page), wanted);
  await other.context.close();
});

/** Clicks every Save button of each page, in one browser; gives what the browser stored, without the times. */
async function saveAllOn(urls: string[]): Promise<{ slug: string }[]> {
  const { context, page } = await fresh();
  for (const url of urls) {
    await page.goto(site.url + url);
    const buttons = page.locator("button.save");
    await buttons.first().waitFor();
    for (let i = 0; i < (await buttons.count()); i++) await buttons.nth(i).click();
  }
  const stored = await page.evaluate(() => localStorage.getItem("paper-digest:/:saved"));
  await context.close();
  return (JSON.parse(stored!) as { value: { savedAt: string; slug: string }[] }).value.map(
    ({ savedAt: _, ...r }) => r,
  );
}

test("saving from a listing card and from a paper page keeps exactly the record the server made", async () => {
  const content = await loadContent({ root });
  const records = new Map(
    (await enrich(content.papers, { thread: false })).map((p) => [p.slug, recordOf(p)]),
  );
  // cards: Hugging Face papers of 4–10 authors (the byline shows 3), arXiv API papers with their own
  // dates and categories; pages: every author a link, a date that is not the day it arrived, a
  // suffixed BibTeX key
  const fromCards = await saveAllOn([
    "/digests/2025-03-14-hf-daily/",
    "/digests/2025-03-15-arxiv-api-7175dc/",
  ]);
  const fromPages = await saveAllOn(
    [
      "efficiently-modeling-long-sequences-with-structured-state-spaces",
      "longwriter-unleashing-10-000-plus-word-generation-from-long-context-llms",
      "chimera-a-lossless-decoding-method-for-accelerating-large-language-models",
    ].map((slug) => `/papers/${slug}/`),
  );
  assert.equal(fromCards.length, 9);
  assert.equal(fromPages.length, 3);
  for (const r of [...fromCards, ...fromPages]) assert.deepEqual(r, records.get(r.slug), r.slug);
  assert.ok(fromCards.some((r) => records.get(r.slug)!.authors.length > 3));
  assert.ok(fromPages.some((r) => records.get(r.slug)!.bibKey));
});

test("corrupt or foreign saved data is set aside, not fatal", async () => {
  const { context, page } = await fresh();
  await page.goto(site.url + "/saved/");
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) localStorage.removeItem(k);
    localStorage.setItem("paper-digest:/:saved", "{not json");
  });
  await page.reload();
  assert.match((await page.locator("[data-saved-status]").textContent())!, /Nothing saved yet/);
  assert.equal(
    await page.evaluate(() => localStorage.getItem("paper-digest:/:saved:unreadable")),
    "{not json",
  );
  await context.close();
});

test("when the browser's storage is full, a save still shows as saved in that page", async () => {
  const { context, page } = await fresh();
  await page.goto(site.url + "/digests/2025-03-15-arxiv-api-7175dc/");
  const buttons = page.locator("button.save");
  await buttons.first().click();
  await page.waitForFunction(() => localStorage.getItem("paper-digest:/:saved") !== null);
  // from now on every write fails as a full storage does
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await buttons.nth(1).click();
  assert.equal(await buttons.nth(1).getAttribute("aria-pressed"), "true");
  assert.equal(await buttons.first().getAttribute("aria-pressed"), "true");
  await context.close();
});

/** The slugs a real lunr index over the same documents finds with every word of a phrase required. */
async function lunrMatches(phrase: string): Promise<Set<string>> {
  const content = await loadContent({ root });
  const index = referenceLunr(searchDocs(await enrich(content.papers, { thread: false })));
  const query = phrase
    .toLowerCase()
    .split(/[\s\-/]+/)
    .map((w) => `+${w}`)
    .join(" ");
  return new Set(index.search(query).map((r) => r.ref));
}

test("a watched word marks exactly the papers whose text holds it, as search finds it", async () => {
  const { context, page } = await fresh();
  await page.goto(site.url + "/saved/");
  for (const word of ["speech", "LoRA"]) {
    await page.locator("#watch-input").fill(word);
    await page.getByRole("button", { name: "Watch", exact: true }).click();
  }
  await page.goto(site.url + "/digests/2025-03-11/");
  const bar = page.locator(".watch-bar");
  await bar.getByText(/match your words/).waitFor();
  const marked = await page
    .locator("li.card.watched")
    .evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.paper!));
  const listed = await page
    .locator("li.card")
    .evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.paper!));
  const expected = new Set([...(await lunrMatches("speech")), ...(await lunrMatches("lora"))]);
  assert.deepEqual(marked.sort(), listed.filter((s) => expected.has(s)).sort());
  assert.ok(
    marked.includes("longlora-efficient-fine-tuning-of-long-context-large-language-models"),
    "a compound part matches",
  );
  assert.match(
    (await bar.textContent())!,
    new RegExp(`^${marked.length} of ${listed.length} match your words \\(speech, LoRA\\) · change`),
  );
  await bar.getByRole("button", { name: "Show only these" }).click();
  assert.equal(await page.locator("li.card:visible").count(), marked.length);
  await context.close();
});

test("the second visit after a new dump marks the new papers and says how many; the first marks nothing", async () => {
  const { context, page } = await fresh();
  await page.goto(site.url + "/");
  await page.locator("button.save").first().waitFor();
  assert.equal(await page.locator(".badge-visit").count(), 0, "a first visit marks nothing");
  // a new day arrives: the site is rebuilt in place with a dump of new papers
  cpSync(sample("hf-new-papers.json"), path.join(root, "content/feeds/2025-03-16-hf-daily.json"));
  const r = await runCli(["build", "--out", out], root);
  assert.equal(r.code, 0, r.stderr);
  await page.goto(site.url + "/");
  await page.locator(".visit-note").waitFor();
  assert.equal(await page.locator(".visit-note").textContent(), "2 new papers since your last visit.");
  const marked = await page.locator("li.card.since-visit .card-title a").allTextContents();
  assert.deepEqual(marked.sort(), [
    "Block Diffusion: Interpolating Between Autoregressive and Diffusion Language Models",
    "Transformers without Normalization",
  ]);
  await page.reload();
  assert.equal(await page.locator(".badge-visit").count(), 0, "a third visit with nothing new marks nothing");
  await context.close();
});

test("keys: j and k move between papers, s saves, ? shows the keys, o opens; never while typing", async () => {
  const { context, page } = await fresh();
  await page.goto(site.url + "/digests/2025-03-11/");
  await page.locator("button.save").first().waitFor();
  const current = () => page.locator("li.card.kbd-current .card-title a").textContent();
  await page.keyboard.press("j");
  const first = await current();
  await page.keyboard.press("j");
  assert.notEqual(await current(), first);
  await page.keyboard.press("k");
  assert.equal(await current(), first);
  await page.keyboard.press("s");
  assert.equal(await page.locator("li.card.kbd-current button.save").getAttribute("aria-pressed"), "true");
  await page.keyboard.press("?");
  assert.equal(await page.locator("dialog.keys-help").isVisible(), true);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("dialog.keys-help").isVisible(), false);
  await page.locator("#site-search").focus();
  await page.keyboard.type("jk");
  assert.equal(await current(), first, "keys typed in the search box move nothing");
  assert.equal(await page.locator("#site-search").inputValue(), "jk");
  await page.locator("li.card.kbd-current .card-title a").focus();
  await Promise.all([page.waitForURL(/\/papers\//), page.keyboard.press("o")]);
  await context.close();
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe-core: /saved/ with papers and words, and a digest with marks, have no WCAG 2.1 AA violation (${scheme})`, async () => {
    const { context, page } = await fresh(scheme);
    await page.goto(site.url + "/digests/2025-03-11/");
    await page.locator("button.save").nth(1).click();
    await page.goto(site.url + "/saved/");
    await page.locator("#watch-input").fill("attention");
    await page.getByRole("button", { name: "Watch", exact: true }).click();
    const problems: string[] = [];
    for (const p of ["/saved/", "/digests/2025-03-11/"]) {
      await page.goto(site.url + p);
      if (p.startsWith("/digests/")) await page.locator("li.card.watched").first().waitFor();
      problems.push(...(await axeViolations(page, p)));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

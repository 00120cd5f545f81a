import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page, Route } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import lunr from "lunr";
import { builtSite } from "../helpers.ts";
import { Searcher } from "../../src/search/query.ts";
import { registerShared } from "../../src/search/tokenizer.ts";
import { isManifest } from "../../src/search/format.ts";
import { launch } from "./chromium.ts";
import { serve } from "./server.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let siteDir: string;

before(async () => {
  siteDir = await builtSite();
  site = await serve(siteDir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records dialogs, console errors and requests that leave the site. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on(
    "request",
    (r) =>
      !r.url().startsWith(site.url) && !r.url().startsWith("data:") && problems.push(`request: ${r.url()}`),
  );
  await page.goto(site.url + path);
  return { page, problems };
}

test("/search/?q=mamba lists the Mamba time-series paper with highlights", async () => {
  const { page, problems } = await open("/search/?q=mamba");
  const first = page.locator("[data-search-results] .card").first();
  await first.waitFor();
  const titles = await page.locator("[data-search-results] .card-title").allTextContents();
  assert.ok(
    titles.some((t) => t.includes("Is Mamba Effective for Time Series Forecasting?")),
    titles.join("\n"),
  );
  assert.equal(await first.locator(".card-title mark").first().textContent(), "Mamba");
  assert.match((await page.locator("[data-search-status]").textContent()) ?? "", /\d+ results? for “mamba”/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("typing in the header box shows results; arrow keys and Enter open one", async () => {
  const { page, problems } = await open("/");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "site-search");
  await page.keyboard.type("speech separation");
  await page.locator("[data-search-popup] [role=option]").first().waitFor();
  const options = await page.locator("[data-search-popup] .hit-title").allTextContents();
  assert.ok(options[0]!.startsWith("TIGER") || options[0]!.startsWith("MossFormer2"), options.join("\n"));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator("[role=option][aria-selected=true]").count(), 1);
  await Promise.all([page.waitForURL(/\/papers\//), page.keyboard.press("Enter")]);
  assert.match(
    (await page.locator("h1").textContent()) ?? "",
    new RegExp(options[1]!.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test("Escape clears the header box", async () => {
  const { page } = await open("/topics/");
  await page.locator("#site-search").fill("mamba");
  await page.locator("[data-search-popup] [role=option]").first().waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#site-search").inputValue(), "");
  assert.equal(await page.locator("[data-search-popup]").isHidden(), true);
  await page.close();
});

test("topic facets filter the results and stay in the URL", async () => {
  const { page } = await open("/search/?q=long");
  await page.locator("[data-search-facets] [data-topic=state-space-models]").click();
  await page.waitForURL(/topic=state-space-models/);
  await page.locator("[data-search-facets] [aria-pressed=true]").waitFor();
  const status = await page.locator("[data-search-status]").textContent();
  assert.match(status ?? "", /in this topic/);
  await page.close();
});

test("arrow keys move through results on the search page and Enter opens one", async () => {
  const { page } = await open("/search/?q=attention");
  await page.locator("[data-search-results] a[data-result]").first().waitFor();
  await page.locator("#search-page-input").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-result"));
  assert.equal(focused, "1");
  await Promise.all([page.waitForURL(/\/papers\//), page.keyboard.press("Enter")]);
  await page.close();
});

/**
 * The document packs the first three results for "attention" need, found by searching the built
 * site's own index files in Node; the packs the rest of the results need are others.
 */
async function firstThreePacks(): Promise<Set<string>> {
  const dir = path.join(siteDir, "search");
  const manifestFile = readdirSync(dir).find((f) => /^manifest-[0-9a-f]+\.json$/.test(f))!;
  const manifest: unknown = JSON.parse(readFileSync(path.join(dir, manifestFile), "utf8"));
  assert.ok(isManifest(manifest));
  registerShared(lunr);
  const asked: string[] = [];
  let atPartial = 0;
  const searcher = new Searcher(lunr, manifest, (p) => {
    asked.push(p);
    return Promise.resolve(JSON.parse(readFileSync(path.join(dir, p), "utf8")));
  });
  await searcher.search("attention", { limit: 8 }, () => (atPartial = asked.length));
  const isPack = (p: string) => p.startsWith(`${manifest.docs}/`);
  const first = new Set(asked.slice(0, atPartial).filter(isPack));
  assert.ok(
    asked.slice(atPartial).some((p) => isPack(p) && !first.has(p)),
    "the rest need another pack",
  );
  return first;
}

/** A page whose search document packs, but those of the first three results, wait until `release` is called. */
async function heldAfterThree(at: string) {
  const first = await firstThreePacks();
  const context = await browser.newContext();
  const held: Route[] = [];
  let released = false;
  await context.route(/\/search\/d-[^/]+\/\d+\.json$/, (route) => {
    const file = new URL(route.request().url()).pathname.replace(/^\/search\//, "");
    if (released || first.has(file)) return void route.continue();
    held.push(route);
  });
  const page = await context.newPage();
  await page.goto(site.url + at);
  const release = async () => {
    released = true;
    await Promise.all(held.splice(0).map((r) => r.continue()));
  };
  return { context, page, release };
}

test("a reader who arrows into the first results keeps their place when the rest arrive", async () => {
  const { context, page, release } = await heldAfterThree("/search/");
  await page.locator("#search-page-input").fill("attention");
  await page.keyboard.press("Enter");
  const links = page.locator("[data-search-results] a[data-result]");
  await links.nth(2).waitFor();
  assert.equal(await links.count(), 3);
  await page.locator("#search-page-input").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-result"));
  assert.equal(await focused(), "1");
  await release();
  await links.nth(3).waitFor();
  assert.equal(await focused(), "1");
  await context.close();
});

test("in the header box, the chosen result stays chosen when the rest arrive", async () => {
  const { context, page, release } = await heldAfterThree("/about/");
  const box = page.locator("#site-search");
  await box.fill("attention");
  const options = page.locator("[role=option]");
  await options.nth(2).waitFor();
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  assert.equal(await box.getAttribute("aria-activedescendant"), "search-option-1");
  await release();
  await options.nth(3).waitFor();
  assert.equal(await box.getAttribute("aria-activedescendant"), "search-option-1");
  assert.equal(await options.nth(1).getAttribute("aria-selected"), "true");
  await context.close();
});

test("'Show more' adds results below the first ten and moves focus to the first new one", async () => {
  const { page } = await open("/search/?q=attention");
  const links = page.locator("[data-search-results] a[data-result]");
  const more = page.locator("button.more");
  await more.waitFor();
  assert.equal(await links.count(), 10);
  // the list may never shrink while the longer answer loads
  await page.evaluate(() => {
    const list = document.querySelector("[data-search-results]")!;
    new MutationObserver(() => {
      if (list.children.length < 10) document.body.dataset.shrank = String(list.children.length);
    }).observe(list, { childList: true });
  });
  await more.click();
  await links.nth(10).waitFor();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-result"));
  assert.equal(focused, "10");
  assert.equal(await page.evaluate(() => document.body.dataset.shrank), undefined);
  await page.close();
});

test("a misspelled query suggests the right word", async () => {
  const { page } = await open("/search/?q=quantizaton");
  await page.locator("[data-search-status] a").waitFor();
  assert.equal(await page.locator("[data-search-status] a").textContent(), "quantization");
  await page.close();
});

test("lunr syntax and markup in a query: no dialog, no console error, the text shows as text", async () => {
  for (const q of [
    "title:mamba",
    "+mamba -time",
    "trans*",
    "atention~1",
    ":",
    "~",
    "*",
    "^",
    '"',
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "a".repeat(1000),
  ]) {
    const { page, problems } = await open(`/search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(
      () => !document.querySelector("[data-search-status]")?.textContent?.startsWith("Type to search"),
    );
    await page.waitForTimeout(50);
    assert.deepEqual(problems, [], q);
    assert.equal(await page.locator("[data-search-results] img, [data-search-results] script").count(), 0);
    await page.close();
  }
});

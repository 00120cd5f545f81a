import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { builtSite } from "../helpers.ts";
import { launch } from "./chromium.ts";
import { serve, type Override } from "./server.ts";

let browser: Browser;
let out = "";
const servers: { close: () => Promise<void> }[] = [];

before(async () => {
  out = await builtSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

const isManifest = (p: string) => /^\/search\/manifest-[0-9a-f]+\.json$/.test(p);

async function site(override: Override): Promise<string> {
  const s = await serve(out, override);
  servers.push(s);
  return s.url;
}

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

test("a manifest that answers 404: the search page says search is unavailable, and why", async () => {
  const url = await site((p) =>
    isManifest(p) ? { status: 404, body: "gone", type: "text/plain" } : undefined,
  );
  const page = await open(`${url}/search/?q=mamba`);
  const status = page.locator("[data-search-status]");
  await status.getByText(/Search is unavailable/).waitFor();
  assert.match(
    (await status.textContent()) ?? "",
    /Search is unavailable: the search index was not found \(HTTP 404\)/,
  );
  assert.equal(await status.getByRole("button", { name: "Retry" }).count(), 1);
  assert.equal(await page.locator("[data-search-results] li").count(), 0);
  await page.close();
});

test("a manifest that is garbage: the header box says search is unavailable, with a retry", async () => {
  const url = await site((p) => (isManifest(p) ? { status: 200, body: "<html>not json" } : undefined));
  const page = await open(`${url}/topics/`);
  await page.locator("#site-search").fill("mamba");
  const popup = page.locator("[data-search-popup]");
  await popup.getByText(/Search is unavailable/).waitFor();
  assert.match((await popup.textContent()) ?? "", /the search index is damaged/);
  assert.equal(await popup.getByRole("button", { name: "Retry" }).count(), 1);
  await page.close();
});

test("Retry loads the index again once it can be had, and the results appear", async () => {
  let broken = true;
  const url = await site((p) => (isManifest(p) && broken ? { status: 503, body: "busy" } : undefined));
  const page = await open(`${url}/search/?q=mamba`);
  const status = page.locator("[data-search-status]");
  await status.getByText(/HTTP 503/).waitFor();
  broken = false;
  await status.getByRole("button", { name: "Retry" }).click();
  await page.locator("[data-search-results] .card").first().waitFor();
  assert.match((await status.textContent()) ?? "", /\d+ results? for “mamba”/);
  await page.close();
});

test("a shard that cannot be fetched after the index loaded: that query says so", async () => {
  const shards = readdirSync(path.join(out, "search")).filter((f) => /^s-[0-9a-f]+$/.test(f));
  assert.equal(shards.length, 1, "one folder of shards");
  const url = await site((p) =>
    p.startsWith(`/search/${shards[0]}/`) ? { status: 500, body: "oops" } : undefined,
  );
  const page = await open(`${url}/search/?q=mamba`);
  await page
    .locator("[data-search-status]")
    .getByText(/Search is unavailable: .*HTTP 500/)
    .waitFor();
  await page.close();
});

test("without JavaScript, /search/ explains that search needs it and links to topics and the archive", async () => {
  const url = await site(() => undefined);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${url}/search/`);
  const main = page.locator("main");
  assert.match((await main.textContent()) ?? "", /Search runs in your browser, and it needs JavaScript/);
  assert.equal(await main.getByRole("link", { name: "topic", exact: true }).getAttribute("href"), "/topics/");
  assert.equal(
    await main.getByRole("link", { name: "archive", exact: true }).getAttribute("href"),
    "/digests/",
  );
  assert.equal(await page.locator("[data-search-page]").isVisible(), false);
  await main.getByRole("link", { name: "topic", exact: true }).click();
  await page.waitForURL(/\/topics\/$/);
  await context.close();
});

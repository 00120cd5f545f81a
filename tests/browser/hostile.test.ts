import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Browser } from "playwright-core";
import { builtSite } from "../helpers.ts";
import { files } from "../site/check-site.ts";
import { launch } from "./chromium.ts";
import { axeViolations } from "./axe.ts";
import { serve } from "./server.ts";

let browser: Browser;
const sites: Record<string, { url: string; root: string; close: () => Promise<void> }> = {};

before(async () => {
  for (const [name, feeds] of [
    ["hostile", ["tests/fixtures/hostile.txt"]],
    ["real", []],
  ] as const) {
    const out = await builtSite(undefined, [...feeds]);
    sites[name] = { ...(await serve(out)), root: out };
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) await s.close();
});

test("every page of the hostile build: no dialog, no console error, no request leaving the site", async () => {
  const site = sites.hostile!;
  const pages = files(site.root, ".html").map(
    (f) => "/" + path.relative(site.root, f).replace(/index\.html$/, ""),
  );
  const page = await browser.newPage();
  const problems: string[] = [];
  let current = "";
  page.on("dialog", (d) => {
    problems.push(`${current}: dialog ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`${current}: console ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${current}: ${e.message}`));
  page.on("request", (r) => !r.url().startsWith(site.url) && problems.push(`${current}: request ${r.url()}`));
  for (const p of pages) {
    current = p;
    await page.goto(site.url + p, { waitUntil: "load" });
    // the search box loads the index on focus: exercise it with hostile text too
    await page.locator("#site-search").fill("<script>alert(1)</script> {{ 7*7 }}");
    await page.waitForTimeout(100);
  }
  assert.ok(pages.length >= 25, String(pages.length));
  assert.deepEqual(problems, []);
  await page.close();
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe-core: no WCAG 2.1 AA violation on home, paper, topic, search and about pages (${scheme})`, async () => {
    for (const [name, p] of [
      ["real", "/"],
      ["real", "/papers/efficiently-modeling-long-sequences-with-structured-state-spaces/"],
      ["real", "/topics/state-space-models/"],
      ["real", "/search/?q=attention"],
      ["real", "/about/"],
      ["hostile", "/"],
      ["hostile", "/papers/script-alert-title-script-scripted-title/"],
    ] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(sites[name]!.url + p);
      if (p.startsWith("/search/")) await page.locator("[data-search-results] .card").first().waitFor();
      assert.deepEqual(await axeViolations(page, `${name}${p}`), []);
      await context.close();
    }
  });
}

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Browser } from "playwright-core";
import { builtSite, tempDir } from "../helpers.ts";
import { trendProject } from "../site/trend-site.ts";
import { launch } from "./chromium.ts";
import { axeViolations } from "./axe.ts";
import { serve } from "./server.ts";

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

before(async () => {
  const dir = tempDir({ after: (fn) => process.on("exit", fn) });
  const root = trendProject(path.join(dir, "project"), 60);
  site = await serve(await builtSite(root));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe-core: no WCAG 2.1 AA violation on the trend charts of 60 days of digests (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const violations: string[] = [];
    for (const p of ["/", "/topics/", "/topics/speech-audio/"]) {
      await page.goto(site.url + p);
      // the week-by-week table is folded: open it, so axe checks it too
      if (p.startsWith("/topics/speech")) await page.locator(".trend-table summary").click();
      violations.push(...(await axeViolations(page, p)));
    }
    assert.deepEqual(violations, []);
    // the charts are there, named, and checked: not an empty page that passes
    await page.goto(site.url + "/topics/");
    assert.equal(await page.locator("svg.spark-line[role=img]").count(), 13);
    const name = await page.locator("svg.spark-line").first().getAttribute("aria-labelledby");
    assert.match(name ?? "", /^spark-[a-z-]+-title spark-[a-z-]+-desc$/);
    await context.close();
  });
}

// The bench's browser section: our search against Pagefind's, on the same built site, in Chromium.
// Each engine has its own static server that records every response. Engines alternate; every cold
// visit is a fresh browser context (empty cache). Times are taken inside the page, on one clock
// (performance.now(), whose origin is the navigation's start), ending when a MutationObserver first
// sees the status line say "results for “q”" (both pages render their cards before that line).
import type { Browser, Page } from "playwright-core";
import { launch } from "../browser/chromium.ts";
import { serve } from "../browser/server.ts";
import { PAGEFIND_PAGE } from "./pagefind-site.ts";

/** Typical first queries, each visited cold RUNS times per engine. */
const COLD = ["mamba", "attention", "speech", "time series"];
/** Then, in the same page, ten new queries. All occur in the synthetic vocabulary. */
const WARM = [
  "forecasting",
  "quantization",
  "long context",
  "sparse attention",
  "memorization",
  "retrieval",
  "benchmark",
  "diffusion",
  "reasoning",
  "transformer",
];
const RUNS = 5;
export const ENGINES = ["ours", "Pagefind"] as const;

/** A response a server sent: the path asked for and the body. */
export interface Served {
  path: string;
  body: Buffer;
}

interface Engine {
  name: string;
  /** the search page, with the query on its URL */
  page: (q: string) => string;
  log: Served[];
}

/** One query: its time from start to results shown, and the responses it caused. */
export interface Timed {
  query: string;
  ms: number;
  responses: Served[];
}

/** A cold query in a fresh context, then the warm queries in that page. */
export interface Visit {
  engine: string;
  cold: Timed;
  warm: Timed[];
}

/**
 * Runs in every page before its own scripts: times when the results of the awaited query show. A
 * string, not a function: tsx keeps function names with a helper the page does not have.
 */
const HARNESS = `(() => {
  let want = new URLSearchParams(location.search).get("q")?.trim() ?? "";
  let start = 0;
  let done;
  let pending = new Promise((resolve) => (done = resolve));
  new MutationObserver(() => {
    const status = document.querySelector("[data-search-status]")?.textContent ?? "";
    if (!want || !status.includes("results for “" + want + "”")) return;
    want = "";
    const cards = document.querySelectorAll("[data-search-results] .card").length;
    done({ start, end: performance.now(), cards, status });
  }).observe(document, { subtree: true, childList: true, characterData: true });
  // a warm query starts when its form is submitted (capture: before the page's own handler)
  document.addEventListener("submit", () => (start = performance.now()), true);
  window.bench = {
    expect(q) {
      want = q;
      pending = new Promise((resolve) => (done = resolve));
    },
    shown: () =>
      Promise.race([
        pending,
        new Promise((_, reject) => setTimeout(() => reject(new Error("no results for “" + want + "”")), 60000)),
      ]),
  };
})();`;

type Bench = {
  expect(q: string): void;
  shown(): Promise<{ start: number; end: number; cards: number; status: string }>;
};

async function shown(page: Page, engine: string, q: string): Promise<number> {
  const s = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.shown());
  if (s.cards === 0) throw new Error(`${engine}: “${q}” showed no results (${s.status})`);
  return s.end - s.start;
}

/** A first visit to the search page with `q`, in a fresh context; then the warm queries in that page. */
async function visit(browser: Browser, engine: Engine, q: string): Promise<Visit> {
  const context = await browser.newContext();
  await context.addInitScript({ content: HARNESS });
  const page = await context.newPage();
  let from = engine.log.length;
  await page.goto(engine.page(q), { waitUntil: "commit" });
  const cold = { query: q, ms: await shown(page, engine.name, q), responses: engine.log.slice(from) };
  const input = page.locator("[data-search-page] input");
  const warm: Timed[] = [];
  for (const w of WARM) {
    from = engine.log.length;
    // the value is set without an `input` event, so our page's 60 ms debounce does not run the
    // query a second time; Enter submits, and both pages run the query at once
    await input.evaluate((el: HTMLInputElement, w) => {
      el.value = w;
      (window as unknown as { bench: Bench }).bench.expect(w);
    }, w);
    await input.press("Enter");
    const ms = await shown(page, engine.name, w);
    warm.push({ query: w, ms, responses: engine.log.slice(from) });
  }
  await context.close();
  return { engine: engine.name, cold, warm };
}

/** Serves our site and the Pagefind copy, and visits both, alternating which goes first. */
export async function compare(site: string, pagefindCopy: string): Promise<Visit[]> {
  const engines: Engine[] = [];
  const servers = [];
  for (const [name, root, path] of [
    [ENGINES[0], site, "/search/"],
    [ENGINES[1], pagefindCopy, PAGEFIND_PAGE],
  ] as const) {
    const log: Served[] = [];
    const server = await serve(root, undefined, (p, _status, body) => log.push({ path: p, body }));
    servers.push(server);
    engines.push({ name, log, page: (q) => `${server.url}${path}?q=${encodeURIComponent(q)}` });
  }
  const browser = await launch();
  const visits: Visit[] = [];
  try {
    // which engine goes first alternates by query and by run, so each query gets both orders
    for (let run = 0; run < RUNS; run++)
      for (const [i, q] of COLD.entries()) {
        const order = (run + i) % 2 ? [...engines].reverse() : engines;
        for (const engine of order) visits.push(await visit(browser, engine, q));
      }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  return visits;
}

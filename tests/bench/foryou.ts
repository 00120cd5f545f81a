// For-you budgets (issue 23): the data of a 400-paper day (bytes, gzip), ranking that day once the
// data is loaded, and importing a 2,000-entry BibTeX file with abstracts. Figures, not timed tests.
// `npx tsx tests/bench/foryou.ts` prints them alone; `npm run bench` prints them after its tables.
import { gzipSync } from "node:zlib";
import { parseFeed } from "../../src/feed/parse.ts";
import { readSources, TOPICS_DIR } from "../../src/topics/load.ts";
import { parseTaxonomy } from "../../src/topics/taxonomy.ts";
import { ROOT } from "../helpers.ts";
import { buildDayData, decodeDayData, encodeDayData, siteIdf } from "../../src/foryou/data.ts";
import { importLibrary } from "../../src/foryou/import.ts";
import { paperInterest, rank, textInterest } from "../../src/foryou/score.ts";
import { assignTopics } from "../../src/topics/tag.ts";
import { syntheticDump } from "./synthetic.ts";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { launch } from "../browser/chromium.ts";
import type * as Api from "./foryou-browser-api.ts";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function forYouFigures(): Promise<Record<string, number>> {
  const parsed = parseTaxonomy((await readSources(ROOT, TOPICS_DIR, false)).sources);
  const taxonomy = parsed.ok ? parsed.value : [];
  const entries = parseFeed(syntheticDump(400, 7), "day.txt").entries;
  const papers = assignTopics(entries, taxonomy).map((e, i) => ({
    slug: `p${i}`,
    title: e.title,
    abstract: e.abstract,
    topics: e.topics.map((t) => t.slug),
  }));
  const day = buildDayData(papers, siteIdf(papers), taxonomy);
  const file = encodeDayData(day);
  const decoded = decodeDayData(file);
  if (!decoded.ok) throw new Error(decoded.error);
  // a library of 50: 25 papers of the site, 25 by text
  const library = [
    ...papers.slice(0, 25).map((p) => paperInterest(decoded.value, p.slug, p.title)!),
    ...papers.slice(25, 50).map((p) => textInterest(decoded.value, p.title + " again", p.abstract)),
  ];
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    rank(decoded.value, library, library.slice(0, 3));
    times.push(performance.now() - t);
  }
  const bib = papers
    .concat(papers, papers, papers, papers)
    .map(
      (p, i) =>
        `@misc{k${i},\n  title = {${p.title}},\n  author = {Gu, Albert and Dao, Tri},\n  abstract = {${p.abstract}},\n  year = {2024},\n  eprint = {2401.${String(i).padStart(5, "0")}},\n  archivePrefix = {arXiv},\n}\n`,
    )
    .join("\n");
  const imports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = importLibrary(bib);
    imports.push(performance.now() - t);
    if (!r.ok || r.value.entries.length !== 2000) throw new Error("the 2,000-entry import lost entries");
  }
  const browser = await inChromium(file, bib);
  return {
    "day papers": papers.length,
    "data KB raw": Number((file.length / 1024).toFixed(1)),
    "data KB gzip": Number((gzipSync(file, { level: 9 }).length / 1024).toFixed(1)),
    "rank ms (median of 20)": Number(median(times).toFixed(1)),
    "bib MB": Number((bib.length / 1048576).toFixed(1)),
    "import 2,000 ms (median of 3)": Math.round(median(imports)),
    "Chromium: read the day ms": browser.decode,
    "Chromium: rank ms (median of 20)": browser.rank,
    "Chromium: import 2,000 ms (median of 3)": browser.import,
  };
}

/**
 * The same work in Chromium, where readers run it: the modules the browser bundles (decode, rank,
 * import), bundled by esbuild as the build does, run on a blank page. A library of 50 as above.
 */
async function inChromium(
  file: string,
  bib: string,
): Promise<{ decode: number; rank: number; import: number }> {
  const bundled = await build({
    entryPoints: [fileURLToPath(import.meta.resolve("./foryou-browser-api.ts"))],
    bundle: true,
    format: "iife",
    globalName: "forYou",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // tsx names the functions it compiles with a helper the page has not got
    await page.addScriptTag({ content: "globalThis.__name = (f) => f;" + bundled.outputFiles[0]!.text });
    return await page.evaluate(
      ({ file, bib }) => {
        const api = (globalThis as unknown as { forYou: typeof Api }).forYou;
        const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        let t = performance.now();
        const read = api.decodeDayData(file);
        const decode = performance.now() - t;
        if (!read.ok) throw new Error(read.error);
        const day = read.value;
        const library = [
          ...day.papers.slice(0, 25).map((p) => api.paperInterest(day, p.slug, p.slug)!),
          ...day.papers
            .slice(25, 50)
            .map((p) => api.textInterest(day, `${p.slug} ${day.terms.slice(0, 40).join(" ")}`)),
        ];
        const ranks: number[] = [];
        for (let i = 0; i < 20; i++) {
          t = performance.now();
          api.rank(day, library, library.slice(0, 3));
          ranks.push(performance.now() - t);
        }
        const imports: number[] = [];
        for (let i = 0; i < 3; i++) {
          t = performance.now();
          api.importLibrary(bib);
          imports.push(performance.now() - t);
        }
        const one = (x: number) => Math.round(x * 10) / 10;
        return { decode: one(decode), rank: one(mid(ranks)), import: Math.round(mid(imports)) };
      },
      { file, bib },
    );
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await forYouFigures());

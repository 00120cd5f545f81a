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
  return {
    "day papers": papers.length,
    "data KB raw": Number((file.length / 1024).toFixed(1)),
    "data KB gzip": Number((gzipSync(file, { level: 9 }).length / 1024).toFixed(1)),
    "rank ms (median of 20)": Number(median(times).toFixed(1)),
    "bib MB": Number((bib.length / 1048576).toFixed(1)),
    "import 2,000 ms (median of 3)": Math.round(median(imports)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await forYouFigures());

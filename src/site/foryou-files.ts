// Owns the For-you files a build writes: each dated day's data (`foryou/<date>-<hash>.json`), the
// papers file that matching an imported library reads, and the manifest naming them, which the
// page scripts are told the path of. They are made on the build's second core once the search
// index is written (1.4 s of the main thread at 10,000 papers otherwise), so the manifest is named
// by a hash of what they are made from, known before they exist; the other names carry a hash of
// their bytes. Any cache can keep them all.
import { hash } from "../common/hash.ts";
import type { Digest } from "../feed/schema.ts";
import type { TaggedPaper, Topic } from "../topics/schema.ts";
import { daysOf, forYouDays, forYouPapers, type ForYouPaper } from "../foryou/data.ts";
import { encodeManifest, encodePapers, type PaperRef } from "../foryou/refs.ts";
import { onThread } from "../thread.ts";
import { writeWithCopies, type OutputFile } from "./precompress.ts";

/** What the For-you files are made from: plain data, handed to the thread that makes them. */
export interface ForYouPlan {
  /** the manifest's path inside the site */
  manifestPath: string;
  papers: ForYouPaper[];
  /** each dated day's papers, as indexes into `papers` */
  days: [string, number[]][];
  refs: PaperRef[];
  taxonomy: Topic[];
}

/** Bumped when the files change shape, so a new build never reuses an old manifest name. */
const FORMAT = "foryou-1";

export function planForYou(papers: TaggedPaper[], digests: Digest[], taxonomy: Topic[]): ForYouPlan {
  // a paper's data is in every day that lists it; matching points to the first
  const refs: PaperRef[] = papers.flatMap((p) => {
    const day = p.digests.find((d) => d.date)?.date;
    return day ? [{ slug: p.slug, day, title: p.title, arxivId: p.arxivId, doi: p.doi }] : [];
  });
  const plan = { papers: forYouPapers(papers), days: daysOf(papers, digests), refs, taxonomy };
  return { manifestPath: `foryou/days-${hash(pieces(plan), 10)}.json`, ...plan };
}

function* pieces(plan: Omit<ForYouPlan, "manifestPath">): Generator<string> {
  yield FORMAT;
  for (const p of plan.papers) yield JSON.stringify(p);
  yield JSON.stringify(plan.days);
  for (const r of plan.refs) yield JSON.stringify(r);
  yield JSON.stringify(plan.taxonomy);
}

const named = (stem: string, text: string): OutputFile => ({
  path: `foryou/${stem}-${hash(text, 10)}.json`,
  contents: text,
});

/** The files of a plan: the manifest (at the plan's path), the papers file, each day's data. */
export function forYouFiles(
  plan: Omit<ForYouPlan, "papers"> & { papers: Iterable<ForYouPaper> },
): OutputFile[] {
  const dayFiles = [...forYouDays(plan.papers, plan.days, plan.taxonomy)].map(
    ([date, text]) => [date, named(date, text)] as const,
  );
  const papersFile = named("papers", encodePapers(plan.refs));
  const manifest = encodeManifest({
    days: Object.fromEntries(dayFiles.map(([d, f]) => [d, f.path])),
    papers: papersFile.path,
  });
  return [{ path: plan.manifestPath, contents: manifest }, papersFile, ...dayFiles.map(([, f]) => f)];
}

/** Makes a plan's files and writes them under `outDir`; the number of files written. */
export function writeForYou(
  job: Omit<ForYouPlan, "papers"> & { papers: Iterable<ForYouPaper>; outDir: string; precompress: boolean },
): Promise<number> {
  return writeWithCopies(job.outDir, forYouFiles(job), job.precompress);
}

/**
 * The files of a plan, written under `outDir` on a worker thread by default (the build's second
 * core). The papers' texts move to the thread as bytes rather than a copy of every object.
 */
export function buildForYou(
  plan: ForYouPlan,
  outDir: string,
  opts: { thread?: boolean; signal?: AbortSignal; precompress: boolean },
): Promise<number> {
  const { papers, ...rest } = plan;
  const job = { ...rest, outDir, precompress: opts.precompress };
  if (opts.thread === false) return writeForYou({ ...job, papers });
  return onThread<number>(new URL(import.meta.url), "writeForYou", job, {
    signal: opts.signal,
    records: { key: "papers", values: papers },
  });
}

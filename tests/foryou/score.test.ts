import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/site/pipeline.ts";
import {
  buildDayData,
  daysOf,
  decodeDayData,
  encodeDayData,
  forYouDays,
  forYouPapers,
  mergeDays,
  siteIdf,
} from "../../src/foryou/data.ts";
import { becauseText, interestsOf, paperInterest, rank, textInterest } from "../../src/foryou/score.ts";
import { errorOf, ROOT, valueOf } from "../helpers.ts";

const content = await loadContent({ root: ROOT, feeds: ["content/feeds/2025-03-11-trending.txt"] });
const papers = forYouPapers(content.papers);
const day = buildDayData(papers, siteIdf(papers), content.topics);
const slugOf = (start: string) => papers.find((p) => p.title.startsWith(start))!.slug;
const interest = (start: string) => {
  const p = papers.find((x) => x.title.startsWith(start))!;
  return paperInterest(day, p.slug, p.title)!;
};

test("the day's data reads back exactly as it was built, and ranks the same", () => {
  const read = valueOf(decodeDayData(encodeDayData(day)));
  assert.deepEqual(read, day);
  const library = [interest("Informer")];
  assert.deepEqual(rank(read, library), rank(day, library));
});

test("data of another version or shape is refused with what is wrong, not read", () => {
  const file = JSON.parse(encodeDayData(day)) as Record<string, unknown>;
  for (const bad of [
    "not json",
    JSON.stringify({ ...file, version: 2 }),
    JSON.stringify({ ...file, papers: [["x", [999999], [5], []]] }),
  ]) {
    const read = decodeDayData(bad);
    assert.equal(read.ok, false, bad.slice(0, 40));
    assert.match(errorOf(read), /For-you data/);
  }
});

test("one saved paper: the paper itself first, then the papers most like it, each saying why", () => {
  const ranked = rank(day, [interest("Informer")]);
  assert.equal(ranked[0]!.slug, slugOf("Informer"));
  // Informer is a time-series forecaster: the next ones share its topic and its words
  const next = ranked.slice(1, 4).map((r) => papers.find((p) => p.slug === r.slug)!);
  for (const p of next) assert.ok(p.topics.includes("time-series"), p.title);
  assert.equal(ranked[1]!.because.like, papers.find((p) => p.slug === slugOf("Informer"))!.title);
  assert.ok(ranked[1]!.because.words.length > 0);
  assert.ok(ranked[1]!.because.topics.includes("time-series"));
  assert.match(becauseText(ranked[1]!.because), /^like: Informer: .*; words: .+; topics: .*time-series/);
});

test("a library of one author's papers not on the site (text only) ranks that author's field first", () => {
  // Albert Gu's papers as a reader's .bib would hold them: none of these is in the dump
  const library = [
    [
      "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
      "selective state space models (SSMs) for long sequences without attention",
    ],
    [
      "Combining Recurrent, Convolutional, and Continuous-time Models with Linear State-Space Layers",
      "linear state space layers for sequence modeling",
    ],
    [
      "HiPPO: Recurrent Memory with Optimal Polynomial Projections",
      "online function approximation as memory for recurrent models and long sequences",
    ],
  ].map(([t, a]) => textInterest(day, t!, a));
  const top = rank(day, library).slice(0, 5);
  for (const r of top)
    assert.ok(papers.find((p) => p.slug === r.slug)!.topics.includes("state-space-models"), r.slug);
});

test("a dismissed paper goes last, and papers like it lose ground", () => {
  const library = [interest("Informer"), interest("Autoformer")];
  const before = rank(day, library);
  const dismissed = interest("Is Mamba Effective for Time Series");
  const after = rank(day, library, [dismissed]);
  assert.equal(after.at(-1)!.slug, dismissed.slug);
  // Chimera (time series with state space models) is the paper most like the dismissed one
  const like = slugOf("Chimera");
  const at = (list: typeof before) => list.findIndex((r) => r.slug === like);
  assert.ok(at(after) > at(before), `${at(before)} → ${at(after)}`);
  assert.ok(after.find((r) => r.slug === like)!.score < before.find((r) => r.slug === like)!.score);
});

test("an empty library gives the day's own order, with nothing to say why", () => {
  const ranked = rank(day, []);
  assert.deepEqual(
    ranked.map((r) => r.slug),
    papers.map((p) => p.slug),
  );
  assert.equal(becauseText(ranked[0]!.because), "");
});

test("a build's day files: one per dated day, each read back with that day's papers in order", () => {
  const files = forYouDays(papers, daysOf(content.papers, content.digests), content.topics);
  assert.deepEqual([...files.keys()], ["2025-03-11"]);
  const read = valueOf(decodeDayData(files.get("2025-03-11")!));
  assert.deepEqual(
    read.papers.map((p) => p.slug),
    content.papers.map((p) => p.slug),
  );
});

test("a listing of many days ranks as one day made of its papers: the same order as the day itself", () => {
  const slugs = day.papers.map((p) => p.slug);
  const half = Math.floor(slugs.length / 2);
  const first = buildDayData(papers.slice(0, half), siteIdf(papers), content.topics);
  const second = buildDayData(papers.slice(half), siteIdf(papers), content.topics);
  // the two halves, read as one, in the day's own order
  const merged = mergeDays([second, first], slugs);
  assert.deepEqual(
    merged.papers.map((p) => p.slug),
    slugs,
  );
  const library = [interest("Informer"), textInterest(day, "Selective state spaces for long sequences")];
  assert.deepEqual(
    rank(merged, library).map((r) => r.slug),
    rank(day, library).map((r) => r.slug),
  );
  // a slug no day holds is left out; an empty listing is an empty day
  assert.equal(mergeDays([first], [slugs[0]!, "not-a-paper"]).papers.length, 1);
  assert.deepEqual(mergeDays([], []).papers, []);
});

test("the library reads the same through interestsOf as paper by paper: site papers by vector, others by text", () => {
  const informer = slugOf("Informer");
  const got = interestsOf(
    [
      { title: "Informer", slug: informer },
      { title: "Gone", slug: "not-on-any-day" },
      { title: "Linear attention" },
    ],
    day,
    (s) => (s === informer ? day : undefined),
  );
  assert.deepEqual(got, [paperInterest(day, informer, "Informer"), textInterest(day, "Linear attention")]);
});

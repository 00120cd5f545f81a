import { test, before } from "node:test";
import assert from "node:assert/strict";
import lunr from "lunr";
import fc from "fast-check";
import { realSearch, searcherFor } from "./fixture.ts";
import { Searcher, queryWords, type Answer } from "../../src/search/query.ts";
import { snippet } from "../../src/search/highlight.ts";
import { decodeList, decodePostings, encodeList, encodePostings, shardFor } from "../../src/search/format.ts";
import { top } from "../../src/search/engine.ts";
import { jsonOf } from "../../src/search/index-files.ts";

let s: Awaited<ReturnType<typeof realSearch>>;
before(async () => {
  s = await realSearch();
});

// What a reader would type, and the paper that must be in the top 3.
const QUERIES: [string, string][] = [
  ["super resolution", "Feature Modulation Transformer"],
  ["speech separation", "TIGER"],
  ["mamba time series", "Is Mamba Effective for Time Series Forecasting?"],
  ["structured state spaces", "Efficiently Modeling Long Sequences with Structured State Spaces"],
  ["long range arena", "Long Range Arena: A Benchmark for Efficient Transformers"],
  ["lora", "LongLoRA"],
  ["longlora", "LongLoRA"],
  ["quantization", "CBQ: Cross-Block Quantization"],
  ["speech enhancement", "FRCRN"],
  ["clinical", "Clinical-Longformer and Clinical-BigBird"],
  ["s4d", "On the Parameterization and Initialization of Diagonal State Space Models"],
  ["sequence parallelism", "Data-Centric and Heterogeneity-Adaptive Sequence Parallelism"],
  ["scene text recognition", "LISTER"],
  ["autoformer", "Autoformer"],
  ["active speaker detection", "LoCoNet"],
  ["memorization long tail", "Does Learning Require Memorization?"],
  ["10,000 word generation", "LongWriter"],
  ["needle in a haystack", "Is It Really Long Context if All You Need Is Retrieval?"],
  ["activation sparsity", "Sparsing Law"],
  ["in-context learning bayesian", "In-Context Learning through the Bayesian Prism"],
];

test("reader queries find the expected paper in the top 3", async () => {
  for (const [q, expected] of QUERIES) {
    const top = (await s.searcher.search(q)).hits.slice(0, 3).map((h) => h.title);
    assert.ok(
      top.some((t) => t.startsWith(expected)),
      `${q} → ${top.join(" | ")}`,
    );
  }
  assert.equal(
    (await s.searcher.search("super resolution")).hits[0]!.title.startsWith("Feature Modulation Transformer"),
    true,
  );
  const speech = (await s.searcher.search("speech separation")).hits[0]!.title;
  assert.ok(speech.startsWith("TIGER") || speech.startsWith("MossFormer2"), speech);
});

test("the sharded index ranks exactly as lunr's own index, serialised and loaded again", async () => {
  const loaded = lunr.Index.load(JSON.parse(JSON.stringify(s.reference)));
  for (const q of [
    "mamba",
    "state space",
    "title:mamba",
    "trans*",
    "atention~1",
    // fuzzy terms whose edit is at the first character: deleted, swapped, replaced, inserted before
    // (the match "model" is only in the files of "odel"'s first by second character, `2o`)
    "amba~1",
    "amamba~1",
    "nmamba~1",
    "omdel~1",
    "xamba~1",
    "odel~1",
    "speehc~1",
    "spech~2",
    "s*",
    "*former",
    "+long -context",
    "long context benchmark",
    "lora",
    "s4d",
    "10,000",
    "speech^3 separation",
    "abstract:memory",
    "-mamba",
    "the",
  ]) {
    const all = await s.searcher.index.query(parseWith(q));
    const ours = top(all, all.docs.length);
    const theirs = loaded.search(q);
    const slug = (doc: number) => s.docs[doc]!.slug;
    assert.deepEqual(
      ours.map((r) => [slug(r.doc), r.score.toFixed(9)]).sort(),
      theirs.map((r) => [r.ref, r.score.toFixed(9)]).sort(),
      q,
    );
    assert.deepEqual(
      ours.map((r) => r.score.toFixed(9)),
      theirs.map((r) => r.score.toFixed(9)),
      `${q}: order`,
    );
  }
});

function parseWith(q: string) {
  const query = new lunr.Query(s.searcher.index.fields);
  new lunr.QueryParser(q, query).parse();
  return query.clauses;
}

/** The file of the document pack that holds a paper, as the manifest names it. */
function packFile(manifest: { docs: string; pack: number }, slug: string): string {
  const doc = s.docs.findIndex((d) => d.slug === slug);
  assert.ok(doc >= 0, slug);
  return `${manifest.docs}/${Math.floor(doc / manifest.pack)}.json`;
}

test("a query fetches only the shards of its terms and the packs of the documents it shows", async () => {
  const fresh = searcherFor(s.docs);
  const { hits } = await fresh.searcher.search("mamba", { limit: 5 });
  const shards = fresh.fetched.filter((p) => p.startsWith(`${fresh.manifest.shardDir}/`));
  assert.equal(shards.length, 1);
  assert.equal(shards[0], `${fresh.manifest.shardDir}/${shardFor(fresh.manifest, "mamba")}.json`);
  const packs = fresh.fetched.filter((p) => p.startsWith(`${fresh.manifest.docs}/`));
  assert.deepEqual(packs.toSorted(), [...new Set(hits.map((h) => packFile(fresh.manifest, h.slug)))].sort());
  assert.ok(!fresh.fetched.some((p) => p.startsWith("terms-")), "no term list for a plain word");
});

test("documents are packed in index order, a fixed number to a file, each pack fetched once", async () => {
  const { manifest, files } = searcherFor(s.docs);
  const packs = files.filter((f) => f.path.startsWith(`${manifest.docs}/`));
  assert.ok(manifest.pack > 1);
  assert.equal(packs.length, Math.ceil(s.docs.length / manifest.pack));
  const slugs = packs
    .toSorted(
      (a, b) =>
        parseInt(a.path.slice(manifest.docs.length + 1)) - parseInt(b.path.slice(manifest.docs.length + 1)),
    )
    .flatMap((f) => (jsonOf(f.contents) as { s: string }[]).map((d) => d.s));
  assert.deepEqual(
    slugs,
    s.docs.map((d) => d.slug),
  );
  // a page of every document (a query that only excludes) asks for each pack once
  const fresh = searcherFor(s.docs);
  const { hits } = await fresh.searcher.search("-xyzzy", { limit: s.docs.length });
  assert.equal(hits.length, s.docs.length);
  assert.deepEqual(
    fresh.fetched.filter((p) => p.startsWith(`${manifest.docs}/`)).toSorted(),
    packs.map((f) => f.path).toSorted(),
  );
});

test("a damaged pack of documents fails the query with a reason, and is fetched again next time", async () => {
  const { manifest, files } = searcherFor(s.docs);
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  let damaged = true;
  const searcher = new Searcher(lunr, manifest, (p) =>
    Promise.resolve(damaged && p.startsWith(`${manifest.docs}/`) ? [{ s: "x" }] : jsonOf(byPath.get(p)!)),
  );
  await assert.rejects(searcher.search("mamba"), /search documents \d+ are malformed/);
  damaged = false;
  assert.ok((await searcher.search("mamba")).hits.length > 0);
});

test("hyphens, compounds and numbers are found by their parts and whole", async () => {
  const has = async (q: string, title: string) =>
    (await s.searcher.search(q)).hits.some((h) => h.title.startsWith(title));
  assert.ok(await has("state space", "Hierarchical State Space Models"));
  assert.ok(await has("state-space", "Hierarchical State Space Models"));
  assert.ok(await has("long context", "How to Train Long-Context Language Models"));
  assert.ok(await has("longlora", "LongLoRA"));
  assert.ok(await has("lora", "SinkLoRA"));
  assert.ok(await has("s4d", "On the Parameterization"));
  assert.ok(await has("10,000+", "LongWriter"));
  assert.ok(await has("10000", "LongWriter"));
});

test("lunr syntax works, and input lunr cannot parse is retried as plain words", async () => {
  assert.deepEqual(
    (await s.searcher.search("title:mamba")).hits.map((h) => h.title),
    ["Is Mamba Effective for Time Series Forecasting?"],
  );
  assert.ok((await s.searcher.search("trans*")).total > 10);
  assert.ok((await s.searcher.search("atention~1")).total > 0);
  assert.ok(
    !(await s.searcher.search("+mamba -forecasting")).hits.some((h) => h.title.includes("Forecasting")),
  );
  for (const q of [
    ":",
    "~",
    "*",
    "^",
    '"',
    "title:",
    "a".repeat(1000),
    "<script>",
    "\u0000",
    "(((",
    "\\",
    "+the",
    "-",
    "t*",
  ]) {
    await assert.doesNotReject(s.searcher.search(q), q);
  }
  assert.equal((await s.searcher.search("~")).relaxed, true);
});

test("a query that finds nothing is respelled one edit away", async () => {
  const a = await s.searcher.search("quantizaton");
  assert.equal(a.suggestion, "quantization");
  assert.ok(a.total > 0);
});

test("a respelling fetches the words of the word's first letter only, not the whole vocabulary", async () => {
  const { searcher, manifest, fetched } = searcherFor(s.docs);
  const a = await searcher.search("quantizaton");
  assert.equal(a.suggestion, "quantization");
  const spelling = fetched.filter((p) => p.startsWith(`${manifest.vocabulary}/`));
  assert.deepEqual(spelling, [`${manifest.vocabulary}/q.json`]);
  // a query that finds its words fetches none of them
  const before = fetched.length;
  await searcher.search("quantization");
  assert.ok(fetched.slice(before).every((p) => !p.startsWith(`${manifest.vocabulary}/`)));
});

test("a stray letter before a word is respelled from the words of its second letter", async () => {
  const { searcher, manifest, fetched } = searcherFor(s.docs);
  const a = await searcher.search("xquantization");
  assert.equal(a.suggestion, "quantization");
  assert.ok(a.total > 0);
  const spelling = fetched.filter((p) => p.startsWith(`${manifest.vocabulary}/`));
  assert.deepEqual(spelling, [`${manifest.vocabulary}/x.json`, `${manifest.vocabulary}/q.json`]);
});

test("a slip of the first letter is respelled from the words whose second letter is the word's second or first", async () => {
  // the other word finds papers alone: without the respelling the misspelled word would be dropped
  for (const [q, files] of [
    ["wuantization methods", ["w", "u", "2u"]],
    ["uantization methods", ["u", "a", "2a", "2u"]],
  ] as const) {
    const { searcher, manifest, fetched } = searcherFor(s.docs);
    const a = await searcher.search(q);
    assert.equal(a.suggestion, "quantization methods", q);
    assert.ok(
      a.hits.every((h) => /quantization/i.test(`${h.title} ${h.snippet}`)),
      q,
    );
    const spelling = fetched.filter((p) => p.startsWith(`${manifest.vocabulary}/`));
    assert.deepEqual(
      spelling,
      files.map((f) => `${manifest.vocabulary}/${f}.json`),
      q,
    );
  }
});

test("a fuzzy term fetches the term list's files of its first two letters, a one-letter wildcard one", async () => {
  const { searcher, manifest, fetched } = searcherFor(s.docs);
  const terms = () => fetched.filter((p) => p.startsWith(`${manifest.terms}/`)).sort();
  await searcher.search("atention~1");
  assert.deepEqual(terms(), ["a", "t", "2a", "2t"].map((f) => `${manifest.terms}/${f}.json`).sort());
  fetched.length = 0;
  await searcher.search("m*");
  assert.deepEqual(terms(), [`${manifest.terms}/m.json`]);
});

test("the last word is matched as a prefix while typing", async () => {
  assert.ok((await s.searcher.search("mam")).hits[0]!.title.includes("Mamba"));
});

test("highlights mark the matched words as written, and facets count topics", async () => {
  const a = await s.searcher.search("selective state");
  const hit = a.hits[0]!;
  const marked = hit.titleMarks.map(([st, l]) => hit.title.slice(st, st + l));
  assert.ok(marked.length > 0 && marked.every((m) => /^(selective|state|states)$/i.test(m)), marked.join());
  assert.ok(a.facets.some((f) => f.slug === "state-space-models" && f.count > 0));
  const filtered = await s.searcher.search("selective state", { topic: "time-series" });
  assert.ok(filtered.hits.length > 0);
  assert.ok(filtered.hits.every((h) => h.topics.some((t) => t.slug === "time-series")));
});

test("query words drop lunr's special characters; snippets window around the first match", () => {
  assert.deepEqual(queryWords('title:"mamba" +s4~1 state-space'), ["titlemamba", "s41", "state", "space"]);
  const text = "a ".repeat(100) + "target word here " + "b ".repeat(200);
  const sn = snippet(text, [[200, 6]]);
  assert.equal(sn.text.slice(sn.marks[0]![0], sn.marks[0]![0] + 6), "target");
  assert.ok(sn.text.startsWith("…") && sn.text.endsWith("…"));
});

test("snippets show math as readable text, not TeX", async () => {
  const hit = (await s.searcher.search("simulating the fundamental")).hits.find((h) =>
    h.title.startsWith("Efficiently Modeling"),
  );
  assert.ok(hit, "S4 is found");
  assert.match(hit.snippet, /x'\(t\) = Ax\(t\) \+ Bu\(t\)/);
  assert.doesNotMatch(hit.snippet, /\\\(|\\\)/);
});

test("the top three results come first, before the rest of the page's documents are asked for", async () => {
  const { manifest, files } = searcherFor(s.docs);
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const asked: string[] = [];
  let partialAt = -1;
  const searcher = new Searcher(lunr, manifest, (p) => {
    asked.push(p);
    return Promise.resolve(jsonOf(byPath.get(p)!));
  });
  const partials: Answer[] = [];
  const whole = await searcher.search("transformer", { limit: 10 }, (a) => {
    partials.push(a);
    partialAt = asked.length;
  });
  assert.equal(partials.length, 1);
  assert.equal(partials[0]!.partial, true);
  assert.equal(partials[0]!.total, whole.total);
  assert.deepEqual(
    partials[0]!.hits.map((h) => h.slug),
    whole.hits.slice(0, 3).map((h) => h.slug),
  );
  const packsAsked = (upTo: number) => asked.slice(0, upTo).filter((p) => p.startsWith(`${manifest.docs}/`));
  const packsOf = (hits: { slug: string }[]) =>
    [...new Set(hits.map((h) => packFile(manifest, h.slug)))].sort();
  assert.deepEqual(
    packsAsked(partialAt).toSorted(),
    packsOf(whole.hits.slice(0, 3)),
    "only the packs of the first three documents before the partial answer",
  );
  assert.deepEqual(packsAsked(asked.length).toSorted(), packsOf(whole.hits), "each pack once");
  assert.equal(whole.hits.length, 10);
  const few = await searcher.search("longlora", { limit: 10 }, () => assert.fail("no partial for ≤3 hits"));
  assert.ok(few.hits.length > 0 && few.hits.length <= 3, String(few.hits.length));
});

test("postings survive their text encoding, and a damaged list is refused", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 30 - 1 })), (numbers) => {
      assert.deepEqual(Array.from(decodeList(encodeList(numbers))), numbers);
    }),
  );
  assert.throws(() => decodeList("g"), /ends mid-number/);
  assert.throws(() => decodeList('A"B'), /not a postings list/);
  assert.throws(() => encodeList([-1]), RangeError);
  assert.throws(() => encodeList([2 ** 30]), RangeError);
  assert.throws(() => decodeList("gggggggA"), /not a postings list/);
});

test("a field's postings survive their encoding, with a table of weights when weights repeat", () => {
  const postings = fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1 }).chain((docs) =>
    fc.record({
      field: fc.integer({ min: 0, max: 5 }),
      docs: fc.constant(docs.sort((a, b) => a - b)),
      // few distinct weights (a table) or many (none)
      weights: fc.array(fc.oneof(fc.constantFrom(120, 3400, 77), fc.integer({ min: 0, max: 50_000 })), {
        minLength: docs.length,
        maxLength: docs.length,
      }),
    }),
  );
  fc.assert(
    fc.property(postings, ({ field, docs, weights }) => {
      const back = decodePostings(encodePostings(field, docs, weights));
      assert.deepEqual([back.field, Array.from(back.docs), Array.from(back.weights)], [field, docs, weights]);
    }),
  );
  const common = Array.from({ length: 30 }, (_, i) => [120, 3400, 3400, 77, 3400][i % 5]!);
  const docs = common.map((_, i) => i * 2);
  const tabled = encodePostings(1, docs, common);
  assert.ok(tabled.length < encodeList([1, ...docs.flatMap((d, i) => [i ? 2 : 0, common[i]!])]).length);
  // the table, commonest first (equal counts: smaller first)
  assert.deepEqual(Array.from(decodeList(tabled).subarray(0, 6)), [1, 30, 3, 3400, 77, 120]);
  // a value past the table, and a list one number short, are refused
  assert.throws(() => decodePostings(encodeList([0, 1, 1, 500, 0, 1])), /outside its table/);
  assert.throws(() => decodePostings(encodeList([0, 2, 0, 5, 1, 9])), /its length/);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { assignTopics, tagPaper, compileTaxonomy } from "../../src/topics/tag.ts";
import { parseTaxonomy } from "../../src/topics/taxonomy.ts";
import { lightStem, stemmedWords } from "../../src/topics/text.ts";
import type { TopicTag } from "../../src/topics/schema.ts";
import { proseText } from "../../src/tex/prose.ts";
import { valueOf } from "../helpers.ts";

const dir = new URL("../../content/topics/", import.meta.url);
const sources = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .map((f) => ({ file: `content/topics/${f}`, text: readFileSync(new URL(f, dir), "utf8") }));
const topics = valueOf(parseTaxonomy(sources));
const c = compileTaxonomy(topics);
const slugs = (title: string, abstract: string) => tagPaper(c, { title, abstract }).map((t) => t.slug);

test("the default taxonomy has the 12 topics of the shared taxonomy, in order", () => {
  assert.deepEqual(
    topics.map((t) => t.slug),
    [
      "state-space-models",
      "efficient-attention",
      "long-context-llms",
      "long-context-benchmarks",
      "time-series",
      "speech-audio",
      "computer-vision",
      "llm-training",
      "efficient-inference",
      "ml-systems",
      "theory-analysis",
      "healthcare",
    ],
  );
  assert.equal(topics[0]!.name, "State space models");
});

test("normalisation: case, plurals, -ing forms and hyphens match; unrelated words do not", () => {
  assert.equal(lightStem("models"), lightStem("modeling"));
  assert.equal(lightStem("forecasts"), lightStem("forecasting"));
  assert.notEqual(lightStem("generation"), lightStem("generalization"));
  assert.deepEqual(stemmedWords("state-space").stems, stemmedWords("State Space").stems);
});

test("acronyms count inside compounds and in plural, with evidence as written", () => {
  const tags = tagPaper(c, {
    title: "Selective SSMs for audio",
    abstract:
      "We build on Mamba and S4D layers. Our S4-style model is simple and it works on several tasks of interest.",
  });
  const ssm = tags.find((t) => t.slug === "state-space-models")!;
  assert.ok(ssm.evidence.includes("SSMs") && ssm.evidence.includes("Mamba"), ssm.evidence.join());
  assert.ok(
    tagPaper(c, {
      title: "LongLoRA: cheap tuning",
      abstract:
        "We fine-tune with LongLoRA on long documents. It is cheap and it keeps quality on our tasks.",
    }).some((t) => t.slug === "llm-training"),
  );
});

test("hard negatives: passing mentions do not make a topic", () => {
  assert.deepEqual(
    slugs(
      "Deep reinforcement learning for robot control",
      "The agent explores a large state space and learns a policy. Rewards are sparse and we use attention over observations.",
    ),
    [],
  );
  assert.ok(
    !slugs(
      "Vision transformers for segmentation of satellite images",
      "We apply self-attention to image patches. The model segments roads and buildings accurately in satellite images.",
    ).includes("efficient-attention"),
  );
  assert.ok(
    !slugs(
      "A benchmark for code generation",
      "We release a benchmark of programming tasks. Models are evaluated on correctness and style.",
    ).includes("long-context-benchmarks"),
  );
  assert.ok(
    !slugs(
      "Exploring state space search for planning",
      "Planning over the state space search tree is expensive. We prune the state space exploration with heuristics.",
    ).includes("state-space-models"),
  );
});

test("a strong title match decides the topic; no topic is fine", () => {
  assert.deepEqual(
    slugs(
      "Mamba for speech enhancement",
      "We use a selective state space model to enhance noisy speech recordings. It beats strong baselines on two datasets.",
    ).sort(),
    ["speech-audio", "state-space-models"],
  );
  assert.deepEqual(
    slugs("Origami folding patterns", "We study paper folding. Folds are counted by hand."),
    [],
  );
});

test("tags are best first with a score and evidence; editing a topic's rules changes the tags", () => {
  const paper: { title: string; abstract: string; topics: TopicTag[] } = {
    title: "Kernel tricks for widgets",
    abstract: "Widgets are everywhere in modern factories. We classify widgets by shape with kernels.",
    topics: [],
  };
  assert.deepEqual(assignTopics([paper], topics)[0]!.topics, []);
  const edited = topics.map((t) =>
    t.slug === "computer-vision" ? { ...t, phrases: { ...t.phrases, widget: 3 } } : t,
  );
  const tags = assignTopics([paper], edited)[0]!.topics;
  assert.equal(tags[0]!.slug, "computer-vision");
  assert.deepEqual(tags[0]!.evidence, ["widgets"]);
  assert.ok(tags[0]!.score >= 5);
});

test("titles and abstracts are tagged as a reader reads them: no TeX command in the evidence", () => {
  const paper = {
    title: "Gated \\emph{Sparse} Attention for \\textbf{Long} Contexts",
    abstract: "A \\emph{sparse attention} kernel with 94.5\\% recall on long documents. It is fast.",
  };
  const [read] = assignTopics([paper], topics, proseText);
  const evidence = read!.topics.flatMap((t) => t.evidence);
  assert.ok(read!.topics.some((t) => t.slug === "efficient-attention"));
  assert.ok(evidence.length > 0);
  for (const text of evidence) assert.doesNotMatch(text, /[\\{}]/, text);
  // read raw, the same title's evidence would quote the TeX
  const [raw] = assignTopics([paper], topics);
  assert.ok(raw!.topics.flatMap((t) => t.evidence).some((t) => /[{}]/.test(t)));
});

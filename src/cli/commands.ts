// Owns the table of commands: name, arguments, flags and the module that runs each.
import type { Args, Cli } from "./context.ts";
import { check } from "./check.ts";
import { list } from "./list.ts";
import { topics } from "./topics.ts";
import { evalTopics } from "./eval.ts";
import { build } from "./build.ts";
import { add } from "./add.ts";
import { fetchDump } from "./fetch.ts";
import { recommend } from "./recommend.ts";
import { evalForYou } from "./eval-foryou.ts";

type Option = { type: "string" | "boolean" };

export interface Command {
  args: string;
  summary: string;
  options: Record<string, Option>;
  help: Record<string, string>;
  run: (args: Args, cli: Cli) => Promise<number>;
}

export const commands: Record<string, Command> = {
  check: {
    args: "[FILE...]",
    summary: "Validate dumps; diagnostics on stderr, exit 1 on any error.",
    options: { format: { type: "string" } },
    help: { format: "'text' (default) or 'github' for workflow annotations" },
    run: check,
  },
  list: {
    args: "[FILE...] [--json]",
    summary: "Print the merged paper records (JSON on stdout with --json).",
    options: { json: { type: "boolean" } },
    help: { json: "print the records as one JSON array, nothing else on stdout" },
    run: list,
  },
  topics: {
    args: "[FILE...]",
    summary: "Print each topic's paper count and most frequent evidence.",
    options: {},
    help: {},
    run: topics,
  },
  eval: {
    args: "[FILE...] [--labels FILE]",
    summary: "Score the tagger against hand labels: precision/recall per topic, micro-F1.",
    options: { labels: { type: "string" }, verbose: { type: "boolean" } },
    help: {
      labels: "hand labels (default content/labels/2025-03-11-trending.topics.json)",
      verbose: "list every paper whose tags differ",
    },
    run: evalTopics,
  },
  "eval-foryou": {
    args: "[FILE...] [--labels FILE]",
    summary: "Score For-you's ranking methods against hand labels: MAP and P@5, on-site and text-only.",
    options: { labels: { type: "string" } },
    help: { labels: "hand labels (default content/labels/2025-03-11-trending.topics.json)" },
    run: evalForYou,
  },
  recommend: {
    args: "--library FILE [--day YYYY-MM-DD] [--json] [FILE...]",
    summary:
      "Rank one day's papers (default: the latest) by a library (BibTeX, CSL JSON or this site's CSV).",
    options: { library: { type: "string" }, day: { type: "string" }, json: { type: "boolean" } },
    help: {
      library: "the reader's library: a .bib, CSL JSON or this site's CSV export",
      day: "the day to rank (default: the latest digest's date)",
      json: "print an array, best first, of { title, slug, score, because }",
    },
    run: recommend,
  },
  build: {
    args: "[FILE...] [--out DIR] [--base PATH] [--url URL]",
    summary: "Build the site (default: content/feeds/*.txt into _site/), atomically.",
    options: { out: { type: "string" }, base: { type: "string" }, url: { type: "string" } },
    help: {
      out: "output folder (default _site)",
      base: "path the site lives under, such as /digest/",
      url: "the site's public URL, for feeds and canonical links",
    },
    run: build,
  },
  add: {
    args: "FILE [--date YYYY-MM-DD]",
    summary:
      "Validate a new dump and store it in content/feeds/ under its date and format; print what changed.",
    options: { date: { type: "string" } },
    help: { date: "the dump's date, when neither its file name nor its front matter gives one" },
    run: add,
  },
  fetch: {
    args: "[--date YYYY-MM-DD] [--source hf|arxiv:<category>] [--url URL] [--timeout SECONDS]",
    summary:
      "Download a day's dump and store it like add. Exit 4: service unreachable or an error; 5: no papers.",
    options: {
      date: { type: "string" },
      source: { type: "string" },
      url: { type: "string" },
      timeout: { type: "string" },
    },
    help: {
      date: "the day (Hugging Face; default today in UTC); for arXiv, the day the listing must be for",
      source: "'hf' (default): huggingface.co daily papers; 'arxiv:cs.LG': that category's arXiv listing",
      url: "replace the service's base URL: <URL>/daily_papers?date=<date>, or <URL>/<category>",
      timeout: "give up after this many seconds (default 30)",
    },
    run: fetchDump,
  },
};

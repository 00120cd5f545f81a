// Owns the site pipeline as ordered steps, each a function of what the steps before it made:
//   load config → load dumps → merge → tag → overrides → enrich → views
// The CLI's build, `npm start` and the list/topics/eval commands all run these same steps.
import { type Diagnostic, countOf, sortDiagnostics } from "../common/diagnostics.ts";
import type { Digest } from "../feed/schema.ts";
import { feedFiles, readDumps } from "../feed/load.ts";
import { mergeDumps, type Merged } from "../feed/merge.ts";
import type { ParsedDump } from "../feed/parse.ts";
import { OVERRIDES_DIR, readSources, TOPICS_DIR } from "../topics/load.ts";
import { parseOverrides, parseTaxonomy } from "../topics/taxonomy.ts";
import { assignTopics } from "../topics/tag.ts";
import { proseText } from "../tex/prose.ts";
import { applyOverrides } from "../topics/overrides.ts";
import type { PaperOverride, TaggedPaper, Topic } from "../topics/schema.ts";
import { readSiteConfig, type BuildOptions } from "./config.ts";
import { enrich, searchDocs, startRelated, type RelatedJob } from "./enrich.ts";
import { buildSiteData } from "./views/site-data.ts";
import { fail, ok, type Result } from "../common/result.ts";
import { sizeHeap } from "./heap.ts";
import { planSearch, type SearchPlan } from "./search-index.ts";
import { planForYou, type ForYouPlan } from "./foryou-files.ts";
import { bundleScripts, type Bundles } from "./bundles.ts";
import type { PaperView, SiteData } from "./views/types.ts";
import type { Host } from "./weight.ts";

export interface ContentOptions {
  /** the project folder holding content/ */
  root: string;
  /** dump files to read (relative to root) instead of content/feeds/*.txt */
  feeds?: string[] | undefined;
}

/** Everything the content folder says, tagged and edited: what list, topics and eval print. */
export interface Content {
  topics: Topic[];
  dumps: ParsedDump[];
  digests: Digest[];
  papers: TaggedPaper[];
  overrides: PaperOverride[];
  /** every diagnostic of every step, sorted by file and line */
  diagnostics: Diagnostic[];
}

/** Steps 1–3: the taxonomy, the dumps read and merged; the records before they are tagged. */
export interface MergedContent {
  topics: Topic[];
  dumps: ParsedDump[];
  merged: Merged;
  diagnostics: Diagnostic[];
}

export async function mergeContent(opts: ContentOptions): Promise<MergedContent> {
  const topicSources = await readSources(opts.root, TOPICS_DIR, false);
  const taxonomy = parseTaxonomy(topicSources.sources);
  const feeds = await feedFiles(opts.root, opts.feeds);
  const read = await readDumps(feeds.files);
  const merged = mergeDumps(read.dumps);
  return {
    topics: taxonomy.ok ? taxonomy.value : [],
    dumps: read.dumps,
    merged,
    diagnostics: [
      ...topicSources.diagnostics,
      ...(taxonomy.ok ? [] : taxonomy.error),
      ...feeds.diagnostics,
      ...read.diagnostics,
      ...merged.diagnostics,
    ],
  };
}

/** Steps 4–5: topics tagged, an editor's overrides applied; every diagnostic sorted. */
export async function tagContent(root: string, content: MergedContent): Promise<Content> {
  const { topics, merged } = content;
  const tagged = assignTopics(merged.papers, topics, proseText);
  const overrideSources = await readSources(root, OVERRIDES_DIR, true);
  const slugs = new Set(tagged.map((p) => p.slug));
  const overrides = parseOverrides(overrideSources.sources, topics, slugs);
  const edits = overrides.ok ? overrides.value : [];
  const papers = applyOverrides(tagged, edits, topics);
  const diagnostics = [
    ...content.diagnostics,
    ...overrideSources.diagnostics,
    ...(overrides.ok ? [] : overrides.error),
  ];
  return {
    topics,
    dumps: content.dumps,
    digests: merged.digests,
    papers,
    overrides: edits,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** Steps 1–5: the content as records, with every diagnostic (what list, topics and eval print). */
export async function loadContent(opts: ContentOptions): Promise<Content> {
  return tagContent(opts.root, await mergeContent(opts));
}

export interface PipelineOptions extends ContentOptions, BuildOptions {
  /** use the second core (default); off for small sites, where a thread costs more than it saves */
  thread?: boolean | undefined;
  /** told each phase as it starts, for a progress line on a terminal */
  progress?: ((phase: string) => void) | undefined;
  /** a build's own process: V8's heap growth is set by the papers' count once they are merged */
  sizeHeap?: boolean | undefined;
}

/** What a build renders: plain template data, the search index's input, the scripts, the warnings. */
export interface PreparedSite {
  data: SiteData;
  /** the paper pages' views, papers `from` to `to`: made as they render, not held for the whole site */
  paperPages: (from: number, to: number) => PaperView[];
  /** where the site is deployed: the limit its weight is held against */
  host: Host;
  /** whether scripts, stylesheets and data get compressed copies (`precompress` in site.json) */
  precompress: boolean;
  search: SearchPlan;
  scripts: Bundles;
  /** what For you's data files are made from (on the second core, once the search index is written) */
  forYou: ForYouPlan;
  diagnostics: Diagnostic[];
}

export type Prepared = Result<PreparedSite, Diagnostic[]>;

/** The whole pipeline. Any error in config or content stops it before anything is rendered. */
export async function prepareSite(opts: PipelineOptions): Promise<Prepared> {
  const progress = opts.progress ?? (() => {});
  progress("parse and tag");
  const config = await readSiteConfig(opts.root, opts);
  const merged = await mergeContent(opts);
  if (opts.sizeHeap) sizeHeap(merged.merged.papers.length);
  // related papers need only the merged text: they run on the second core while this one tags
  const related: RelatedJob = startRelated(merged.merged.papers, opts.thread);
  const content = await tagContent(opts.root, merged).catch((err: unknown) => {
    related.stop();
    throw err;
  });
  const diagnostics = sortDiagnostics([...(config.ok ? [] : config.error), ...content.diagnostics]);
  if (!config.ok || countOf(diagnostics).errors > 0) {
    related.stop();
    return fail(diagnostics);
  }

  progress(`related papers and pages for ${content.papers.length} papers`);
  const papers = await enrich(content.papers, { thread: opts.thread, related });
  const search = planSearch(searchDocs(papers));
  const forYou = planForYou(papers, content.digests, content.topics);
  const scripts = await bundleScripts(search.manifestPath, forYou.manifestPath);
  const { data, paperPages } = buildSiteData({
    papers,
    digests: content.digests,
    topics: content.topics,
    overrides: content.overrides,
    diagnostics,
    meta: config.value.meta,
    fallbackDate: config.value.fallbackDate,
    scripts: { client: scripts.page, saved: scripts.saved },
  });
  return ok({
    data,
    paperPages,
    host: config.value.host,
    precompress: config.value.precompress,
    search,
    scripts,
    forYou,
    diagnostics,
  });
}

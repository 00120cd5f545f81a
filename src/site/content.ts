// Owns loading all content once: dumps → merged papers → topics → editorial overrides.
import path from "node:path";
import { feedFiles, loadDumps } from "../feed/load.ts";
import type { Diagnostic, Digest, Paper } from "../feed/schema.ts";
import type { ParsedDump } from "../feed/parse.ts";
import { readSources } from "../topics/load.ts";
import { parseOverrides, parseTaxonomy } from "../topics/taxonomy.ts";
import { assignTopics } from "../topics/tag.ts";
import { applyOverrides } from "../topics/overrides.ts";
import type { PaperOverride, Topic } from "../topics/schema.ts";
import { sortDiagnostics } from "../feed/diagnostics.ts";

export interface Content {
  papers: Paper[];
  digests: Digest[];
  dumps: ParsedDump[];
  topics: Topic[];
  overrides: PaperOverride[];
  diagnostics: Diagnostic[];
}

export interface ContentOptions {
  /** the project folder holding content/ */
  root: string;
  /** dump files to read instead of content/feeds/*.txt */
  feeds?: string[];
}

export async function loadContent(opts: ContentOptions): Promise<Content> {
  const rel = (f: string) => path.relative(opts.root, f) || f;
  const diagnostics: Diagnostic[] = [];
  const feeds = await feedFiles(opts.root, opts.feeds);
  diagnostics.push(...feeds.diagnostics);
  const loaded = await loadDumps(feeds.files);
  diagnostics.push(...loaded.diagnostics);

  const topicSrc = await readSources(path.join(opts.root, "content", "topics"), false);
  diagnostics.push(...topicSrc.diagnostics);
  const taxonomy = parseTaxonomy(topicSrc.sources);
  diagnostics.push(...taxonomy.diagnostics);
  const topics = taxonomy.value ?? [];

  const tagged = assignTopics(loaded.papers, topics);
  const overrideSrc = await readSources(path.join(opts.root, "content", "papers"), true);
  diagnostics.push(...overrideSrc.diagnostics);
  const overrides = parseOverrides(overrideSrc.sources, topics, new Set(tagged.map((p) => p.slug)));
  diagnostics.push(...overrides.diagnostics);
  const papers = applyOverrides(tagged, overrides.value ?? []);

  const relFile = <T extends { file: string }>(x: T): T => ({ ...x, file: rel(x.file) });
  return {
    papers: papers.map((p) => ({ ...p, digests: p.digests.map(relFile) })),
    digests: loaded.digests.map(relFile),
    dumps: loaded.dumps.map(relFile),
    topics: topics.map(relFile),
    overrides: (overrides.value ?? []).map(relFile),
    diagnostics: sortDiagnostics(diagnostics.map(relFile)),
  };
}

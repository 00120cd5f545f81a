// Owns `paper-digest eval`: tags the labelled dump and prints precision/recall per topic.
import path from "node:path";
import { EXIT, type Args, type Cli } from "./context.ts";
import { loadContent, type Content } from "../site/pipeline.ts";
import { evaluate, formatEvaluation, GoldLabels } from "../topics/evaluate.ts";
import { readTextFile } from "../io.ts";
import { countOf, formatDiagnostic } from "../common/diagnostics.ts";
import { displayName } from "../feed/load.ts";
import { SOURCE_LIMIT } from "../common/limits.ts";
import { jsonSchemaDiagnostics, parseJson } from "../common/json.ts";

/** The hand labels of the shipped dump; a labels file `X.topics.json` scores the dump `content/feeds/X.txt`. */
export const DEFAULT_LABELS = "content/labels/2025-03-11-trending.topics.json";

/** The labelled dump's content and its hand labels, or the exit code after printing why not. */
export async function readLabelled(
  args: Args,
  cli: Cli,
): Promise<{ content: Content; gold: GoldLabels } | number> {
  const labels = path.resolve(
    cli.cwd,
    typeof args.values.labels === "string" ? args.values.labels : DEFAULT_LABELS,
  );
  const name = displayName(cli.cwd, labels);
  const dump = path.join("content", "feeds", path.basename(labels).replace(/\.topics\.json$/, ".txt"));
  const content = await loadContent({
    root: cli.cwd,
    feeds: args.positionals.length ? args.positionals : [dump],
  });
  const fail = (diagnostics: Parameters<typeof formatDiagnostic>[0][]) => {
    for (const d of diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
    return EXIT.failed;
  };
  if (countOf(content.diagnostics).errors) return fail(content.diagnostics);
  const read = await readTextFile(labels, { name, limit: SOURCE_LIMIT });
  if (!read.ok) return fail([read.error]);
  const json = parseJson(read.value.text, name);
  if (!json.ok) return fail([json.error]);
  const gold = GoldLabels.safeParse(json.value.data);
  if (!gold.success) return fail(jsonSchemaDiagnostics(name, json.value, gold.error));
  return { content, gold: gold.data };
}

export async function evalTopics(args: Args, cli: Cli): Promise<number> {
  const read = await readLabelled(args, cli);
  if (typeof read === "number") return read;
  const { content, gold } = read;
  const result = evaluate(
    content.papers,
    gold,
    content.topics.map((t) => t.slug),
  );
  cli.stdout(formatEvaluation(result) + "\n");
  if (args.values.verbose) {
    for (const e of result.errors) {
      const diff = [...e.missing.map((m) => "-" + m), ...e.extra.map((x) => "+" + x)].join(" ");
      cli.stdout(`  ${e.title.slice(0, 70)}: ${diff}\n`);
    }
  }
  return EXIT.ok;
}

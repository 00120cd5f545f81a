// Owns `paper-digest eval`: tags the labelled dump and prints precision/recall per topic.
import path from "node:path";
import type { Args } from "./commands.ts";
import { EXIT, type Cli } from "./main.ts";
import { loadContent } from "../site/content.ts";
import { evaluate, formatEvaluation, GoldLabels } from "../topics/evaluate.ts";
import { readTextFile } from "../io.ts";
import { countOf, formatDiagnostic } from "../feed/diagnostics.ts";

/** The hand labels of the shipped dump; a labels file `X.topics.json` scores the dump `content/feeds/X.txt`. */
export const DEFAULT_LABELS = "content/labels/2025-03-11-trending.topics.json";

export async function evalTopics(args: Args, cli: Cli): Promise<number> {
  const labels = path.resolve(cli.cwd, String(args.values.labels ?? DEFAULT_LABELS));
  const feed = args.positionals.length
    ? args.positionals
    : [path.join("content", "feeds", path.basename(labels).replace(/\.topics\.json$/, ".txt"))];
  const content = await loadContent({ root: cli.cwd, feeds: feed });
  for (const d of content.diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
  if (countOf(content.diagnostics).errors) return EXIT.failed;
  const read = await readTextFile(labels);
  if (!read.ok) {
    cli.stderr(formatDiagnostic(read.diagnostic) + "\n");
    return EXIT.failed;
  }
  let json: unknown;
  try {
    json = JSON.parse(read.value.text);
  } catch (err) {
    cli.stderr(`${labels}: error: not valid JSON: ${err instanceof Error ? err.message : err}\n`);
    return EXIT.failed;
  }
  const gold = GoldLabels.safeParse(json);
  if (!gold.success) {
    cli.stderr(
      `${labels}: error: ${gold.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`,
    );
    return EXIT.failed;
  }
  const result = evaluate(
    content.papers,
    gold.data,
    content.topics.map((t) => t.slug),
  );
  cli.stdout(formatEvaluation(result) + "\n");
  if (args.values.verbose) {
    for (const e of result.errors)
      cli.stdout(
        `  ${e.title.slice(0, 70)}: ${e.missing
          .map((m) => "-" + m)
          .concat(e.extra.map((x) => "+" + x))
          .join(" ")}\n`,
      );
  }
  return EXIT.ok;
}

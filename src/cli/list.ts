// Owns `paper-digest list`: the merged records, as JSON for tools or a table for people.
import { EXIT, type Args, type Cli } from "./context.ts";
import { loadContent } from "../site/pipeline.ts";
import { countOf, formatDiagnostic } from "../common/diagnostics.ts";

export async function list(args: Args, cli: Cli): Promise<number> {
  const feeds = args.positionals.length ? args.positionals : undefined;
  const content = await loadContent({ root: cli.cwd, feeds });
  for (const d of content.diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
  if (countOf(content.diagnostics).errors > 0) return EXIT.failed;
  if (args.values.json) cli.stdout(JSON.stringify(content.papers, null, 2) + "\n");
  else for (const p of content.papers) cli.stdout(`${p.slug}\t${p.title}\n`);
  return EXIT.ok;
}

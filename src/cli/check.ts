// Owns `paper-digest check`: validate dumps and report every diagnostic with its place.
import { EXIT, type Args, type Cli } from "./context.ts";
import { feedFiles, readDumps } from "../feed/load.ts";
import { mergeDumps } from "../feed/merge.ts";
import { countOf, formatDiagnostic, formatGithub, sortDiagnostics } from "../common/diagnostics.ts";
import { plural } from "../common/text.ts";

export async function check(args: Args, cli: Cli): Promise<number> {
  const format = args.values.format ?? "text";
  if (format !== "text" && format !== "github") {
    cli.stderr(`paper-digest check: --format must be 'text' or 'github', got ${JSON.stringify(format)}\n`);
    return EXIT.usage;
  }
  const feeds = await feedFiles(cli.cwd, args.positionals);
  const read = await readDumps(feeds.files);
  const merged = mergeDumps(read.dumps);
  const all = sortDiagnostics([...feeds.diagnostics, ...read.diagnostics, ...merged.diagnostics]);
  for (const d of all) cli.stderr((format === "github" ? formatGithub(d) : formatDiagnostic(d)) + "\n");
  const { errors, warnings } = countOf(all);
  cli.stderr(
    `${plural(merged.papers.length, "paper")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`,
  );
  return errors > 0 ? EXIT.failed : EXIT.ok;
}

// Owns `paper-digest check`: validate dumps and report every diagnostic with its place.
import type { Args } from "./commands.ts";
import { EXIT, type Cli } from "./main.ts";
import { feedFiles, loadDumps } from "../feed/load.ts";
import { countOf, formatDiagnostic, formatGithub, plural, sortDiagnostics } from "../feed/diagnostics.ts";
import path from "node:path";

export async function check(args: Args, cli: Cli): Promise<number> {
  const format = args.values.format ?? "text";
  if (format !== "text" && format !== "github") {
    cli.stderr(`paper-digest check: --format must be 'text' or 'github', got ${JSON.stringify(format)}\n`);
    return EXIT.usage;
  }
  const feeds = await feedFiles(cli.cwd, args.positionals);
  const loaded = await loadDumps(feeds.files);
  const rel = (f: string) => path.relative(cli.cwd, f) || f;
  const all = sortDiagnostics(
    [...feeds.diagnostics, ...loaded.diagnostics].map((d) => ({ ...d, file: rel(d.file) })),
  );
  for (const d of all) cli.stderr((format === "github" ? formatGithub(d) : formatDiagnostic(d)) + "\n");
  const { errors, warnings } = countOf(all);
  cli.stderr(
    `${plural(loaded.papers.length, "paper")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`,
  );
  return errors > 0 ? EXIT.failed : EXIT.ok;
}

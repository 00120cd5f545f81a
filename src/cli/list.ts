// Owns `paper-digest list`: the merged records, as JSON for tools or a table for people.
import path from "node:path";
import type { Args } from "./commands.ts";
import { EXIT, type Cli } from "./main.ts";
import { feedFiles } from "./inputs.ts";
import { loadDumps } from "../feed/load.ts";
import { countOf, formatDiagnostic, sortDiagnostics } from "../feed/diagnostics.ts";

export async function list(args: Args, cli: Cli): Promise<number> {
  const { files, diagnostic } = await feedFiles(args.positionals, cli.cwd);
  const loaded = await loadDumps(files.map((f) => path.resolve(cli.cwd, f)));
  const rel = (f: string) => path.relative(cli.cwd, f) || f;
  const diagnostics = sortDiagnostics([...(diagnostic ? [diagnostic] : []), ...loaded.diagnostics]);
  for (const d of diagnostics) cli.stderr(formatDiagnostic({ ...d, file: rel(d.file) }) + "\n");
  if (countOf(diagnostics).errors > 0) return EXIT.failed;
  const papers = loaded.papers.map((p) => ({ ...p, digests: p.digests.map((d) => ({ ...d, file: rel(d.file) })) }));
  if (args.values.json) cli.stdout(JSON.stringify(papers, null, 2) + "\n");
  else for (const p of papers) cli.stdout(`${p.slug}\t${p.title}\n`);
  return EXIT.ok;
}

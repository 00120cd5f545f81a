// Owns `paper-digest add`: read a new dump from a file and hand it to the store, which validates
// it, stores it under its date and format, and says what changed.
import path from "node:path";
import { EXIT, type Args, type Cli } from "./context.ts";
import { readTextFile } from "../io.ts";
import { IsoDate } from "../feed/schema.ts";
import { DUMP_LIMIT } from "../common/limits.ts";
import { formatDiagnostic } from "../common/diagnostics.ts";
import { plural } from "../common/text.ts";
import { storeDump, type NewDump } from "../feed/store.ts";

export async function add(args: Args, cli: Cli): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    cli.stderr("paper-digest add: give exactly one dump file\n");
    return EXIT.usage;
  }
  const flagDate = typeof args.values.date === "string" ? args.values.date : undefined;
  if (flagDate !== undefined && !IsoDate.safeParse(flagDate).success) {
    cli.stderr(`paper-digest add: --date ${JSON.stringify(flagDate)}: expected a date as YYYY-MM-DD\n`);
    return EXIT.failed;
  }
  const read = await readTextFile(path.resolve(cli.cwd, file), {
    name: file,
    limit: cli.dumpLimit ?? DUMP_LIMIT,
  });
  if (!read.ok) {
    cli.stderr(formatDiagnostic(read.error) + "\n");
    return EXIT.failed;
  }
  return store(cli, { text: read.value.text, name: file, date: flagDate });
}

/** Stores a new dump and tells how it went: its diagnostics, then what changed or why nothing was. */
export async function store(cli: Cli, incoming: NewDump): Promise<number> {
  const outcome = await storeDump(cli.cwd, incoming);
  const { diagnostics } = outcome.ok ? outcome.value : outcome.error;
  for (const d of diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
  if (!outcome.ok) {
    const { problem, message } = outcome.error;
    cli.stderr(message + "\n");
    return problem === "output" ? EXIT.output : problem === "mismatch" ? EXIT.mismatch : EXIT.failed;
  }
  const { replaced, file, dump, report } = outcome.value;
  cli.stdout(`${replaced ? "updated" : "added"} ${file}: ${plural(dump.entries.length, "paper")}\n`);
  cli.stdout(report);
  return EXIT.ok;
}

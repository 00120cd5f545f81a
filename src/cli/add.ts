// Owns `paper-digest add`: validate a new dump, store it under its date, say what changed.
import path from "node:path";
import type { Args } from "./commands.ts";
import { EXIT, type Cli } from "./main.ts";
import { exists, listFiles, readTextFile, writeFiles } from "../io.ts";
import { parseFeed, type ParsedDump } from "../feed/parse.ts";
import { FEEDS_DIR } from "../feed/load.ts";
import { normalizeText, titleKey } from "../feed/normalize.ts";
import { IsoDate } from "../feed/schema.ts";
import { countOf, formatDiagnostic, plural } from "../feed/diagnostics.ts";
import { sortDumps } from "../feed/merge.ts";

export async function add(args: Args, cli: Cli): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    cli.stderr("paper-digest add: give exactly one dump file\n");
    return EXIT.usage;
  }
  const fail = (message: string) => (cli.stderr(message + "\n"), EXIT.failed);
  const flagDate = typeof args.values.date === "string" ? args.values.date : undefined;
  if (flagDate !== undefined && !IsoDate.safeParse(flagDate).success)
    return fail(`paper-digest add: --date ${JSON.stringify(flagDate)}: expected a date as YYYY-MM-DD`);

  const read = await readTextFile(path.resolve(cli.cwd, file), { name: file });
  if (!read.ok) return fail(formatDiagnostic(read.diagnostic));
  const dump = parseFeed(read.value.text, file);
  for (const d of dump.diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
  if (countOf(dump.diagnostics).errors) return fail(`${file}: not added: fix the errors above first`);
  const date = flagDate ?? dump.date;
  if (!date)
    return fail(
      `${file}: error: no date known for this dump: name it YYYY-MM-DD-….txt, give it front matter 'date:', or pass --date YYYY-MM-DD`,
    );

  const feedsDir = path.join(cli.cwd, FEEDS_DIR);
  const listed = await listFiles(feedsDir, ".txt");
  const existing: ParsedDump[] = [];
  for (const f of listed.files) {
    const r = await readTextFile(f);
    if (!r.ok) continue;
    if (normalizeText(r.value.text) === normalizeText(read.value.text))
      return fail(
        `${file}: error: an exact copy of ${path.relative(cli.cwd, f)} is already in ${FEEDS_DIR}; nothing added`,
      );
    existing.push(parseFeed(r.value.text, f));
  }
  const target = path.join(feedsDir, `${date}-trending.txt`);
  if (await exists(target))
    return fail(
      `${file}: error: ${path.relative(cli.cwd, target)} already exists with other content; pass another --date or remove that file first`,
    );

  await writeFiles(feedsDir, [{ path: path.basename(target), contents: read.value.text }]);
  cli.stdout(`added ${path.relative(cli.cwd, target)}: ${plural(dump.entries.length, "paper")}\n`);
  cli.stdout(changes({ ...dump, date }, existing));
  return EXIT.ok;
}

/** What the new dump changes against the dumps before it. */
export function changes(dump: ParsedDump & { date: string }, existing: ParsedDump[]): string {
  const before = sortDumps(existing).filter((d) => (d.date ?? "") < dump.date);
  const previous = before.at(-1);
  const seen = new Set(before.flatMap((d) => d.entries.map((e) => titleKey(e.title))));
  const now = new Set(dump.entries.map((e) => titleKey(e.title)));
  const fresh = dump.entries.filter((e) => !seen.has(titleKey(e.title)));
  const again = dump.entries.filter((e) => seen.has(titleKey(e.title)));
  const dropped = previous ? previous.entries.filter((e) => !now.has(titleKey(e.title))) : [];
  const list = (xs: { title: string }[]) => xs.map((e) => `  ${e.title}\n`).join("");
  return [
    `${plural(fresh.length, "new paper")}\n${list(fresh)}`,
    `${plural(again.length, "paper")} seen before in earlier dumps\n`,
    previous
      ? `${plural(dropped.length, "paper")} dropped off since ${previous.label}${previous.date ? ` (${previous.date})` : ""}\n${list(dropped)}`
      : "no earlier dump to compare with\n",
  ].join("");
}

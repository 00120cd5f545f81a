// Owns the paper-digest command line: picks the command, parses its flags, maps failures to exits.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { commands, type Command } from "./commands.ts";
import type { Limit } from "../feed/input.ts";

export interface Cli {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
  /** the clock, for `fetch`'s default date (today in UTC); tests fix it. Default: the system clock */
  now?: () => Date;
  /** the most a dump may be, read from a file or the network; tests lower it. Default: DUMP_LIMIT */
  dumpLimit?: Limit;
}

export const VERSION = "0.1.0";

export const EXIT = {
  /** done */
  ok: 0,
  /** the input has errors (a broken dump, not a dump, an exact copy, a taken file); nothing written */
  failed: 1,
  /** unknown command or flag, or a flag's value is wrong */
  usage: 2,
  /** the output (the site's folder, content/feeds/) cannot be written */
  output: 3,
  /** fetch: the service could not be reached or answered with an error (time-out, refused, HTTP status) */
  unreachable: 4,
  /** fetch: nothing to fetch, the service has no papers for that day; a scheduled job may take it as success */
  empty: 5,
  /** fetch: the service answered with something else than was asked (another day, another listing); nothing written */
  mismatch: 6,
} as const;

export function usage(): string {
  // a long synopsis gets its summary on the next line, so the columns stay apart
  const lines = Object.entries(commands).map(([name, c]) => {
    const synopsis = `${name} ${c.args}`;
    return synopsis.length < 44
      ? `  ${synopsis.padEnd(44)}${c.summary}`
      : `  ${synopsis}
${" ".repeat(46)}${c.summary}`;
  });
  return [
    "Usage: paper-digest <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run 'paper-digest <command> --help' for a command's options.",
    "",
  ].join("\n");
}

function commandUsage(name: string, c: Command): string {
  const opts = Object.entries(c.options).map(
    ([flag, o]) => `  --${flag}${o.type === "string" ? " VALUE" : ""}`.padEnd(28) + (c.help[flag] ?? ""),
  );
  return [
    `Usage: paper-digest ${name} ${c.args}`,
    "",
    c.summary,
    "",
    "Options:",
    ...opts,
    "  --help".padEnd(28) + "show this help",
    "",
  ].join("\n");
}

export async function main(argv: string[], cli: Cli): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? cli.stdout : cli.stderr)(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === "--version") {
    cli.stdout(`paper-digest ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    cli.stderr(`paper-digest: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return EXIT.usage;
  }
  const config: ParseArgsConfig = {
    args: rest,
    options: { ...command.options, help: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  };
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    cli.stderr(
      `paper-digest ${name}: ${err instanceof Error ? err.message : String(err)}\n\n${commandUsage(name, command)}`,
    );
    return EXIT.usage;
  }
  if (parsed.values.help) {
    cli.stdout(commandUsage(name, command));
    return EXIT.ok;
  }
  return command.run({ values: parsed.values, positionals: parsed.positionals }, cli);
}

// Owns the paper-digest command line: picks the command, parses its flags, maps failures to exits.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { commands, type Command } from "./commands.ts";
import { EXIT, VERSION, type Cli } from "./context.ts";

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

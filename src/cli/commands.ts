// Owns the table of commands: name, arguments, flags and the module that runs each.
import type { Cli } from "./main.ts";
import { check } from "./check.ts";
import { list } from "./list.ts";

export interface Args {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

type Option = { type: "string" | "boolean" };

export interface Command {
  args: string;
  summary: string;
  options: Record<string, Option>;
  help: Record<string, string>;
  run: (args: Args, cli: Cli) => Promise<number>;
}

export const commands: Record<string, Command> = {
  check: {
    args: "[FILE...]",
    summary: "Validate dumps; diagnostics on stderr, exit 1 on any error.",
    options: { format: { type: "string" } },
    help: { format: "'text' (default) or 'github' for workflow annotations" },
    run: check,
  },
  list: {
    args: "[FILE...] [--json]",
    summary: "Print the merged paper records (JSON on stdout with --json).",
    options: { json: { type: "boolean" } },
    help: { json: "print the records as one JSON array, nothing else on stdout" },
    run: list,
  },
};

// Owns what every command is given and gives back: the terminal it runs in (Cli), its parsed flags
// (Args), the exit codes and the version. Commands and the table that lists them import these from
// here, so no command imports the table or the entry point that imports it.
import type { Limit } from "../common/limits.ts";

export interface Args {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

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

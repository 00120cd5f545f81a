// Owns `paper-digest fetch`: download one day's dump from Hugging Face or an arXiv listing, check
// that the answer is a dump of the kind asked for, and hand it to the same store as `add`.
import { EXIT, VERSION, type Args, type Cli } from "./context.ts";
import { store } from "./add.ts";
import { IsoDate } from "../feed/schema.ts";
import { DUMP_LIMIT } from "../common/limits.ts";
import { download } from "../feed/download.ts";
import { formatDiagnostic } from "../common/diagnostics.ts";
import { fail, ok, type Result } from "../common/result.ts";
import {
  BASE_URL,
  acceptOf,
  bodyProblem,
  dumpUrl,
  isEmptyDay,
  parseBaseUrl,
  parseSource,
  type Source,
} from "../feed/sources.ts";

const DEFAULT_TIMEOUT_S = 30;

interface Request {
  source: Source;
  url: string;
  /** the day asked for with --date, if any */
  date: string | undefined;
  timeoutMs: number;
}

/** The flags → what to fetch. The clock is read only here, for Hugging Face's default day. */
function readRequest(args: Args, cli: Cli): Result<Request, string> {
  const value = (flag: string) => (typeof args.values[flag] === "string" ? args.values[flag] : undefined);
  const wrong = (flag: string, message: string) =>
    fail(`--${flag} ${JSON.stringify(value(flag))}: ${message}`);
  if (args.positionals.length) return fail("takes no FILE arguments; see --help");
  const date = value("date");
  if (date !== undefined && !IsoDate.safeParse(date).success) return wrong("date", "expected YYYY-MM-DD");
  const source = parseSource(value("source") ?? "hf");
  if (!source) return wrong("source", "expected 'hf' or 'arxiv:<category>', such as arxiv:cs.LG");
  const timeout = Number(value("timeout") ?? DEFAULT_TIMEOUT_S);
  if (!(timeout > 0 && timeout <= 600))
    return wrong("timeout", "expected seconds, more than 0 and at most 600");
  const base = parseBaseUrl(value("url") ?? BASE_URL[source.kind]);
  if (!base.ok) return wrong("url", base.error);
  const clock = cli.now ?? (() => new Date());
  // Hugging Face is asked for a day, today in UTC by default; an arXiv listing has no day to ask for
  const day = source.kind === "hf" ? (date ?? clock().toISOString().slice(0, 10)) : date;
  const request = { source, url: dumpUrl(source, base.value, day), date: day, timeoutMs: timeout * 1000 };
  return ok(request);
}

export async function fetchDump(args: Args, cli: Cli): Promise<number> {
  const parsed = readRequest(args, cli);
  if (!parsed.ok) {
    cli.stderr(`paper-digest fetch: ${parsed.error}\n`);
    return EXIT.usage;
  }
  const { source, url, date, timeoutMs } = parsed.value;
  const say = (code: number, message: string) => {
    cli.stderr(formatDiagnostic({ file: url, severity: "error", message }) + "\n");
    return code;
  };
  const got = await download(url, {
    timeoutMs,
    maxBytes: (cli.dumpLimit ?? DUMP_LIMIT).bytes,
    // read here, not at load: main.ts, which holds VERSION, imports this module through the command table
    userAgent: `paper-digest/${VERSION} (static site of trending papers; one request a day)`,
    accept: acceptOf(source),
  });
  if (!got.ok)
    return say(got.error.problem === "unreachable" ? EXIT.unreachable : EXIT.failed, got.error.message);
  const { text, contentType } = got.value;
  const problem = bodyProblem(source, text, contentType);
  if (problem) return say(EXIT.failed, problem);
  if (isEmptyDay(source, text)) {
    const day =
      source.kind === "hf" ? `Hugging Face lists no papers for ${date}` : "the listing has no papers";
    cli.stderr(`${url}: nothing to fetch: ${day}; nothing written\n`);
    return EXIT.empty;
  }
  return store(cli, {
    text,
    name: url,
    date: source.kind === "hf" ? date : undefined,
    asked:
      source.kind === "hf"
        ? { series: "hf-daily", what: "Hugging Face daily papers", date }
        : {
            series: `arxiv-listing:${source.category}`,
            what: `the arXiv listing of ${source.category}`,
            date,
          },
  });
}

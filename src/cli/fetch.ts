// Owns `paper-digest fetch`: download one day's dump from Hugging Face or an arXiv listing, check
// that the answer is a dump of the kind asked for, and hand it to the same store as `add`.
import { EXIT, VERSION, type Args, type Cli } from "./context.ts";
import { store } from "./add.ts";
import { IsoDate } from "../feed/schema.ts";
import { DUMP_LIMIT } from "../feed/input.ts";
import { download } from "../feed/download.ts";
import { formatDiagnostic } from "../feed/diagnostics.ts";
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

type Parsed = { ok: true; request: Request } | { ok: false; message: string };

/** The flags → what to fetch. The clock is read only here, for Hugging Face's default day. */
function readRequest(args: Args, cli: Cli): Parsed {
  const value = (flag: string) => (typeof args.values[flag] === "string" ? args.values[flag] : undefined);
  const fail = (flag: string, message: string): Parsed => ({
    ok: false,
    message: `--${flag} ${JSON.stringify(value(flag))}: ${message}`,
  });
  if (args.positionals.length) return { ok: false, message: "takes no FILE arguments; see --help" };
  const date = value("date");
  if (date !== undefined && !IsoDate.safeParse(date).success) return fail("date", "expected YYYY-MM-DD");
  const source = parseSource(value("source") ?? "hf");
  if (!source) return fail("source", "expected 'hf' or 'arxiv:<category>', such as arxiv:cs.LG");
  const timeout = Number(value("timeout") ?? DEFAULT_TIMEOUT_S);
  if (!(timeout > 0 && timeout <= 600))
    return fail("timeout", "expected seconds, more than 0 and at most 600");
  const base = parseBaseUrl(value("url") ?? BASE_URL[source.kind]);
  if (!base.ok) return fail("url", base.message);
  const clock = cli.now ?? (() => new Date());
  // Hugging Face is asked for a day, today in UTC by default; an arXiv listing has no day to ask for
  const day = source.kind === "hf" ? (date ?? clock().toISOString().slice(0, 10)) : date;
  const request = { source, url: dumpUrl(source, base.base, day), date: day, timeoutMs: timeout * 1000 };
  return { ok: true, request };
}

export async function fetchDump(args: Args, cli: Cli): Promise<number> {
  const parsed = readRequest(args, cli);
  if (!parsed.ok) {
    cli.stderr(`paper-digest fetch: ${parsed.message}\n`);
    return EXIT.usage;
  }
  const { source, url, date, timeoutMs } = parsed.request;
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
  if (!got.ok) return say(got.problem === "unreachable" ? EXIT.unreachable : EXIT.failed, got.message);
  const problem = bodyProblem(source, got.text, got.contentType);
  if (problem) return say(EXIT.failed, problem);
  if (isEmptyDay(source, got.text)) {
    const day =
      source.kind === "hf" ? `Hugging Face lists no papers for ${date}` : "the listing has no papers";
    cli.stderr(`${url}: nothing to fetch: ${day}; nothing written\n`);
    return EXIT.empty;
  }
  return store(cli, {
    text: got.text,
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

// Owns `paper-digest build`: run the pipeline, render the site atomically, warn when the site nears
// its host's limit, print one summary line.
import path from "node:path";
import { EXIT, type Args, type Cli } from "./context.ts";
import { prepareSite } from "../site/pipeline.ts";
import { buildSite } from "../site/build.ts";
import { countOf, formatDiagnostic } from "../common/diagnostics.ts";
import { plural } from "../common/text.ts";
import { describeFsError } from "../io.ts";
import { hostWarning } from "../site/weight.ts";

const WRITE_ERRORS = ["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST", "ENOSPC"];

export async function build(args: Args, cli: Cli): Promise<number> {
  const started = performance.now();
  const out = path.resolve(cli.cwd, typeof args.values.out === "string" ? args.values.out : "_site");
  const where = path.relative(cli.cwd, out) || out;
  // on a terminal one line shows the phase; in CI (no TTY) only diagnostics and the summary print
  const progress = cli.isTTY ? (phase: string) => cli.stderr(`\r\x1b[K${phase}…`) : undefined;
  const endProgress = () => cli.isTTY && cli.stderr("\r\x1b[K");
  const prepared = await prepareSite({
    root: cli.cwd,
    feeds: args.positionals.length ? args.positionals : undefined,
    base: typeof args.values.base === "string" ? args.values.base : undefined,
    url: typeof args.values.url === "string" ? args.values.url : undefined,
    sourceDateEpoch: cli.env?.SOURCE_DATE_EPOCH,
    progress,
    sizeHeap: true,
  });
  endProgress();
  for (const d of prepared.ok ? prepared.value.diagnostics : prepared.error)
    cli.stderr(formatDiagnostic(d) + "\n");
  if (!prepared.ok) {
    const { errors } = countOf(prepared.error);
    cli.stderr(`build stopped: ${plural(errors, "error")}; ${where} was left as it was\n`);
    return EXIT.failed;
  }
  const site = prepared.value;
  let result;
  try {
    progress?.(`render ${site.data.papers.length} paper pages and the rest`);
    result = await buildSite(site, out);
    endProgress();
  } catch (err) {
    endProgress();
    const code = typeof err === "object" && err && "code" in err ? String(err.code) : "";
    if (WRITE_ERRORS.includes(code)) {
      const why = describeFsError(err, "write failed");
      cli.stderr(`${where}: error: cannot write the site: ${why}; the previous output was left as it was\n`);
      return EXIT.output;
    }
    const why = err instanceof Error ? err.message : String(err);
    cli.stderr(
      `${where}: error: the site could not be rendered: ${why}; the previous output was left as it was\n`,
    );
    return EXIT.failed;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // the site against its host's limit: a warning past 80%, and over it still written
  const heavy = hostWarning(result.budget);
  if (heavy) cli.stderr(`${where}: warning: ${heavy}\n`);
  const warnings = countOf(site.diagnostics).warnings + (heavy ? 1 : 0);
  const papers = plural(site.data.papers.length, "paper");
  cli.stderr(`${papers}, ${plural(result.pages, "page")}, ${plural(warnings, "warning")} in ${seconds} s\n`);
  return EXIT.ok;
}

// Owns `paper-digest build`: load and check content, render the site atomically, one summary line.
import path from "node:path";
import type { Args } from "./commands.ts";
import { EXIT, type Cli } from "./main.ts";
import { ContentError, loadSiteData } from "../site/handoff.ts";
import { buildSite } from "../site/build.ts";
import { countOf, formatDiagnostic, plural } from "../feed/diagnostics.ts";
import { describeFsError } from "../io.ts";

export async function build(args: Args, cli: Cli): Promise<number> {
  const started = performance.now();
  const out = path.resolve(cli.cwd, String(args.values.out ?? "_site"));
  // on a terminal one line shows the phase; in CI (no TTY) only diagnostics and the summary print
  const progress = cli.isTTY ? (phase: string) => cli.stderr(`\r\x1b[K${phase}…`) : undefined;
  const endProgress = () => cli.isTTY && cli.stderr("\r\x1b[K");
  let loaded;
  try {
    loaded = await loadSiteData({
      root: cli.cwd,
      feeds: args.positionals.length ? args.positionals : undefined,
      base: typeof args.values.base === "string" ? args.values.base : undefined,
      url: typeof args.values.url === "string" ? args.values.url : undefined,
      sourceDateEpoch: cli.env?.SOURCE_DATE_EPOCH,
      progress,
    });
  } catch (err) {
    endProgress();
    if (!(err instanceof ContentError)) throw err;
    for (const d of err.diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
    const { errors } = countOf(err.diagnostics);
    cli.stderr(
      `build stopped: ${plural(errors, "error")}; ${path.relative(cli.cwd, out) || out} was left as it was\n`,
    );
    return EXIT.failed;
  }
  endProgress();
  for (const d of loaded.diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
  let result;
  try {
    progress?.(`render ${loaded.data.papers.length} paper pages and the rest`);
    result = await buildSite(loaded.data, out);
    endProgress();
  } catch (err) {
    endProgress();
    const code = typeof err === "object" && err && "code" in err ? String(err.code) : "";
    const where = path.relative(cli.cwd, out) || out;
    if (["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST", "ENOSPC"].includes(code)) {
      cli.stderr(
        `${where}: error: cannot write the site: ${describeFsError(err, "write failed")}; the previous output was left as it was\n`,
      );
      return EXIT.output;
    }
    cli.stderr(
      `${where}: error: the site could not be rendered: ${err instanceof Error ? err.message : String(err)}; the previous output was left as it was\n`,
    );
    return EXIT.failed;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const warnings = countOf(loaded.diagnostics).warnings;
  cli.stderr(
    `${plural(loaded.data.papers.length, "paper")}, ${plural(result.pages, "page")}, ${plural(warnings, "warning")} in ${seconds} s\n`,
  );
  return EXIT.ok;
}

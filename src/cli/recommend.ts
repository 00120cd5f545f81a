// Owns `paper-digest recommend`: one day of the content (or of the dumps given, like `list`) ranked
// by a library file, with the same scoring module the browser uses.
import path from "node:path";
import { EXIT, type Args, type Cli } from "./context.ts";
import { loadContent } from "../site/pipeline.ts";
import { countOf, formatDiagnostic } from "../common/diagnostics.ts";
import { readTextFile } from "../io.ts";
import { displayName } from "../feed/load.ts";
import { buildDayData, forYouPapers, papersOfDay, siteIdf } from "../foryou/data.ts";
import { IMPORT_LIMIT, importLibrary } from "../foryou/import.ts";
import { matchingReport, matchLibrary } from "../foryou/match.ts";
import { becauseText, interestsOf, rank } from "../foryou/score.ts";
import { shownTerms } from "../foryou/terms.ts";

export async function recommend(args: Args, cli: Cli): Promise<number> {
  const file = args.values.library;
  const day = args.values.day;
  if (typeof file !== "string") return usage(cli, "--library FILE is required");
  if (day !== undefined && (typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day)))
    return usage(cli, "--day takes a date as YYYY-MM-DD");
  const name = displayName(cli.cwd, path.resolve(cli.cwd, file));
  const read = await readTextFile(path.resolve(cli.cwd, file), {
    name,
    limit: { bytes: IMPORT_LIMIT, kind: "library file" },
  });
  if (!read.ok) return fail(cli, formatDiagnostic(read.error));
  const imported = importLibrary(read.value.text);
  if (!imported.ok) return fail(cli, `${name}: error: ${imported.error}`);
  for (const p of imported.value.problems) cli.stderr(`${name}: warning: ${p}\n`);

  const content = await loadContent({
    root: cli.cwd,
    feeds: args.positionals.length ? args.positionals : undefined,
  });
  for (const d of content.diagnostics) if (d.severity === "error") cli.stderr(formatDiagnostic(d) + "\n");
  if (countOf(content.diagnostics).errors > 0) return EXIT.failed;
  const dates = content.digests.flatMap((d) => (d.date ? [d.date] : [])).sort();
  const date = typeof day === "string" ? day : dates.at(-1);
  if (!date) return fail(cli, "error: no digest has a date: name one with --day, or give dated dumps");
  const ofDay = papersOfDay(content.papers, content.digests, date);
  if (!ofDay.length)
    return fail(cli, `error: no digest of ${date}; the digests' dates are ${[...new Set(dates)].join(", ")}`);

  const papers = forYouPapers(content.papers);
  const idf = siteIdf(papers);
  const dayData = buildDayData(forYouPapers(ofDay), idf, content.topics);
  const matching = matchLibrary(imported.value.entries, content.papers);
  for (const line of matchingReport(matching)) cli.stderr(`${name}: ${line}\n`);
  const onSite = buildDayData(
    papers.filter((p) => matching.matched.some((m) => m.slug === p.slug)),
    idf,
    content.topics,
  );
  const library = interestsOf(
    [...matching.matched.map((m) => ({ title: m.entry.title, slug: m.slug })), ...matching.byText],
    dayData,
    () => onSite,
  );
  const bySlug = new Map(content.papers.map((p) => [p.slug, p]));
  const ranked = rank(dayData, library).map((r) => {
    const p = bySlug.get(r.slug)!;
    const words = shownTerms(r.because.words, `${p.title} ${p.abstract}`);
    return { title: p.title, slug: r.slug, score: r.score, because: becauseText({ ...r.because, words }) };
  });
  if (args.values.json) cli.stdout(JSON.stringify(ranked, null, 2) + "\n");
  else {
    cli.stdout(`For you, ${date}: ${ranked.length} papers, ${library.length} in the library\n`);
    ranked.forEach((r, i) =>
      cli.stdout(
        `${String(i + 1).padStart(3)}  ${r.score.toFixed(3)}  ${r.title}\n       ${r.because || "nothing in common with the library"}\n`,
      ),
    );
  }
  return EXIT.ok;
}

function usage(cli: Cli, message: string): number {
  cli.stderr(`paper-digest recommend: ${message}\n`);
  return EXIT.usage;
}

function fail(cli: Cli, message: string): number {
  cli.stderr(message + "\n");
  return EXIT.failed;
}

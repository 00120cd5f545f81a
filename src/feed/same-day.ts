// Owns "one digest per source and day": Hugging Face's daily papers, one arXiv category's listing,
// one arXiv API query, a pasted page. Two files of one source and day (the same HF day saved under
// two names, or fetched again after its upvotes changed) would make every paper trend twice and
// count as new twice; only one of them is read, and both are named in a warning. Pure.
import type { Diagnostic } from "../common/diagnostics.ts";
import type { ParsedDump } from "./dump.ts";
import { seriesOf } from "./series.ts";

/** What a dump is a day of, for messages: "Hugging Face daily papers", "the arXiv listing of cs.LG". */
export function sourceName(
  dump: Pick<ParsedDump, "format" | "category" | "query" | "source" | "title">,
): string {
  switch (dump.format) {
    case "text":
      return "a pasted trending page";
    case "hf-daily":
      return "Hugging Face daily papers";
    case "arxiv-listing":
      return `the arXiv listing of ${dump.category ?? "an unnamed category"}`;
    case "arxiv-api":
      return `the arXiv API query ${JSON.stringify(dump.query ?? "")}`;
    case "feed":
      return `the feed ${JSON.stringify(dump.title ?? dump.source ?? "")}`;
  }
}

/** The key of a dump's source and day, or undefined for an undated dump (which has no day to share). */
export function dayKey(
  dump: Pick<ParsedDump, "format" | "category" | "query" | "source" | "title" | "date">,
): string | undefined {
  return dump.date ? `${seriesOf(dump).series}@${dump.date}` : undefined;
}

/**
 * The dumps with at most one of each source and day: of two, the file whose name sorts last is
 * read (a deterministic choice; `add` and `fetch` replace a day's file instead of adding one).
 */
export function oneDumpPerDay<D extends ParsedDump>(dumps: D[]): { dumps: D[]; diagnostics: Diagnostic[] } {
  const chosen = new Map<string, D>();
  for (const d of dumps) {
    const key = dayKey(d);
    if (!key) continue;
    const other = chosen.get(key);
    if (!other || other.file.localeCompare(d.file) < 0) chosen.set(key, d);
  }
  const diagnostics: Diagnostic[] = [];
  const kept = dumps.filter((d) => {
    const key = dayKey(d);
    const winner = key ? chosen.get(key)! : d;
    if (winner === d) return true;
    diagnostics.push({
      file: d.file,
      severity: "warning",
      message:
        `${winner.file} holds the same source and day (${sourceName(d)}, ${d.date}); ` +
        `only ${winner.file} is read, so that day is one digest: remove one of the two files`,
    });
    return false;
  });
  return { dumps: kept, diagnostics };
}

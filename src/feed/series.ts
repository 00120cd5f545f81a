// Owns which dumps follow each other: a digest's series (see Digest.series), and the short name of
// an arXiv API answer's query that tells two answers of one day apart. Pure.
import type { ParsedDump } from "./dump.ts";
import { hash } from "../common/hash.ts";

/** Which dumps follow each other (see Digest.series), and whether theirs is a trending list. */
export function seriesOf(dump: Pick<ParsedDump, "format" | "category" | "query" | "source">): {
  series: string;
  trending: boolean;
} {
  if (dump.format === "arxiv-listing")
    return { series: `arxiv-listing:${dump.category ?? ""}`, trending: false };
  if (dump.format === "arxiv-api") return { series: `arxiv-api:${queryKey(dump)}`, trending: false };
  // a feed is known by its home page (or title): two feeds of one day are two digests
  if (dump.format === "feed") return { series: `feed:${hash(dump.source ?? "", 6)}`, trending: false };
  return { series: dump.format, trending: dump.format === "text" || dump.format === "hf-daily" };
}

/** A short name for an arXiv API answer's query: what tells two answers of one day apart. */
export function queryKey(dump: Pick<ParsedDump, "query">): string {
  return hash(dump.query ?? "", 6);
}

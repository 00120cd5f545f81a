// Owns which dumps follow each other: a digest's series (see Digest.series), the short name of an
// arXiv API answer's query that tells two answers of one day apart, and what a digest's place in its
// series gives it: its URL key and the papers that dropped off since the one before it. Pure.
import type { ParsedDump } from "./dump.ts";
import type { Digest } from "./schema.ts";
import { slugify } from "./slug.ts";
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

type Placed = Pick<Digest, "key" | "previous" | "dropped">;

/**
 * Each digest (in merge order) with its URL key and what dropped off since the previous digest of
 * its series. Undated dumps of one series that share a label get a counter in their key. Only a
 * trending list has papers that drop off: a listing's or an API answer's are new papers each day.
 */
export function placeInSeries<T extends Omit<Digest, keyof Placed>>(digests: T[]): (T & Placed)[] {
  const used = new Set<string>();
  const last = new Map<string, T>();
  return digests.map((d) => {
    const day = d.date ?? slugify(d.label);
    const base = d.series === "text" ? day : `${day}-${slugify(d.series)}`;
    let key = base;
    for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
    used.add(key);
    const previous = d.trending ? last.get(d.series) : undefined;
    last.set(d.series, d);
    const now = new Set(d.paperIds);
    const dropped = previous ? [...new Set(previous.paperIds)].filter((id) => !now.has(id)) : [];
    return { ...d, key, ...(previous ? { previous: previous.file } : {}), dropped };
  });
}

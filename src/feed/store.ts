// Owns storing a new dump in content/feeds, the one path that `add` and `fetch` share: validate it
// with parseFeed, decide its date and file name, refuse an exact copy or a taken name, write last.
// Nothing is written on any failure. The decisions are pure; reads and the write go through io.ts.
import path from "node:path";
import { exists, listFiles, readTextFile, removeFile, replaceFile, writeNewFile } from "../io.ts";
import { dayKey, sourceName } from "./same-day.ts";
import { queryKey, seriesOf } from "./series.ts";
import { slugify } from "./slug.ts";
import { parseFeed, type ParsedDump } from "./parse.ts";
import { DUMP_ENDINGS, FEEDS_DIR, displayName } from "./load.ts";
import { mergeDumps } from "./merge.ts";
import { normalizeText, plural } from "../common/text.ts";
import { countOf, type Diagnostic } from "../common/diagnostics.ts";
import { fail, ok, type Result } from "../common/result.ts";

/** How many titles a list of new or dropped papers prints before "… and N more". */
const LISTED = 20;

export interface NewDump {
  /** the dump's text, stored as it is */
  text: string;
  /** its name in messages: the file given, or the URL it came from */
  name: string;
  /** the date to store it under, before the one the dump gives: add's --date, the day fetched */
  date?: string | undefined;
  /** what a fetch asked for: the answer must be a dump of that series, and of that day when given */
  asked?: Asked | undefined;
}

export interface Asked {
  /** the series (see seriesOf): `hf-daily`, `arxiv-listing:cs.LG` */
  series: string;
  /** the same in words, for messages */
  what: string;
  date?: string | undefined;
}

export interface StoredDump {
  /** relative to the project */
  file: string;
  dump: ParsedDump;
  /** it took the place of a stored dump of the same source and day */
  replaced: boolean;
  /** what changed on the site, for people */
  report: string;
  diagnostics: Diagnostic[];
}

/** Why nothing was stored: the dump is broken, it is not what was asked for, or the folder cannot be written. */
type Problem = "invalid" | "mismatch" | "output";

export interface NotStored {
  problem: Problem;
  message: string;
  diagnostics: Diagnostic[];
}

export type StoreOutcome = Result<StoredDump, NotStored>;
type Validated = Result<ParsedDump & { date: string }, NotStored>;

/** Parses and checks a new dump, and settles its date. Pure. */
export function validateDump(incoming: NewDump): Validated {
  const { name } = incoming;
  const dump = parseFeed(incoming.text, name);
  const { errors, warnings } = countOf(dump.diagnostics);
  const refuse = (message: string, problem: Problem = "invalid"): Validated =>
    fail({ problem, message, diagnostics: dump.diagnostics });
  if (errors)
    return refuse(
      `${name}: not added: ${plural(errors, "error")}, ${plural(warnings, "warning")}; fix the errors above first`,
    );
  const other = incoming.asked && notAsked(dump, incoming.asked);
  if (other) return refuse(`${name}: error: ${other}; nothing written`, "mismatch");
  const date = incoming.date ?? dump.date;
  if (!date) return refuse(`${name}: error: no date known for this dump: ${dateAdvice(dump.format)}`);
  return ok({ ...dump, date });
}

/** How an answer differs from what a fetch asked for: another kind of dump, or another day. */
function notAsked(dump: ParsedDump, asked: Asked): string | undefined {
  if (seriesOf(dump).series !== asked.series)
    return `asked for ${asked.what}, but the answer is ${sourceName(dump)}`;
  if (!asked.date || dump.date === asked.date) return undefined;
  if (dump.format === "arxiv-listing")
    return (
      `this listing is for ${dump.date ?? "no known date"}, not ${asked.date}; ` +
      "arXiv serves only its latest listing, so fetch it without --date"
    );
  // an answer without any day of its own is taken for the day asked
  if (!dump.date) return undefined;
  return `asked for the papers of ${asked.date}, but the answer holds the papers of ${dump.date}`;
}

/** How to give a dump without a date of its own one: front matter is for pasted text alone. */
function dateAdvice(format: ParsedDump["format"]): string {
  const ending = format === "text" ? "txt" : format === "hf-daily" ? "json" : "xml";
  const own =
    format === "text"
      ? "give it front matter 'date:'"
      : format === "hf-daily"
        ? "its items carry no submittedOnDailyAt or publishedAt day"
        : "its feed carries no date";
  return `${own}; put the day in its file name (YYYY-MM-DD-….${ending}) or pass --date YYYY-MM-DD`;
}

/** The file name a dump is stored under: its date and its format, which its ending keeps. */
export function targetName(dump: ParsedDump & { date: string }): string {
  switch (dump.format) {
    case "text":
      return `${dump.date}-trending.txt`;
    case "hf-daily":
      return `${dump.date}-hf-daily.json`;
    case "arxiv-api":
      // several queries a day: each its own file, named by its query
      return `${dump.date}-arxiv-api-${queryKey(dump)}.xml`;
    case "feed":
      return `${dump.date}-feed-${
        slugify(dump.title ?? "")
          .slice(0, 40)
          .replace(/-+$/, "") || "papers"
      }.xml`;
    case "arxiv-listing":
      return `${dump.date}-arxiv-${dump.category ?? "listing"}.xml`;
  }
}

interface Stored {
  /** relative to the project */
  file: string;
  text: string;
}

/** Validates a new dump and stores it in content/feeds/ under root, or says why not. */
export async function storeDump(root: string, incoming: NewDump): Promise<StoreOutcome> {
  const valid = validateDump(incoming);
  if (!valid.ok) return valid;
  const { diagnostics } = valid.value;
  const refuse = (problem: "invalid" | "output", message: string): StoreOutcome =>
    fail({ problem, message: `${incoming.name}: error: ${message}`, diagnostics });
  const feedsDir = path.join(root, FEEDS_DIR);
  const stored = await readStored(root, feedsDir);
  if (!stored.ok) return refuse("output", stored.error);
  const key = normalizeText(incoming.text);
  const copy = stored.value.find((s) => normalizeText(s.text) === key);
  if (copy)
    return refuse("invalid", `an exact copy of ${copy.file} is already in ${FEEDS_DIR}; nothing added`);

  const target = path.join(feedsDir, targetName(valid.value));
  const file = displayName(root, target);
  // read as the site will read it once stored: under its new name
  const dump = parseFeed(incoming.text, file);
  const existing = stored.value.map((s) => ({ file: s.file, dump: parseFeed(s.text, s.file) }));
  // a dump of the same source and day is an update of the one stored: it replaces it
  const day = dayKey(dump);
  const replaced = existing.filter((e) => day !== undefined && dayKey(e.dump) === day);
  const taken = `${file} already exists with other content; pass another --date or remove that file first`;
  if (!replaced.some((r) => r.file === file) && (await exists(target))) return refuse("invalid", taken);
  const report = describeChanges(
    existing.filter((e) => !replaced.includes(e)).map((e) => e.dump),
    dump,
  );
  const written = replaced.length
    ? await replaceFile(target, incoming.text)
    : await writeNewFile(target, incoming.text);
  if (!written.ok)
    return written.error.taken
      ? refuse("invalid", taken)
      : refuse("output", `cannot write ${file}: ${written.error.message}`);
  const notes = [];
  for (const r of replaced) {
    notes.push(
      `${file}: replaces ${r.file === file ? "the stored dump" : r.file} of the same source and day ` +
        `(${sourceName(dump)}, ${dump.date}): ${plural(r.dump.entries.length, "paper")} before, ${dump.entries.length} now\n`,
    );
    if (r.file === file) continue;
    const removed = await removeFile(path.resolve(root, r.file));
    if (!removed.ok)
      notes.push(
        `${r.file}: warning: ${removed.error.message}; remove it, or the site reads only one of the two\n`,
      );
  }
  return ok({ file, dump, replaced: replaced.length > 0, report: notes.join("") + report, diagnostics });
}

/** Every dump already in content/feeds/ (any format); a missing folder holds none. */
async function readStored(root: string, feedsDir: string): Promise<Result<Stored[], string>> {
  if (!(await exists(feedsDir))) return ok([]);
  const listed = await listFiles(feedsDir, DUMP_ENDINGS);
  if (!listed.ok) return fail(`cannot read ${FEEDS_DIR}: ${listed.error.message}`);
  const files: Stored[] = [];
  for (const f of listed.value) {
    const name = displayName(root, f);
    const read = await readTextFile(f, { name });
    if (read.ok) files.push({ file: name, text: read.value.text });
  }
  return ok(files);
}

/**
 * What the new dump changes, told the way the site's digest pages tell it: the dumps merged by the
 * merge's own identity (arXiv id, else title), a paper is new when this dump is where it first
 * appears, and what dropped off is what the dump before it in its series had and this one lacks
 * (a trending list only: every day of an arXiv listing is new papers). Long lists are cut at 20.
 */
export function describeChanges(existing: ParsedDump[], added: ParsedDump): string {
  const merged = mergeDumps([...existing, added]);
  const title = new Map(merged.papers.map((p) => [p.id, p.title]));
  const firstSeen = new Map(merged.papers.map((p) => [p.id, p.digests[0]?.file]));
  const digest = merged.digests.find((d) => d.file === added.file);
  const ids = [...new Set(digest?.paperIds ?? [])];
  const previous = merged.digests.find((d) => d.file === digest?.previous);
  const dropped = digest?.dropped ?? [];
  const fresh = ids.filter((id) => firstSeen.get(id) === added.file);
  const again = ids.length - fresh.length;
  const list = (xs: string[]) =>
    xs
      .slice(0, LISTED)
      .map((id) => `  ${title.get(id)}\n`)
      .join("") + (xs.length > LISTED ? `  … and ${xs.length - LISTED} more\n` : "");
  const since = previous ? `${previous.label}${previous.date ? ` (${previous.date})` : ""}` : "";
  const trending = digest?.trending;
  return [
    `${plural(fresh.length, "new paper")}\n${list(fresh)}`,
    `${plural(again, "paper")} seen before in earlier dumps\n`,
    previous
      ? `${plural(dropped.length, "paper")} dropped off since ${since}\n${list(dropped)}`
      : trending
        ? "no earlier dump of this kind to compare with\n"
        : "",
  ].join("");
}

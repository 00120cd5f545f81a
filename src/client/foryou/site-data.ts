// Owns fetching For you's data from the site: the manifest, each day's data and the papers file,
// each fetched once a page and checked as it is read. Only the site's own files: no request leaves it.
import { decodeDayData, type DayData } from "../../foryou/data.ts";
import { decodeManifest, decodePapers, type ForYouManifest, type PaperRef } from "../../foryou/refs.ts";
import type { Result } from "../../common/result.ts";
import { siteFileUrl } from "../urls.ts";

/** The manifest's path, relative to this script (set when the script is bundled). */
declare const FORYOU_PATH: string;

async function fetched<T>(url: string, decode: (text: string) => Result<T, string>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} for ${new URL(url).pathname}`);
  const read = decode(await response.text());
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

let manifest: Promise<ForYouManifest> | undefined;
let papers: Promise<PaperRef[]> | undefined;
const days = new Map<string, Promise<DayData | undefined>>();

function siteManifest(): Promise<ForYouManifest> {
  return (manifest ??= fetched(new URL(FORYOU_PATH, import.meta.url).href, decodeManifest));
}

/** The site's papers as matching reads them. */
export function sitePapers(): Promise<PaperRef[]> {
  return (papers ??= siteManifest().then((m) => fetched(siteFileUrl(m.papers), decodePapers)));
}

/** A day's data; undefined when the site has no digest of that date. */
export function dayData(date: string): Promise<DayData | undefined> {
  let day = days.get(date);
  if (!day) {
    day = siteManifest().then((m) =>
      m.days[date] ? fetched(siteFileUrl(m.days[date]), decodeDayData) : undefined,
    );
    days.set(date, day);
  }
  return day;
}

/**
 * The day data holding each of these site papers: the day given when it holds it, else the one
 * the papers file names (fetched only when some paper needs it). A paper no day holds is left out.
 */
export async function holders(
  wanted: { slug: string; day?: string | undefined }[],
): Promise<Map<string, DayData>> {
  const out = new Map<string, DayData>();
  const holds = (d: DayData | undefined, slug: string) => !!d?.papers.some((p) => p.slug === slug);
  const missing: string[] = [];
  await Promise.all(
    wanted.map(async (w) => {
      const d = w.day ? await dayData(w.day) : undefined;
      if (holds(d, w.slug)) out.set(w.slug, d!);
      else missing.push(w.slug);
    }),
  );
  if (!missing.length) return out;
  const where = new Map((await sitePapers()).map((p) => [p.slug, p.day]));
  await Promise.all(
    missing.map(async (slug) => {
      const d = where.has(slug) ? await dayData(where.get(slug)!) : undefined;
      if (holds(d, slug)) out.set(slug, d!);
    }),
  );
  return out;
}

/** Another page of a listing (a site path, as `paths.page` makes it), read for its cards. */
export async function listingPage(path: string): Promise<Document> {
  const url = siteFileUrl(path);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} for ${new URL(url).pathname}`);
  return new DOMParser().parseFromString(await response.text(), "text/html");
}

// Owns ranking a listing for the reader: the listing's papers (one day's digest, or a topic page's
// papers of many days) ordered by the one scoring module of src/foryou/score.ts, with the library
// of this browser (saved papers and imports) and the papers marked "not for me".
import { mergeDays, type DayData } from "../../foryou/data.ts";
import { interestsOf, rank, type Ranked } from "../../foryou/score.ts";
import { dayData, holders } from "./site-data.ts";
import { libraryPapers, marks } from "./stored-library.ts";

export interface ListingPaper {
  slug: string;
  /** the day the card says it arrived, where its For-you data is */
  day?: string | undefined;
}

/**
 * The listing's papers, best first. A digest is ranked as its whole day is (as `recommend` ranks
 * it), then cut to the digest's papers; a listing of many days as one day made of its papers.
 * Papers that no day's data holds are not in the answer.
 */
export async function rankListing(listing: ListingPaper[], date?: string): Promise<Ranked[]> {
  const library = libraryPapers();
  const dismissed = marks("dismissed");
  const onSite = [...library.flatMap((e) => (e.slug ? [{ slug: e.slug, day: e.day }] : [])), ...dismissed];
  const [day, held] = await Promise.all([listingDay(listing, date), holders(onSite)]);
  if (!day) return [];
  const holder = (slug: string) => held.get(slug);
  const ranked = rank(day, interestsOf(library, day, holder), interestsOf(dismissed, day, holder));
  const shown = new Set(listing.map((p) => p.slug));
  return ranked.filter((r) => shown.has(r.slug));
}

async function listingDay(listing: ListingPaper[], date: string | undefined): Promise<DayData | undefined> {
  if (date) return dayData(date);
  const held = await holders(listing);
  return mergeDays(
    [...new Set(held.values())],
    listing.map((p) => p.slug),
  );
}

// The script every page loads: the header search box everywhere, the full search on /search/ (both
// over one search worker that starts on first use), copy buttons, Save toggles, the reader's
// watched words and "new since your last visit" on listings, the listing keys, and on listings
// the Trending | For you order with each card's triage.
import { SearchConnection } from "./search/connection.ts";
import { headerBox } from "./search/header-box.ts";
import { searchPage } from "./search/search-page.ts";
import { copyButtons } from "./copy.ts";
import { saveButtons } from "./save-buttons.ts";
import { newSinceLastVisit } from "./visits.ts";
import { watchMarks } from "./watch.ts";
import { listingKeys } from "./keys.ts";

const conn = new SearchConnection();
headerBox(conn);
searchPage(conn);
copyButtons();
saveButtons();
newSinceLastVisit();
watchMarks(conn);
listingKeys();
// For you (its ranking, the topic rules and the record checks: 15 KB gzip) only where there is a listing
declare const LISTING_PATH: string;
if (document.querySelector("ol.cards[data-listing][data-foryou-first]"))
  void import(new URL(LISTING_PATH, import.meta.url).href);

// The For-you script of listings, loaded by the page script where there is a listing: the
// Trending | For you order and each card's triage.
import { forYouOrder } from "./order.ts";

forYouOrder();

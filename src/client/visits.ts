// Owns "new since your last visit" on the home page: papers that arrived in digests newer than the
// newest digest the reader saw last time are marked, and the page says how many. The first visit
// marks nothing. Only the newest digest's date is kept, in the browser.
import { el } from "./dom.ts";
import { store } from "./storage.ts";

const visits = store<{ latest: string }>(
  "visits",
  1,
  (v) =>
    typeof v === "object" && v !== null && "latest" in v && typeof v.latest === "string"
      ? { latest: v.latest }
      : undefined,
  () => ({ latest: "" }),
);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How many papers arrived after `before`, from the page's per-day counts ({"2025-03-14": 12, …}). */
function arrivedAfter(json: string | undefined, before: string): number {
  let counts: unknown;
  try {
    counts = JSON.parse(json ?? "{}");
  } catch {
    return 0;
  }
  if (typeof counts !== "object" || counts === null) return 0;
  return Object.entries(counts).reduce(
    (n, [day, c]) => n + (day > before && typeof c === "number" ? c : 0),
    0,
  );
}

/**
 * What the home page does on a visit, from the newest digest date kept last time (`before`) and the
 * page's (`latest`): the papers arrived after `since` are marked and `count` of them announced (none
 * on a first visit or when nothing is newer), and `keep` is the date to remember, if it changes.
 */
export function visitNews(
  before: string,
  latest: string,
  arrivalsJson: string | undefined,
): { since?: string; count: number; keep?: string } {
  if (!DATE.test(latest)) return { count: 0 };
  const known = DATE.test(before);
  const news =
    known && before < latest ? { since: before, count: arrivedAfter(arrivalsJson, before) } : { count: 0 };
  return !known || before < latest ? { ...news, keep: latest } : news;
}

export function newSinceLastVisit(): void {
  const hero = document.querySelector<HTMLElement>("[data-latest-digest]");
  if (!hero) return;
  const { since, count, keep } = visitNews(
    visits.read().latest,
    hero.dataset.latestDigest ?? "",
    hero.dataset.arrivals,
  );
  if (since !== undefined) {
    for (const card of document.querySelectorAll<HTMLElement>(".card[data-arrived]")) {
      if ((card.dataset.arrived ?? "") <= since) continue;
      card.classList.add("since-visit");
      card
        .querySelector(".meta")
        ?.prepend(el("span", { class: "badge badge-visit" }, "New since your last visit"));
    }
    const text = `${count} new paper${count === 1 ? "" : "s"} since your last visit.`;
    hero.append(el("p", { class: "visit-note", role: "status" }, text));
  }
  if (keep !== undefined) visits.write({ latest: keep });
}

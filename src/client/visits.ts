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

export function newSinceLastVisit(): void {
  const hero = document.querySelector<HTMLElement>("[data-latest-digest]");
  const latest = hero?.dataset.latestDigest ?? "";
  if (!hero || !DATE.test(latest)) return;
  const before = visits.read().latest;
  if (DATE.test(before) && before < latest) {
    for (const card of document.querySelectorAll<HTMLElement>(".card[data-arrived]")) {
      if ((card.dataset.arrived ?? "") <= before) continue;
      card.classList.add("since-visit");
      card
        .querySelector(".meta")
        ?.prepend(el("span", { class: "badge badge-visit" }, "New since your last visit"));
    }
    const count = arrivedAfter(hero.dataset.arrivals, before);
    const text = `${count} new paper${count === 1 ? "" : "s"} since your last visit.`;
    hero.append(el("p", { class: "visit-note", role: "status" }, text));
  }
  if (!DATE.test(before) || before < latest) visits.write({ latest });
}

// Owns the order of a listing (the home page, a digest, a topic page): a Trending | For you switch
// above the cards. For you ranks the listing's papers (all its pages, up to MAX_PAGES) by the
// reader's library and says on each card why; `?order=for-you` opens it and the choice is kept.
// With an empty library the switch says how to start.
import { el } from "../dom.ts";
import { savedUrl } from "../urls.ts";
import { paths } from "../../common/paths.ts";
import { becauseText, type Ranked } from "../../foryou/score.ts";
import { shownTerms } from "../../foryou/terms.ts";
import { store } from "../storage.ts";
import { saveButtons } from "../save-buttons.ts";
import { savedKey } from "../saved.ts";
import { rankListing } from "./ranking.ts";
import { listingPage } from "./site-data.ts";
import { libraryIsEmpty, libraryKey, libraryPapers } from "./stored-library.ts";
import { triageButtons } from "./triage.ts";

type Order = "trending" | "for-you";
const ORDERS: { order: Order; label: string }[] = [
  { order: "trending", label: "Trending" },
  { order: "for-you", label: "For you" },
];
/** Listings longer than this many pages (a topic of thousands) are ranked one page at a time. */
const MAX_PAGES = 10;

const chosen = store<Order>(
  "order",
  1,
  (v) => (v === "trending" || v === "for-you" ? v : undefined),
  () => "trending",
);

const cardsOf = (root: ParentNode) => [
  ...root.querySelectorAll<HTMLElement>("ol.cards[data-listing] > li.card[data-paper]"),
];

/** The cards of the listing's other pages, fetched from the site and given their buttons. */
async function otherPages(list: HTMLOListElement): Promise<HTMLElement[]> {
  const of = Number(list.dataset.foryouOf);
  const here = Number(list.dataset.foryouPage);
  if (!(of > 1) || of > MAX_PAGES) return [];
  const pages = Array.from({ length: of }, (_, i) => i + 1).filter((n) => n !== here);
  const docs = await Promise.all(pages.map((n) => listingPage(paths.page(list.dataset.foryouFirst!, n))));
  const holder = el("ol");
  holder.append(...docs.flatMap((d) => cardsOf(d).map((c) => document.adoptNode(c))));
  saveButtons(holder);
  return [...holder.children] as HTMLElement[];
}

/** "For you: like: …; words: …; topics: …", the words as the card writes them. */
function because(card: HTMLElement, r: Ranked): HTMLElement {
  const text = `${card.querySelector(".card-title")?.textContent ?? ""} ${card.querySelector(".excerpt")?.textContent ?? ""}`;
  const said = becauseText({ ...r.because, words: shownTerms(r.because.words, text) });
  return el(
    "p",
    { class: "because" },
    el("span", { class: "because-label" }, "For you:"),
    ` ${said || "nothing in common with your library"}`,
  );
}

export function forYouOrder(): void {
  const list = document.querySelector<HTMLOListElement>("ol.cards[data-listing][data-foryou-first]");
  if (!list) return;
  const day = list.dataset.foryouDay;
  const trending = cardsOf(document);
  const start = list.getAttribute("start");
  const pager = list.parentElement?.querySelector<HTMLElement>(":scope > nav.pager") ?? null;
  let all: Promise<HTMLElement[]> | undefined;
  let order: Order = "trending";
  let run = 0;

  const buttons = ORDERS.map(({ order: o, label }) => {
    const b = el("button", { type: "button", "aria-pressed": "false", "data-order": o }, label);
    b.addEventListener("click", () => void choose(o, true));
    return b;
  });
  const status = el("p", { class: "order-status", role: "status" });
  list.before(
    el(
      "div",
      { class: "order-bar" },
      el("div", { class: "order-switch", role: "group", "aria-label": "Order of the papers" }, ...buttons),
      status,
    ),
  );

  const rerank = () => order === "for-you" && void show();
  triageButtons(trending, day, (kind) => kind === "dismissed" && rerank());

  function press(o: Order) {
    order = o;
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.order === o));
  }

  function showTrending() {
    list!.replaceChildren(...trending);
    for (const p of list!.querySelectorAll(".because")) p.remove();
    if (start) list!.setAttribute("start", start);
    if (pager) pager.hidden = false;
    status.replaceChildren();
  }

  async function show() {
    const mine = ++run;
    if (libraryIsEmpty()) {
      showTrending();
      status.replaceChildren(
        "For you ranks these papers by your library, which is empty: save papers with their Save button, or ",
        el("a", { href: savedUrl("#library") }, "import your library"),
        " (BibTeX, CSL JSON).",
      );
      return;
    }
    status.replaceChildren("Ranking for you…");
    try {
      all ??= otherPages(list!).then((more) => {
        triageButtons(more, day, (kind) => kind === "dismissed" && rerank());
        return [...trending, ...more];
      });
      const cards = await all;
      const ranked = await rankListing(
        cards.map((c) => ({ slug: c.dataset.paper!, day: c.dataset.arrived })),
        day,
      );
      if (mine !== run || order !== "for-you") return;
      const bySlug = new Map(cards.map((c) => [c.dataset.paper!, c]));
      const placed = new Set(ranked.map((r) => r.slug));
      for (const p of list!.querySelectorAll(".because")) p.remove();
      for (const r of ranked)
        bySlug
          .get(r.slug)!
          .querySelector(".card-title")!
          .after(because(bySlug.get(r.slug)!, r));
      list!.replaceChildren(
        ...ranked.map((r) => bySlug.get(r.slug)!),
        ...cards.filter((c) => !placed.has(c.dataset.paper!)),
      );
      list!.removeAttribute("start");
      if (pager && cards.length > trending.length) pager.hidden = true;
      const n = libraryPapers().length;
      status.replaceChildren(
        `${cards.length} papers ranked for you by ${n} paper${n === 1 ? "" : "s"} in your library (`,
        el("a", { href: savedUrl("#library") }, "change"),
        "). Papers marked “Not for me” go last.",
      );
    } catch (err) {
      if (mine !== run) return;
      showTrending();
      press("trending");
      status.replaceChildren(
        `For you could not rank these papers: ${(err as Error).message}. Shown in trending order.`,
      );
    }
  }

  async function choose(o: Order, remember: boolean) {
    press(o);
    if (remember) {
      chosen.write(o);
      const url = new URL(location.href);
      if (o === "for-you") url.searchParams.set("order", "for-you");
      else url.searchParams.delete("order");
      history.replaceState(history.state, "", url);
    }
    if (o === "trending") {
      run++;
      showTrending();
    } else await show();
  }

  const asked = new URL(location.href).searchParams.get("order");
  void choose(asked === "for-you" || asked === "trending" ? asked : chosen.read(), false);
  window.addEventListener("storage", (e) => (e.key === libraryKey || e.key === savedKey) && rerank());
}

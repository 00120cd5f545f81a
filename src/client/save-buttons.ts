// Owns the Save toggles: one on every paper card and paper page, added by script (without
// JavaScript there is none), kept in step with the saved list across tabs.
import { el } from "./dom.ts";
import { fromCard, type PaperRecord } from "../library/saved-paper.ts";
import { savedKey, savedPapers, toggleSaved } from "./saved.ts";

const label = (saved: boolean) => (saved ? "Saved" : "Save");

/** Every button in step with the saved list, read once (not once a card). */
function sync(buttons: [HTMLButtonElement, string][]) {
  const saved = new Set(savedPapers().map((p) => p.slug));
  for (const [button, slug] of buttons) {
    button.setAttribute("aria-pressed", String(saved.has(slug)));
    button.textContent = label(saved.has(slug));
  }
}

/** The element a paper's Save button goes in: a card's meta line, or a paper page's actions. */
function place(paper: HTMLElement): HTMLElement | null {
  if (paper.tagName === "ARTICLE") return paper.querySelector(".actions") ?? paper.querySelector("h1");
  return paper.querySelector(":scope > .meta");
}

const texts = (paper: HTMLElement, selector: string) =>
  [...paper.querySelectorAll(selector)].map((e) => e.textContent ?? "");

/**
 * The paper's record, read from what its card or page shows (title, authors, topic chips) and the
 * few `data-*` attributes it carries beyond that (`CardData`).
 */
function recordOn(paper: HTMLElement): PaperRecord | undefined {
  const page = paper.tagName === "ARTICLE";
  const title = paper.querySelector(page ? ":scope > h1" : ":scope > .card-title > a")?.textContent;
  if (!title) return undefined;
  const shown = {
    slug: paper.dataset.paper ?? "",
    title,
    topics: texts(paper, ":scope > .meta > a.chip"),
    ...(page
      ? { authors: texts(paper, ":scope > .authors a") }
      : {
          byline: paper.querySelector(":scope > .byline")?.textContent ?? "",
          arrived: paper.dataset.arrived,
        }),
  };
  return fromCard(shown, paper.dataset);
}

/** The papers the server wrote: listing cards and the paper page (the /saved/ page draws its own). */
const PAPERS = "li.card[data-paper][data-doc], article.paper[data-paper]";

/** Adds the buttons to the papers in `root` (the page, or cards fetched from another page). */
export function saveButtons(root: ParentNode = document): void {
  const buttons: [HTMLButtonElement, string][] = [];
  for (const paper of root.querySelectorAll<HTMLElement>(PAPERS)) {
    const cite = recordOn(paper);
    const where = place(paper);
    if (!cite || !where) continue;
    const button = el("button", { type: "button", class: "save", "data-save": cite.slug });
    button.addEventListener("click", () => {
      toggleSaved(cite);
      sync(buttons.filter(([, slug]) => slug === cite.slug));
    });
    if (where.tagName === "H1") where.after(el("p", { class: "actions" }, button));
    else where.append(button);
    buttons.push([button, cite.slug]);
  }
  sync(buttons);
  window.addEventListener("storage", (e) => e.key === savedKey && sync(buttons));
}

/** Saves or unsaves the paper an element belongs to (the `s` key). */
export function toggleFor(paper: HTMLElement): void {
  paper.querySelector<HTMLButtonElement>("button.save")?.click();
}

// Owns the Save toggles: one on every paper card and paper page, added by script (without
// JavaScript there is none), kept in step with the saved list across tabs.
import { el } from "../search/client/render.ts";
import { fromCite, isSaved, savedKey, toggleSaved } from "./saved.ts";

const label = (saved: boolean) => (saved ? "Saved" : "Save");

function sync(button: HTMLButtonElement, slug: string) {
  const saved = isSaved(slug);
  button.setAttribute("aria-pressed", String(saved));
  button.textContent = label(saved);
}

/** The element a paper's Save button goes in: a card's meta line, or a paper page's actions. */
function place(paper: HTMLElement): HTMLElement | null {
  if (paper.tagName === "ARTICLE") return paper.querySelector(".actions") ?? paper.querySelector("h1");
  return paper.querySelector(":scope > .meta");
}

export function saveButtons(): void {
  const buttons: [HTMLButtonElement, string][] = [];
  for (const paper of document.querySelectorAll<HTMLElement>("[data-cite]")) {
    const cite = fromCite(paper.dataset.cite);
    const where = place(paper);
    if (!cite || !where) continue;
    const button = el("button", { type: "button", class: "save", "data-save": cite.slug });
    button.addEventListener("click", () => {
      toggleSaved(cite);
      for (const [b, slug] of buttons) if (slug === cite.slug) sync(b, slug);
    });
    sync(button, cite.slug);
    if (where.tagName === "H1") where.after(el("p", { class: "actions" }, button));
    else where.append(button);
    buttons.push([button, cite.slug]);
  }
  window.addEventListener("storage", (e) => {
    if (e.key === savedKey) for (const [b, slug] of buttons) sync(b, slug);
  });
}

/** Saves or unsaves the paper an element belongs to (the `s` key). */
export function toggleFor(paper: HTMLElement): void {
  paper.querySelector<HTMLButtonElement>("button.save")?.click();
}

// Owns the keys of listings: j and k move between papers, o (or Enter on the focused title)
// opens one, s saves it, ? shows the keys. Never while typing in a field, never with a modifier.
import { el, typing } from "./dom.ts";
import { toggleFor } from "./save-buttons.ts";

const KEYS: [string, string][] = [
  ["j", "next paper"],
  ["k", "previous paper"],
  ["o or Enter", "open the paper"],
  ["s", "save or unsave the paper"],
  ["/", "search"],
  ["?", "show or hide these keys"],
];

function helpDialog(): HTMLDialogElement {
  const list = el("dl", { class: "keys" });
  for (const [key, what] of KEYS) list.append(el("dt", {}, el("kbd", {}, key)), el("dd", {}, what));
  const close = el("button", { type: "button", class: "more" }, "Close");
  const dialog = el("dialog", { class: "keys-help", "aria-labelledby": "keys-title" });
  dialog.append(el("h2", { id: "keys-title" }, "Keyboard"), list, close);
  close.addEventListener("click", () => dialog.close());
  document.body.append(dialog);
  return dialog;
}

/**
 * The card j (step 1) or k (step -1) moves to among `count` shown cards, from the card at `at`
 * (-1 for none, or one now hidden): none yet, j takes the first and k the last; at either end the
 * card stays.
 */
export function nextCard(at: number, step: number, count: number): number {
  return Math.max(0, Math.min(count - 1, at < 0 ? (step > 0 ? 0 : count - 1) : at + step));
}

export function listingKeys(): void {
  const cards = () =>
    [...document.querySelectorAll<HTMLElement>("ol.cards > li.card")].filter((c) => !c.hidden);
  let help: HTMLDialogElement | undefined;
  let current: HTMLElement | undefined;
  const move = (step: number) => {
    const all = cards();
    if (!all.length) return;
    const next = all[nextCard(current ? all.indexOf(current) : -1, step, all.length)]!;
    current?.classList.remove("kbd-current");
    current = next;
    next.classList.add("kbd-current");
    next.querySelector<HTMLAnchorElement>(".card-title a")?.focus();
  };
  document.addEventListener("focusin", (e) => {
    const card = e.target instanceof Element ? e.target.closest<HTMLElement>("ol.cards > li.card") : null;
    if (card && card !== current) {
      current?.classList.remove("kbd-current");
      current = card;
    }
  });
  document.addEventListener("keydown", (e) => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (e.key === "?") {
      help ??= helpDialog();
      if (help.open) help.close();
      else help.showModal();
    } else if (!cards().length || help?.open) return;
    else if (e.key === "j" || e.key === "k") move(e.key === "j" ? 1 : -1);
    else if (e.key === "o" && current) current.querySelector<HTMLAnchorElement>(".card-title a")?.click();
    else if (e.key === "s" && current) toggleFor(current);
    else return;
    e.preventDefault();
  });
}

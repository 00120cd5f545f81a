// Owns triage on listings: "Not for me" and "Read" toggles on every card. A paper marked not for
// me sinks in For-you order and counts against papers like it; a read one is dimmed; pressing
// again undoes either. Kept with the library (client/foryou/stored-library.ts), so both survive a
// reload and go with the library's export.
import { el } from "../dom.ts";
import type { Mark } from "../../foryou/library.ts";
import { libraryKey, marks, setMark, type MarkKind } from "./stored-library.ts";

const KINDS: { kind: MarkKind; label: string; cardClass: string }[] = [
  { kind: "dismissed", label: "Not for me", cardClass: "is-dismissed" },
  { kind: "read", label: "Read", cardClass: "is-read" },
];

/** The mark a card makes: its slug, its title as shown, and the day its data is in. */
export function markOf(card: HTMLElement, day?: string): Mark {
  const title = card.querySelector(".card-title a")?.textContent?.trim() ?? card.dataset.paper!;
  const when = day || card.dataset.arrived;
  return { slug: card.dataset.paper!, title, ...(when && { day: when }) };
}

/** The cards' toggles and classes, in step with the stored marks. */
function sync(cards: HTMLElement[]) {
  for (const { kind, cardClass } of KINDS) {
    const on = new Set(marks(kind).map((m) => m.slug));
    for (const card of cards) {
      const yes = on.has(card.dataset.paper!);
      card.classList.toggle(cardClass, yes);
      card.querySelector(`button[data-triage="${kind}"]`)?.setAttribute("aria-pressed", String(yes));
    }
  }
}

/**
 * Adds the toggles to these listing cards. `changed` is told after a reader's change, with the
 * kind, so For-you order can rank again.
 */
export function triageButtons(
  cards: HTMLElement[],
  day: string | undefined,
  changed: (kind: MarkKind, card: HTMLElement, on: boolean) => void = () => {},
): void {
  for (const card of cards) {
    const meta = card.querySelector(":scope > .meta");
    if (!meta || card.querySelector("button[data-triage]")) continue;
    for (const { kind, label } of KINDS) {
      const button = el(
        "button",
        { type: "button", class: "triage", "data-triage": kind, "aria-pressed": "false" },
        label,
      );
      button.addEventListener("click", () => {
        const on = setMark(kind, markOf(card, day), button.getAttribute("aria-pressed") !== "true");
        sync([card]);
        changed(kind, card, on);
      });
      meta.append(button);
    }
  }
  sync(cards);
  window.addEventListener("storage", (e) => e.key === libraryKey && sync(cards));
}

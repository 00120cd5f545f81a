// Owns the reader's watched words: a few words or phrases kept in the browser, and on listings the
// papers whose title or abstract holds one marked, with a filter to them ("3 of 50 match your
// words"). The match is the search index's own (stems, compound parts, numbers), computed in the
// browser by the search worker: nothing leaves it.
import { el } from "./dom.ts";
import { savedUrl } from "./urls.ts";
import type { SearchConnection } from "./search/connection.ts";
import { store } from "./storage.ts";
import { containsSorted } from "../search/sorted.ts";

/** At most this many, each at most 100 characters. */
const MAX_WORDS = 20;

const watch = store<string[]>(
  "watch",
  1,
  (v) =>
    Array.isArray(v)
      ? v.filter((w): w is string => typeof w === "string" && w.trim() !== "").slice(0, MAX_WORDS)
      : undefined,
  () => [],
);

export function watchedWords(): string[] {
  return watch.read();
}

export function setWatchedWords(words: string[]): void {
  const clean = [...new Set(words.map((w) => w.replace(/\s+/g, " ").trim().slice(0, 100)).filter(Boolean))];
  watch.write(clean.slice(0, MAX_WORDS));
}

/** Marks the listing's papers that hold a watched word, and adds the count and the filter above them. */
export function watchMarks(conn: SearchConnection): void {
  const words = watchedWords();
  const list = document.querySelector<HTMLElement>("ol.cards[data-listing]");
  if (!words.length || !list) return;
  const cards = [...list.querySelectorAll<HTMLElement>(":scope > li.card[data-doc]")];
  const bar = el("p", { class: "watch-bar", role: "status" }, "Checking your watched words…");
  list.before(bar);
  conn
    .matches(words)
    .then((matches) => {
      const marked = cards.filter((card) => {
        const doc = Number(card.dataset.doc);
        const hits = words.filter((_, i) => containsSorted(matches[i] ?? [], doc));
        if (!hits.length) return false;
        card.classList.add("watched");
        card
          .querySelector(".meta")
          ?.prepend(el("span", { class: "badge badge-watch" }, `Watched: ${hits.join(", ")}`));
        return true;
      });
      showBar(bar, cards, marked, words);
    })
    .catch((err: Error) => bar.replaceChildren(`Your watched words could not be checked: ${err.message}.`));
}

function showBar(bar: HTMLElement, cards: HTMLElement[], marked: HTMLElement[], words: string[]) {
  const only = el("button", { type: "button", class: "chip", "aria-pressed": "false" }, "Show only these");
  only.addEventListener("click", () => {
    const on = only.getAttribute("aria-pressed") !== "true";
    only.setAttribute("aria-pressed", String(on));
    for (const card of cards) card.hidden = on && !marked.includes(card);
  });
  const settings = el("a", { href: savedUrl("#watch") }, "change");
  // one flex item, so the gap between the bar's items does not open inside the sentence
  const sentence = el(
    "span",
    {},
    `${marked.length} of ${cards.length} match your words (${words.join(", ")}) · `,
  );
  sentence.append(settings);
  bar.replaceChildren(sentence);
  if (marked.length) bar.append(" ", only);
}

// Owns drawing search results with DOM nodes only: feed text never passes through innerHTML.
import type { Hit, Range } from "../../search/query.ts";
import { el } from "../dom.ts";
import { paperUrl, topicUrl } from "../urls.ts";

/**
 * Draws `hits` into `list`. For the same `key` the list only grows: the rest of an answer arriving
 * after its first results, or "Show more", adds the new ones below, and the first results of a
 * longer answer ("Show more" asked for twenty, three arrive first) leave the list as it is. So a
 * reader who has moved among the results keeps their place. Returns whether the list was kept.
 */
export function drawHits(
  list: HTMLElement,
  key: string,
  hits: Hit[],
  draw: (hit: Hit, index: number) => Element,
  partial = false,
): boolean {
  const shown = list.dataset.shown === key ? list.children.length : 0;
  const kept = shown > 0 && (partial || shown <= hits.length);
  if (!kept) list.replaceChildren(...hits.map(draw));
  else if (shown < hits.length) list.append(...hits.slice(shown).map((h, i) => draw(h, shown + i)));
  list.dataset.shown = key;
  return kept;
}

/** Text with <mark> around the given ranges, as text nodes and elements. */
export function marked(text: string, ranges: Range[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const [start, length] of ranges) {
    if (start < last) continue;
    frag.append(text.slice(last, start), el("mark", {}, text.slice(start, start + length)));
    last = start + length;
  }
  frag.append(text.slice(last));
  return frag;
}

export function resultCard(hit: Hit, index: number): HTMLLIElement {
  const chips = hit.topics.map((t) => el("a", { class: "chip", href: topicUrl(t.slug) }, t.name));
  return el(
    "li",
    { class: "card" },
    el(
      "h3",
      { class: "card-title" },
      el("a", { href: paperUrl(hit.slug), "data-result": String(index) }, marked(hit.title, hit.titleMarks)),
    ),
    ...(hit.byline ? [el("p", { class: "byline" }, hit.byline)] : []),
    el("p", { class: "excerpt" }, marked(hit.snippet, hit.snippetMarks)),
    el("p", { class: "meta" }, el("span", { class: "badge" }, hit.label), ...chips),
  );
}

export function option(hit: Hit, index: number, id: string): HTMLLIElement {
  return el(
    "li",
    {
      id,
      role: "option",
      "aria-selected": "false",
      "data-href": paperUrl(hit.slug),
      "data-index": String(index),
    },
    el("span", { class: "hit-title" }, marked(hit.title, hit.titleMarks)),
    el("span", { class: "hit-excerpt" }, marked(hit.snippet, hit.snippetMarks)),
  );
}

/** "Search is unavailable: why." and a Retry button, for wherever results would be. */
export function unavailable(reason: string, retry: () => void): DocumentFragment {
  const frag = document.createDocumentFragment();
  const button = el("button", { type: "button", class: "retry" }, "Retry");
  button.addEventListener("click", retry);
  frag.append(el("span", { class: "unavailable" }, `Search is unavailable: ${reason}.`), " ", button);
  return frag;
}

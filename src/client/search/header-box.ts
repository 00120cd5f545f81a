// Owns the header's search box: live results as a listbox under it (ARIA combobox), arrow keys
// and Enter, Escape to clear, `/` to focus, and the index's failures said where results would be.
import type { Answer, Hit } from "../../search/query.ts";
import type { SearchConnection } from "./connection.ts";
import { debounce } from "./debounce.ts";
import { el, typing } from "../dom.ts";
import { searchUrl } from "../urls.ts";
import { drawHits, option, unavailable } from "./results.ts";

interface Parts {
  input: HTMLInputElement;
  popup: HTMLElement;
  list: HTMLOListElement;
  foot: HTMLElement;
}

export function headerBox(conn: SearchConnection): void {
  const input = document.querySelector<HTMLInputElement>("[data-search-input]");
  const popup = document.querySelector<HTMLElement>("[data-search-popup]");
  if (!input || !popup) return;
  const parts: Parts = {
    input,
    popup,
    list: el("ol", { role: "listbox", id: "search-options", "aria-label": "Search results" }),
    foot: el("p", { class: "popup-foot", role: "status" }),
  };
  popup.append(parts.list, parts.foot);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", "search-options");
  input.setAttribute("aria-expanded", "false");
  const listbox = new Listbox(parts);
  let latest = 0;

  const run = (q: string) => {
    const id = ++latest;
    if (!q.trim()) return listbox.close();
    conn
      .ask(q, { limit: 8 }, (first) => id === latest && listbox.show(first))
      .then((answer) => id === latest && listbox.show(answer))
      .catch(
        (err: Error) => id === latest && listbox.fail(err.message, () => retry(conn, () => run(input.value))),
      );
  };
  const later = debounce(run, 60);
  input.addEventListener("input", () => later(input.value));
  input.addEventListener("focus", () => conn.start(), { once: true });
  input.addEventListener("keydown", (e) => listbox.key(e));
  document.addEventListener("click", (e) => {
    if (e.target instanceof Node && !popup.contains(e.target) && e.target !== input) listbox.close();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    (document.querySelector<HTMLInputElement>("[data-search-page] input") ?? input).focus();
  });
}

/** Runs `again` once the index is back: a failed worker is started afresh first. */
export function retry(conn: SearchConnection, again: () => void): void {
  if (conn.status.state === "unavailable") conn.retry();
  again();
}

/** The popup's list of results: which one is selected, opening it, closing the popup. */
class Listbox {
  private selected = -1;

  constructor(private p: Parts) {
    p.list.addEventListener("click", (e) => {
      const target = e.target instanceof Element ? e.target.closest<HTMLElement>("[role=option]") : null;
      if (target?.dataset.href) location.href = target.dataset.href;
    });
  }

  private options() {
    return [...this.p.list.querySelectorAll<HTMLElement>("[role=option]")];
  }

  private select(i: number) {
    const all = this.options();
    this.selected = all.length ? (i + all.length) % all.length : -1;
    all.forEach((o, k) => o.setAttribute("aria-selected", String(k === this.selected)));
    const chosen = all[this.selected];
    if (chosen) {
      this.p.input.setAttribute("aria-activedescendant", chosen.id);
      chosen.scrollIntoView({ block: "nearest" });
    } else this.p.input.removeAttribute("aria-activedescendant");
  }

  private open(keepChoice: boolean) {
    if (!keepChoice) {
      this.selected = -1;
      this.p.input.removeAttribute("aria-activedescendant");
    }
    this.p.popup.hidden = false;
    this.p.input.setAttribute("aria-expanded", "true");
  }

  close() {
    this.p.popup.hidden = true;
    this.p.input.setAttribute("aria-expanded", "false");
    this.p.input.removeAttribute("aria-activedescendant");
  }

  show(answer: Answer) {
    const draw = (h: Hit, i: number) => option(h, i, `search-option-${i}`);
    const kept = drawHits(this.p.list, answer.query, answer.hits, draw, answer.partial);
    const more = el(
      "a",
      { href: searchUrl(answer.query) },
      answer.total ? `All ${answer.total} results` : "No results",
    );
    this.p.foot.replaceChildren(more);
    if (answer.suggestion) {
      this.p.foot.append(
        " · did you mean ",
        el("a", { href: searchUrl(answer.suggestion) }, answer.suggestion),
        "?",
      );
    }
    this.open(kept);
  }

  fail(reason: string, again: () => void) {
    this.p.list.replaceChildren();
    this.p.foot.replaceChildren(unavailable(reason, again));
    this.open(false);
  }

  key(e: KeyboardEvent) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (this.p.popup.hidden) return;
      e.preventDefault();
      this.select(this.selected + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter" && this.selected >= 0) {
      e.preventDefault();
      location.href = this.options()[this.selected]!.dataset.href!;
    } else if (e.key === "Escape") {
      this.p.input.value = "";
      this.close();
    }
  }
}

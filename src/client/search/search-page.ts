// Owns the /search/ page: the query and topic in the URL, facet chips, results as cards, arrow
// keys through them, and the index's failures said in the status line with a retry.
import type { Answer } from "../../search/query.ts";
import type { SearchConnection } from "./connection.ts";
import { debounce } from "./debounce.ts";
import { retry } from "./header-box.ts";
import { el } from "../dom.ts";
import { searchUrl } from "../urls.ts";
import { drawHits, resultCard, unavailable } from "./results.ts";

interface Parts {
  form: HTMLFormElement;
  input: HTMLInputElement;
  results: HTMLOListElement;
  status: HTMLElement;
  facets: HTMLElement;
  /** the "Show more" button's place, after the results */
  more: HTMLElement;
}

function find(): Parts | undefined {
  const form = document.querySelector<HTMLFormElement>("[data-search-page]");
  const results = document.querySelector<HTMLOListElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const facets = document.querySelector<HTMLElement>("[data-search-facets]");
  const input = form?.querySelector("input");
  if (!form || !results || !status || !facets || !input) return undefined;
  const more = el("p", { class: "more-row" });
  results.after(more);
  return { form, input, results, status, facets, more };
}

export function searchPage(conn: SearchConnection): void {
  const p = find();
  if (!p) return;
  // the page is built for readers without JavaScript; with it, the search parts appear
  for (const part of [p.form, p.status, p.facets, p.results]) part.hidden = false;
  const idle = [...p.status.childNodes].map((n) => n.cloneNode(true));
  const params = new URLSearchParams(location.search);
  let topic = params.get("topic") ?? "";
  p.input.value = params.get("q") ?? "";
  let latest = 0;
  let limit = PAGE;

  const run = () => {
    const id = ++latest;
    later.cancel();
    if (!p.input.value.trim()) {
      keepInUrl(p.input.value, topic);
      return showIdle(p, idle);
    }
    const more = () => ((limit += PAGE), run());
    conn
      .ask(p.input.value, { topic, limit }, (first) => id === latest && show(p, first, topic, more, false))
      .then((answer) => {
        if (id !== latest) return;
        show(p, answer, topic, more, limit > PAGE);
        keepInUrl(p.input.value, topic);
      })
      .catch((err: Error) => {
        if (id !== latest) return;
        p.results.replaceChildren();
        p.more.replaceChildren();
        p.status.replaceChildren(unavailable(err.message, () => retry(conn, run)));
      });
  };
  const fresh = () => ((limit = PAGE), run());
  const later = debounce(fresh, 60);
  p.form.addEventListener("submit", (e) => {
    e.preventDefault();
    fresh();
  });
  p.input.addEventListener("input", later);
  p.facets.addEventListener("click", (e) => {
    const chip = e.target instanceof Element ? e.target.closest<HTMLElement>("[data-topic]") : null;
    if (!chip) return;
    topic = topic === chip.dataset.topic ? "" : (chip.dataset.topic ?? "");
    fresh();
  });
  keys(p, () => {
    p.input.value = "";
    fresh();
  });
  conn.start();
  run();
}

/** Results drawn at first, and added by each "Show more": ten, so a query fetches ten documents. */
const PAGE = 10;

function keepInUrl(q: string, topic: string) {
  const u = new URL(location.href);
  u.search = "";
  if (q) u.searchParams.set("q", q);
  if (topic) u.searchParams.set("topic", topic);
  if (u.href !== location.href) history.replaceState(null, "", u);
}

/** No query: the page's own hint, as the template wrote it. */
function showIdle(p: Parts, idle: Node[]) {
  p.results.replaceChildren();
  p.more.replaceChildren();
  p.facets.replaceChildren();
  p.status.replaceChildren(...idle.map((n) => n.cloneNode(true)));
}

/** Draws an answer; after "Show more" (`grown`), focus goes to the first of the new results. */
function show(p: Parts, answer: Answer, topic: string, more: () => void, grown: boolean) {
  const before = p.results.children.length;
  const kept = drawHits(p.results, `${topic} ${answer.query}`, answer.hits, resultCard, answer.partial);
  if (grown) p.results.querySelectorAll<HTMLAnchorElement>("a[data-result]")[before]?.focus();
  // a partial answer has its first hits only: the rest, the facets and "Show more" follow with the
  // whole (a "Show more" being answered stays, and keeps its focus, until then)
  if (!(answer.partial && kept)) p.more.replaceChildren();
  if (answer.partial) {
    p.status.replaceChildren(`${answer.total} result${answer.total === 1 ? "" : "s"} for “${answer.query}”.`);
    return;
  }
  if (answer.hits.length < answer.total) {
    const next = Math.min(PAGE, answer.total - answer.hits.length);
    const button = el("button", { type: "button", class: "more" }, `Show ${next} more`);
    button.addEventListener("click", more);
    p.more.append(button);
  }
  p.facets.replaceChildren(
    ...answer.facets.map((f) =>
      el(
        "button",
        { type: "button", class: "chip", "aria-pressed": String(f.slug === topic), "data-topic": f.slug },
        `${f.name} (${f.count})`,
      ),
    ),
  );
  const results = `${answer.total} result${answer.total === 1 ? "" : "s"}`;
  const shown = answer.hits.length < answer.total ? `, showing the first ${answer.hits.length}` : "";
  p.status.replaceChildren(`${results} for “${answer.query}”${topic ? " in this topic" : ""}${shown}.`);
  if (answer.suggestion) {
    p.status.append(
      " Did you mean ",
      el("a", { href: searchUrl(answer.suggestion) }, answer.suggestion),
      "?",
    );
  }
}

/** Arrow down from the box to the results and through them; up from the first goes back; Escape clears. */
function keys(p: Parts, clear: () => void) {
  const links = () => [...p.results.querySelectorAll<HTMLAnchorElement>("a[data-result]")];
  p.form.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === "Escape") clear();
  });
  p.results.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const all = links();
    const at = all.findIndex((a) => a === document.activeElement);
    e.preventDefault();
    if (e.key === "ArrowUp" && at <= 0) return p.input.focus();
    all[Math.min(all.length - 1, at + (e.key === "ArrowDown" ? 1 : -1))]?.focus();
  });
}

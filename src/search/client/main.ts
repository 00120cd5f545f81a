// Owns the search experience in pages: header box with live results, the /search/ page, keys, URL.
import type { Answer } from "../query.ts";
import type { Reply, Request } from "./protocol.ts";
import { el, option, resultCard, searchUrl } from "./render.ts";

declare const WORKER_PATH: string;

type Listener = (answer: Answer) => void;
let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, Listener>();

/** The worker (and with it the index) is created on first use, not on every page view. */
function ask(q: string, topic: string, limit: number, then: Listener) {
  if (!worker) {
    worker = new Worker(new URL(WORKER_PATH, import.meta.url), { type: "module" });
    worker.addEventListener("message", (e: MessageEvent<Reply>) => {
      const listener = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (listener && e.data.answer) listener(e.data.answer);
    });
  }
  const id = nextId++;
  waiting.set(id, then);
  const req: Request = { id, q, topic, limit };
  worker.postMessage(req);
}

function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number) {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}

function headerBox() {
  const input = document.querySelector<HTMLInputElement>("[data-search-input]");
  const popup = document.querySelector<HTMLElement>("[data-search-popup]");
  if (!input || !popup) return;
  const list = el("ol", { role: "listbox", id: "search-options", "aria-label": "Search results" });
  const foot = el("p", { class: "popup-foot" });
  popup.append(list, foot);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", "search-options");
  input.setAttribute("aria-expanded", "false");
  let selected = -1;
  let latest = 0;

  const options = () => [...list.querySelectorAll<HTMLElement>("[role=option]")];
  const select = (i: number) => {
    const all = options();
    selected = all.length ? (i + all.length) % all.length : -1;
    all.forEach((o, k) => o.setAttribute("aria-selected", String(k === selected)));
    if (selected >= 0) {
      input.setAttribute("aria-activedescendant", all[selected]!.id);
      all[selected]!.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    popup.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const show = (answer: Answer) => {
    list.replaceChildren(...answer.hits.map((h, i) => option(h, i, `search-option-${i}`)));
    const more = el(
      "a",
      { href: searchUrl(answer.query) },
      answer.total ? `All ${answer.total} results` : "No results",
    );
    foot.replaceChildren(more);
    if (answer.suggestion)
      foot.append(
        " · did you mean ",
        el("a", { href: searchUrl(answer.suggestion) }, answer.suggestion),
        "?",
      );
    selected = -1;
    popup.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const run = debounce((q: string) => {
    const id = ++latest;
    if (!q.trim()) return close();
    ask(q, "", 8, (answer) => id === latest && show(answer));
  }, 60);

  input.addEventListener("input", () => run(input.value));
  input.addEventListener("focus", () => ask("", "", 0, () => {}), { once: true });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (popup.hidden) return;
      e.preventDefault();
      select(selected + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter" && selected >= 0) {
      e.preventDefault();
      location.href = options()[selected]!.dataset.href!;
    } else if (e.key === "Escape") {
      input.value = "";
      close();
    }
  });
  list.addEventListener("click", (e) => {
    const target = e.target instanceof Element ? e.target.closest<HTMLElement>("[role=option]") : null;
    if (target?.dataset.href) location.href = target.dataset.href;
  });
  document.addEventListener("click", (e) => {
    if (e.target instanceof Node && !popup.contains(e.target) && e.target !== input) close();
  });
  document.addEventListener("keydown", (e) => {
    const typing =
      e.target instanceof HTMLElement &&
      (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const page = document.querySelector<HTMLInputElement>("[data-search-page] input");
      (page ?? input).focus();
    }
  });
}

function searchPage() {
  const form = document.querySelector<HTMLFormElement>("[data-search-page]");
  const results = document.querySelector<HTMLOListElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const facets = document.querySelector<HTMLElement>("[data-search-facets]");
  const input = form?.querySelector("input");
  if (!form || !results || !status || !facets || !input) return;
  const params = new URLSearchParams(location.search);
  let topic = params.get("topic") ?? "";
  input.value = params.get("q") ?? "";
  let latest = 0;

  const keepInUrl = () => {
    const u = new URL(location.href);
    u.search = "";
    if (input.value) u.searchParams.set("q", input.value);
    if (topic) u.searchParams.set("topic", topic);
    history.replaceState(null, "", u);
  };
  const show = (answer: Answer) => {
    results.replaceChildren(...answer.hits.map((h, i) => resultCard(h, i)));
    facets.replaceChildren(
      ...answer.facets.map((f) =>
        el(
          "button",
          { type: "button", class: "chip", "aria-pressed": String(f.slug === topic), "data-topic": f.slug },
          `${f.name} (${f.count})`,
        ),
      ),
    );
    const shown = answer.hits.length < answer.total ? `, showing the first ${answer.hits.length}` : "";
    status.replaceChildren(
      answer.query
        ? `${answer.total} result${answer.total === 1 ? "" : "s"} for “${answer.query}”${topic ? " in this topic" : ""}${shown}.`
        : "Type to search.",
    );
    if (answer.suggestion) {
      const link = el("a", { href: searchUrl(answer.suggestion) }, answer.suggestion);
      status.append(" Did you mean ", link, "?");
    }
  };
  const run = () => {
    const id = ++latest;
    keepInUrl();
    ask(input.value, topic, 50, (answer) => id === latest && show(answer));
  };
  const later = debounce(run, 60);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  input.addEventListener("input", later);
  facets.addEventListener("click", (e) => {
    const b = e.target instanceof Element ? e.target.closest<HTMLElement>("[data-topic]") : null;
    if (!b) return;
    topic = topic === b.dataset.topic ? "" : (b.dataset.topic ?? "");
    run();
  });
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>("a[data-result]")];
  form.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === "Escape") {
      input.value = "";
      run();
    }
  });
  results.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const all = links();
    const at = all.findIndex((a) => a === document.activeElement);
    e.preventDefault();
    if (e.key === "ArrowUp" && at <= 0) return input.focus();
    all[Math.min(all.length - 1, at + (e.key === "ArrowDown" ? 1 : -1))]?.focus();
  });
  run();
}

headerBox();
searchPage();

// The /saved/ page's script: the reader's saved papers (from the browser alone, so it works
// offline), removing one, exporting the list as BibTeX, Markdown or CSV downloads, importing a CSV
// exported before, the For-you library (imports and marks), and the watched words.
import { paperUrl } from "./urls.ts";
import { el } from "./dom.ts";
import { citedUrl, type SavedPaper } from "../library/saved-paper.ts";
import { addSaved, removeSaved, savedKey, savedPapers } from "./saved.ts";
import { fromCsv, toBibtex, toCsv, toMarkdown } from "./export.ts";
import { setWatchedWords, watchedWords } from "./watch.ts";
import { libraryPanel } from "./foryou/import-panel.ts";

function item(p: SavedPaper, refresh: () => void): HTMLLIElement {
  const remove = el("button", { type: "button", class: "chip" }, "Remove");
  remove.addEventListener("click", () => {
    removeSaved(p.slug);
    refresh();
  });
  const facts = [p.date ?? "", p.arxivId ? `arXiv ${p.arxivId}` : "", ...p.topics]
    .filter(Boolean)
    .join(" · ");
  const links = el(
    "p",
    { class: "meta" },
    el("a", { href: citedUrl(p, paperUrl(p.slug)) }, p.arxivId ? "arXiv" : "Paper page"),
    " ",
    remove,
  );
  return el(
    "li",
    { class: "card", "data-paper": p.slug },
    el("h3", { class: "card-title" }, el("a", { href: paperUrl(p.slug) }, p.shownTitle ?? p.title)),
    ...(p.authors.length ? [el("p", { class: "byline" }, p.authors.join(", "))] : []),
    ...(facts ? [el("p", { class: "facts" }, facts)] : []),
    links,
  );
}

function download(name: string, type: string, text: string): HTMLAnchorElement {
  const a = el("a", { class: "button", download: name }, `Download ${name.split(".").at(-1)!.toUpperCase()}`);
  a.href = URL.createObjectURL(new Blob([text], { type }));
  return a;
}

function savedList(root: HTMLElement) {
  const list = root.querySelector<HTMLOListElement>("[data-saved-list]")!;
  const status = root.querySelector<HTMLElement>("[data-saved-status]")!;
  const exports = root.querySelector<HTMLElement>("[data-saved-export]")!;
  const refresh = () => {
    const papers = savedPapers();
    list.replaceChildren(...papers.map((p) => item(p, refresh)));
    status.replaceChildren(
      papers.length
        ? `${papers.length} saved paper${papers.length === 1 ? "" : "s"}.`
        : "Nothing saved yet: use the Save button on any paper.",
    );
    // the previous downloads' files are let go before new ones are made
    for (const a of exports.querySelectorAll("a")) URL.revokeObjectURL(a.href);
    exports.replaceChildren(
      ...(papers.length
        ? [
            download("saved-papers.bib", "application/x-bibtex", toBibtex(papers)),
            download("saved-papers.md", "text/markdown", toMarkdown(papers)),
            download("saved-papers.csv", "text/csv", toCsv(papers)),
          ]
        : []),
    );
  };
  window.addEventListener("storage", (e) => e.key === savedKey && refresh());
  return refresh;
}

function importer(root: HTMLElement, refresh: () => void) {
  const input = root.querySelector<HTMLInputElement>("[data-saved-import]")!;
  const note = root.querySelector<HTMLElement>("[data-import-status]")!;
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    file
      .text()
      .then((text) => {
        const { papers, skipped } = fromCsv(text);
        const added = addSaved(papers);
        const known = papers.length - added;
        note.replaceChildren(
          `Imported ${added} paper${added === 1 ? "" : "s"}${known ? `; ${known} already saved` : ""}${skipped ? `; ${skipped} rows were not papers` : ""}.`,
        );
        refresh();
      })
      .catch(() => note.replaceChildren("That file could not be read."));
    input.value = "";
  });
}

function watchEditor(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>("[data-watch-form]")!;
  const input = form.querySelector("input")!;
  const list = root.querySelector<HTMLUListElement>("[data-watch-list]")!;
  const draw = () => {
    const words = watchedWords();
    list.replaceChildren(
      ...words.map((w) => {
        const remove = el(
          "button",
          { type: "button", class: "chip", "aria-label": `Stop watching ${w}` },
          "×",
        );
        remove.addEventListener("click", () => {
          setWatchedWords(watchedWords().filter((x) => x !== w));
          draw();
        });
        return el("li", {}, el("span", { class: "watch-word" }, w), " ", remove);
      }),
    );
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setWatchedWords([...watchedWords(), input.value]);
    input.value = "";
    draw();
  });
  draw();
}

const root = document.querySelector<HTMLElement>("[data-saved-page]");
if (root) {
  root.hidden = false;
  const refresh = savedList(root);
  importer(root, refresh);
  watchEditor(root);
  libraryPanel(root);
  refresh();
}

// Owns the library panel of /saved/: importing a library file (BibTeX, CSL JSON, this site's CSV,
// or a library exported here), what each import gave (matched n, by text m, skipped k, each skip
// and unreadable entry with its reason), removing an import, and the library's export with its
// triage. Files are read in the browser; nothing is sent anywhere.
import type * as Importer from "./importer.ts";
import { el } from "../dom.ts";
import { plural } from "../../common/text.ts";
import { paperUrl } from "../urls.ts";
import { exportLibrary, joinLibraries, libraryFile, type LibraryImport } from "../../foryou/library.ts";
import { addImport, library, libraryKey, removeImport, replaceLibrary } from "./stored-library.ts";

/** The importer's path, relative to this script (set when the script is bundled). */
declare const IMPORTER_PATH: string;

/** The importer, fetched when a file is chosen: its BibTeX parser is most of its weight. */
const importer = () => import(new URL(IMPORTER_PATH, import.meta.url).href) as Promise<typeof Importer>;

const details = (summary: string, items: (Node | string)[]) =>
  el("details", {}, el("summary", {}, summary), el("ul", {}, ...items.map((x) => el("li", {}, x))));

function importItem(i: LibraryImport, refresh: () => void): HTMLLIElement {
  const matched = i.entries.filter((e) => e.slug);
  const byText = i.entries.filter((e) => !e.slug);
  const remove = el(
    "button",
    { type: "button", class: "chip", "aria-label": `Remove the import ${i.name}` },
    "Remove",
  );
  remove.addEventListener("click", () => {
    removeImport(i.id);
    refresh();
  });
  const problems = [
    ...i.skipped.map((s) => `${s.line ? `line ${s.line}: ` : ""}skipped “${s.title}”: ${s.reason}`),
    ...i.problems,
  ];
  return el(
    "li",
    { class: "import" },
    el(
      "p",
      {},
      el("strong", {}, i.name),
      ` (${i.format === "csl" ? "CSL JSON" : i.format === "csv" ? "CSV" : "BibTeX"}): matched ${matched.length}, by text ${i.entries.length - matched.length}, skipped ${i.skipped.length}${i.problems.length ? `, unreadable ${i.problems.length}` : ""} `,
      remove,
    ),
    ...(matched.length
      ? [
          details(
            `The ${plural(matched.length, "paper")} on this site`,
            matched.map((e) => el("a", { href: paperUrl(e.slug!) }, e.title)),
          ),
        ]
      : []),
    ...(byText.length
      ? [
          details(
            `Counted by their title and abstract: ${byText.length}`,
            byText.map((e) => e.title),
          ),
        ]
      : []),
    ...(problems.length
      ? [
          el(
            "details",
            { open: "" },
            el("summary", {}, `Not counted: ${problems.length}`),
            el("ul", { class: "import-problems" }, ...problems.map((p) => el("li", {}, p))),
          ),
        ]
      : []),
  );
}

export function libraryPanel(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>("[data-library-import]");
  const list = root.querySelector<HTMLUListElement>("[data-library-list]");
  const note = root.querySelector<HTMLElement>("[data-library-status]");
  const exports = root.querySelector<HTMLElement>("[data-library-export]");
  if (!input || !list || !note || !exports) return;
  const refresh = () => {
    const l = library();
    list.replaceChildren(...l.imports.map((i) => importItem(i, refresh)));
    for (const a of exports.querySelectorAll("a")) URL.revokeObjectURL(a.href);
    const marked = `${plural(l.triage.dismissed.length, "paper")} marked not for me, ${l.triage.read.length} read`;
    const a = el(
      "a",
      { class: "button", download: "paper-digest-library.json" },
      "Download the library (JSON)",
    );
    a.href = URL.createObjectURL(new Blob([exportLibrary(l)], { type: "application/json" }));
    exports.replaceChildren(
      `${plural(l.imports.length, "import")}; ${marked}. The download keeps both, to import here or in another browser. `,
      a,
    );
  };
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    note.replaceChildren(`Reading ${file.name}…`);
    file
      .text()
      .then(async (text) => {
        const exported = /^\s*\{/.test(text) ? exportedLibrary(text) : undefined;
        if (exported) {
          if (exported.setAside !== undefined)
            return `${file.name} is a library of another version of this site: it was not read, and your library is unchanged.`;
          replaceLibrary(joinLibraries(library(), exported.library));
          return `Imported ${file.name}: ${plural(exported.library.imports.length, "import")} and the marks of ${plural(exported.library.triage.dismissed.length + exported.library.triage.read.length, "paper")}.`;
        }
        const made = await (await importer()).readImport(file.name, text);
        if (typeof made === "string") return `${file.name}: ${made}.`;
        addImport(made);
        return `Imported ${file.name}: see below what was matched and what was not.`;
      })
      .then((said) => {
        note.replaceChildren(said);
        refresh();
      })
      .catch((err: Error) => note.replaceChildren(`${file.name} could not be imported: ${err.message}.`));
  });
  window.addEventListener("storage", (e) => e.key === libraryKey && refresh());
  refresh();
}

function exportedLibrary(text: string) {
  try {
    return libraryFile(JSON.parse(text));
  } catch {
    return undefined;
  }
}

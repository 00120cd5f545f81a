// Owns the copy buttons: a block marked `data-copy` (the BibTeX on a paper page) gets a button that
// copies its text. Without JavaScript there is no button, and the text is there to select.
import { el } from "./dom.ts";

export function copyButtons(): void {
  for (const block of document.querySelectorAll<HTMLElement>("[data-copy]")) {
    const what = block.dataset.copy ?? "text";
    const button = el("button", { type: "button", class: "copy" }, `Copy ${what}`);
    const status = el("span", { class: "copy-status", role: "status" });
    button.addEventListener("click", () => {
      navigator.clipboard
        .writeText(block.textContent ?? "")
        .then(() => status.replaceChildren(`${what} copied.`))
        .catch(() => status.replaceChildren("Copying is not allowed here; select the text instead."));
    });
    block.before(el("p", { class: "copy-row" }, button, " ", status));
  }
}

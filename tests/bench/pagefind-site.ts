// The peer for the bench's browser section: a copy of our built site, indexed by Pagefind. Only the
// copy changes: each paper page's <article class="paper"> is marked as Pagefind's body (so Pagefind
// indexes the paper pages, as our index does), and a minimal search page of Pagefind's own is added.
import { cpSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/** Where the copy's search page lives; `?q=` runs a query on load. */
export const PAGEFIND_PAGE = "/pagefind-search/";

// The same work a reader sees on our /search/: the query's results, the first 10 with their title
// and excerpt drawn (the first 3 as soon as their data is there, as our page does), and a status line. It uses our page's hooks (data-search-*), so the bench
// waits on one condition for both engines. window.runQuery(q) runs a new query the same way; the
// form's submit (Enter in the box) calls it.
const SEARCH_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Search · Pagefind</title></head>
<body>
<form data-search-page><input type="search" name="q" autocomplete="off"><button type="submit">Search</button></form>
<p data-search-status role="status"></p>
<ol data-search-results></ol>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
const form = document.querySelector("[data-search-page]");
const input = form.querySelector("input");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
let latest = 0;
function card(data) {
  const li = document.createElement("li");
  li.className = "card";
  const h3 = document.createElement("h3");
  h3.className = "card-title";
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title ?? data.url;
  h3.append(a);
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.innerHTML = data.excerpt; // Pagefind's excerpt: escaped text with <mark>
  li.append(h3, excerpt);
  return li;
}
window.runQuery = async (q) => {
  const id = ++latest;
  const search = await pagefind.search(q);
  const results = search.results.slice(0, 10);
  const ready = [];
  let drawn = 0;
  // like our page: the first 3 results (in rank order) are drawn as soon as their data is there
  const draw = () => {
    if (id !== latest) return;
    let first = 0;
    while (first < results.length && ready[first]) first++;
    if (first <= drawn || (first < 3 && first < results.length)) return;
    drawn = first;
    list.replaceChildren(...ready.slice(0, first).map(card));
    status.textContent = search.results.length + " results for “" + q + "”.";
  };
  await Promise.all(results.map(async (r, i) => { ready[i] = await r.data(); draw(); }));
  draw();
};
form.addEventListener("submit", (e) => {
  e.preventDefault();
  void window.runQuery(input.value.trim());
});
const q = new URLSearchParams(location.search).get("q") ?? "";
input.value = q;
if (q) await window.runQuery(q.trim());
</script>
</body>
</html>
`;

/** Marks each paper page of the copy for Pagefind; returns how many it marked. */
function markPapers(copy: string): number {
  const dir = path.join(copy, "papers");
  let marked = 0;
  for (const slug of readdirSync(dir)) {
    const file = path.join(dir, slug, "index.html");
    const html = readFileSync(file, "utf8");
    const body = html.replace('<article class="paper"', '<article class="paper" data-pagefind-body');
    if (body === html) throw new Error(`${file}: no <article class="paper" …> to mark`);
    writeFileSync(file, body);
    marked++;
  }
  return marked;
}

/** Copies the built `site` to `copy`, marks it, adds Pagefind's search page and indexes it. */
export async function pagefindSite(site: string, copy: string) {
  cpSync(site, copy, { recursive: true });
  const marked = markPapers(copy);
  mkdirSync(path.join(copy, PAGEFIND_PAGE), { recursive: true });
  writeFileSync(path.join(copy, PAGEFIND_PAGE, "index.html"), SEARCH_PAGE);
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: copy });
  const written = await index.writeFiles({ outputPath: path.join(copy, "pagefind") });
  const indexMs = performance.now() - t0;
  await pagefind.close();
  const problems = [...added.errors, ...written.errors];
  if (problems.length) throw new Error(`pagefind: ${problems.join("; ")}`);
  // page_count counts every HTML file read; only the marked ones are indexed, one fragment each
  const pages = readdirSync(path.join(copy, "pagefind", "fragment")).length;
  if (pages !== marked) throw new Error(`pagefind indexed ${pages} of ${marked} marked pages`);
  return { pages, indexMs };
}

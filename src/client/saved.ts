// Owns the reader's saved papers: the list kept in the browser, in the order they were saved. The
// record itself, and reading one from anything, is src/library/saved-paper.ts.
import { asSaved, type PaperRecord, type SavedPaper } from "../library/saved-paper.ts";
import { store } from "./storage.ts";

const saved = store<SavedPaper[]>(
  "saved",
  1,
  (v) => (Array.isArray(v) ? v.map(asSaved).filter((p): p is SavedPaper => p !== undefined) : undefined),
  () => [],
);

export const savedKey = saved.key;

export function savedPapers(): SavedPaper[] {
  return saved.read();
}

/** Saves or unsaves; returns whether it is saved now. */
export function toggleSaved(paper: PaperRecord, now = new Date()): boolean {
  const list = saved.read();
  const at = list.findIndex((p) => p.slug === paper.slug);
  if (at >= 0) list.splice(at, 1);
  else list.push({ ...paper, savedAt: now.toISOString() });
  saved.write(list);
  return at < 0;
}

export function removeSaved(slug: string): void {
  saved.write(saved.read().filter((p) => p.slug !== slug));
}

/** Adds the papers not saved yet (an import); returns how many were new. */
export function addSaved(papers: SavedPaper[]): number {
  const list = saved.read();
  const known = new Set(list.map((p) => p.slug));
  const fresh = papers.filter((p) => !known.has(p.slug) && known.add(p.slug));
  saved.write([...list, ...fresh]);
  return fresh.length;
}

// Owns the reader's saved papers: the list kept in the browser, in the order they were saved.
import { store } from "./storage.ts";

/** A saved paper: what its card carried (see SavedCitation in src/site/views/paper-views.ts), and when. */
export interface SavedPaper {
  slug: string;
  title: string;
  /** the title as shown, when its math is written out differently */
  shownTitle?: string | undefined;
  authors: string[];
  date?: string | undefined;
  arxivId?: string | undefined;
  primaryClass?: string | undefined;
  doi?: string | undefined;
  topics: string[];
  /** the BibTeX key the site gave it, when it is not the one `citationKey` makes */
  bibKey?: string | undefined;
  /** ISO time it was saved */
  savedAt: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** A saved paper from anything: what is not one is left out, field by field. */
export function asSaved(v: unknown): SavedPaper | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const r = v as Record<string, unknown>;
  const slug = str(r.slug);
  const title = str(r.title);
  if (!slug || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !title) return undefined;
  return {
    slug,
    title,
    shownTitle: str(r.shownTitle),
    authors: strs(r.authors),
    date: str(r.date),
    arxivId: str(r.arxivId),
    primaryClass: str(r.primaryClass),
    doi: str(r.doi),
    topics: strs(r.topics),
    // a key goes into the export as it is: only the letters a key made here has
    bibKey: str(r.bibKey)?.match(/^[a-z0-9]+$/)?.[0],
    savedAt: str(r.savedAt) ?? new Date(0).toISOString(),
  };
}

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
export function toggleSaved(paper: Omit<SavedPaper, "savedAt">, now = new Date()): boolean {
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

/** The card's data-cite (short keys) as a paper to save. */
export function fromCite(json: string | undefined): Omit<SavedPaper, "savedAt"> | undefined {
  let c: Record<string, unknown>;
  try {
    c = JSON.parse(json ?? "") as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const p = asSaved({
    slug: c.s,
    title: c.t,
    shownTitle: c.p,
    authors: c.a,
    date: c.d,
    arxivId: c.x,
    primaryClass: c.c,
    doi: c.o,
    topics: c.k,
    bibKey: c.b,
  });
  if (!p) return undefined;
  const { savedAt: _savedAt, ...rest } = p;
  return rest;
}

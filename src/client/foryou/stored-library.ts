// Owns the reader's For-you library in this browser: the imports and the triage, one versioned
// value under the rules of client/storage.ts (a value another version wrote is set aside there,
// never lost). Saved papers are the library too: `libraryPapers` joins them with the imports.
import {
  emptyLibrary,
  readLibrary,
  type Library,
  type LibraryImport,
  type Mark,
} from "../../foryou/library.ts";
import type { LibraryPaper } from "../../foryou/score.ts";
import { store } from "../storage.ts";
import { savedPapers } from "../saved.ts";

const stored = store<Library>(
  "library",
  1,
  (v) => {
    const r = readLibrary(v);
    return r.setAside === undefined ? r.library : undefined;
  },
  emptyLibrary,
);

export const libraryKey = stored.key;

export function library(): Library {
  return stored.read();
}

export function replaceLibrary(next: Library): void {
  stored.write(next);
}

/** Adds an import; one with the same id (the same file again) replaces it. */
export function addImport(added: LibraryImport): void {
  const l = stored.read();
  stored.write({ ...l, imports: [...l.imports.filter((i) => i.id !== added.id), added] });
}

export function removeImport(id: string): void {
  const l = stored.read();
  stored.write({ ...l, imports: l.imports.filter((i) => i.id !== id) });
}

export type MarkKind = "dismissed" | "read";

export function marks(kind: MarkKind): Mark[] {
  return stored.read().triage[kind];
}

/** Marks a paper (or takes the mark off); returns whether it is marked now. */
export function setMark(kind: MarkKind, mark: Mark, on: boolean): boolean {
  const l = stored.read();
  const rest = l.triage[kind].filter((m) => m.slug !== mark.slug);
  stored.write({ ...l, triage: { ...l.triage, [kind]: on ? [...rest, mark] : rest } });
  return on;
}

/** Everything ranking reads as the library: saved papers, then each import's entries, each site paper once. */
export function libraryPapers(): (LibraryPaper & { day?: string | undefined })[] {
  const seen = new Set<string>();
  const once = (slug: string | undefined) => !slug || (!seen.has(slug) && !!seen.add(slug));
  return [
    ...savedPapers().map((p) => ({ title: p.title, slug: p.slug })),
    ...stored.read().imports.flatMap((i) => i.entries),
  ].filter((e) => once(e.slug));
}

/** Whether there is anything to rank by. */
export function libraryIsEmpty(): boolean {
  return savedPapers().length === 0 && stored.read().imports.every((i) => i.entries.length === 0);
}

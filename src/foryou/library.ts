// Owns the reader's For-you library as a record: the imports (each file's entries, matched to the
// site or kept by their text, and what was skipped and why) and the triage (papers marked "not for
// me" or read), versioned, so a library written by another version of the site is read when it can
// be and set aside otherwise, never lost. Saved papers are the library too; they live in their own
// store (client/saved.ts). Pure.
// zod/mini: these modules run in the browser too, where full zod would add 450 KB to the bundle
import * as z from "zod/mini";
import { parseArxivRef } from "../feed/arxiv.ts";

export const LIBRARY_VERSION = 1;
/** What a library export says it is, so an import tells it from a CSL JSON file. */
export const LIBRARY_FORMAT = "paper-digest-library";

const line = () => z.optional(z.number().check(z.int(), z.positive()));

export const LibraryEntry = z.object({
  title: z.string().check(z.minLength(1)),
  abstract: z.optional(z.string()),
  arxivId: z.optional(z.string()),
  doi: z.optional(z.string()),
  authors: z._default(z.array(z.string()), []),
  source: z.enum(["saved", "bibtex", "csl", "csv"]),
  /** the site paper it is, when it is one (saved from the site, or matched) */
  slug: z.optional(z.string()),
  /** the day whose For-you data holds that paper */
  day: z.optional(z.string()),
  /** the line (or CSV row) of the file it came from */
  line: line(),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** One imported file: what counts (matched and by text) and what did not, with the reasons. */
export const LibraryImport = z.object({
  /** the file's name and a hash of its text: importing a file again replaces it */
  id: z.string(),
  name: z.string(),
  format: z.enum(["bibtex", "csl", "csv"]),
  entries: z.array(LibraryEntry),
  skipped: z.array(z.object({ title: z.string(), line: line(), reason: z.string() })),
  /** entries that could not be read at all, "line N: what is wrong" */
  problems: z._default(z.array(z.string()), []),
});
export type LibraryImport = z.infer<typeof LibraryImport>;

/** A paper the reader sorted out: by slug, with its title and day to place it when it is not on the page. */
export const Mark = z.object({ slug: z.string(), title: z.string(), day: z.optional(z.string()) });
export type Mark = z.infer<typeof Mark>;

/** Dismissed papers sink and count against similar ones; read ones dim. */
export const Triage = z.object({
  dismissed: z._default(z.array(Mark), []),
  read: z._default(z.array(Mark), []),
});
export type Triage = z.infer<typeof Triage>;

export const Library = z.object({
  version: z.literal(LIBRARY_VERSION),
  imports: z._default(z.array(LibraryImport), []),
  triage: z._default(Triage, { dismissed: [], read: [] }),
});
export type Library = z.infer<typeof Library>;

export const emptyLibrary = (): Library => ({
  version: LIBRARY_VERSION,
  imports: [],
  triage: { dismissed: [], read: [] },
});

/**
 * A stored library: read when it is this version's; otherwise (another version, damaged) an empty
 * one, with the value handed back whole as `setAside` for the caller to keep beside it.
 */
export function readLibrary(value: unknown): { library: Library; setAside?: unknown } {
  const parsed = Library.safeParse(value);
  return parsed.success ? { library: parsed.data } : { library: emptyLibrary(), setAside: value };
}

/** The library as a file the reader keeps (and imports again, here or on another browser). */
export function exportLibrary(library: Library): string {
  return JSON.stringify({ format: LIBRARY_FORMAT, ...library }, null, 1) + "\n";
}

/** A library export read back, or undefined when the value is not one (a CSL JSON file, say). */
export function libraryFile(value: unknown): { library: Library; setAside?: unknown } | undefined {
  if (typeof value !== "object" || value === null || !("format" in value) || value.format !== LIBRARY_FORMAT)
    return undefined;
  const { format: _format, ...rest } = value as Record<string, unknown>;
  return readLibrary(rest);
}

/** Adds `more` to `library`: an import of the same id replaces the old one, marks are joined (newest kept). */
export function joinLibraries(library: Library, more: Library): Library {
  const ids = new Set(more.imports.map((i) => i.id));
  const marks = (a: Mark[], b: Mark[]) => {
    const slugs = new Set(b.map((m) => m.slug));
    return [...a.filter((m) => !slugs.has(m.slug)), ...b];
  };
  return {
    version: LIBRARY_VERSION,
    imports: [...library.imports.filter((i) => !ids.has(i.id)), ...more.imports],
    triage: {
      dismissed: marks(library.triage.dismissed, more.triage.dismissed),
      read: marks(library.triage.read, more.triage.read),
    },
  };
}

/** The arXiv id (without version) in a DOI (10.48550/arXiv.X), a URL, an eprint or a note; undefined when none. */
export function arxivIdOf(...texts: (string | undefined)[]): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const doi = /10\.48550\/arxiv\.(\S+)/i.exec(text);
    const ref = parseArxivRef(doi ? doi[1]! : text) ?? /arxiv[:./ ](?:abs\/)?(\S+)/i.exec(text)?.[1];
    const id = typeof ref === "string" ? parseArxivRef(ref.replace(/[.,;)]+$/, ""))?.id : ref?.id;
    if (id) return id;
  }
  return undefined;
}

/** A DOI without its resolver prefix, lowercase (DOIs are case-insensitive). */
export function normalDoi(doi: string | undefined): string | undefined {
  const m = doi && /10\.\d{4,9}\/\S+/.exec(doi.trim());
  return m ? m[0].toLowerCase() : undefined;
}

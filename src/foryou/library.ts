// Owns the reader's For-you library as a record: its entries (saved papers and imports) and the
// triage state (papers dismissed or marked read), versioned, so a library written by another
// version of the site is read when it can be and set aside otherwise, never lost. Pure.
// zod/mini: these modules run in the browser too, where full zod would add 450 KB to the bundle
import * as z from "zod/mini";
import { parseArxivRef } from "../feed/arxiv.ts";

export const LIBRARY_VERSION = 1;

export const LibraryEntry = z.object({
  title: z.string().check(z.minLength(1)),
  abstract: z.optional(z.string()),
  arxivId: z.optional(z.string()),
  doi: z.optional(z.string()),
  authors: z._default(z.array(z.string()), []),
  source: z.enum(["saved", "bibtex", "csl", "csv"]),
  /** the site paper it is, when saved from the site */
  slug: z.optional(z.string()),
  /** the line (or CSV row) of the file it came from */
  line: z.optional(z.number().check(z.int(), z.positive())),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** Papers the reader sorted out of a day: dismissed ones sink and count against similar ones; read ones dim. */
export const Triage = z.object({
  dismissed: z._default(z.array(z.string()), []),
  read: z._default(z.array(z.string()), []),
});
export type Triage = z.infer<typeof Triage>;

export const Library = z.object({
  version: z.literal(LIBRARY_VERSION),
  entries: z.array(LibraryEntry),
  triage: Triage,
});
export type Library = z.infer<typeof Library>;

export const emptyLibrary = (): Library => ({
  version: LIBRARY_VERSION,
  entries: [],
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

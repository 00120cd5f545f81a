// Owns the saved-paper record, defined once for both sides of the page: what a paper card carries
// (`data-cite`, short keys), what the browser stores, exports and imports, and the one mapping from
// a record to its BibTeX entry, used by the paper page and by the export alike. Browser-safe: no
// Node module, no zod (a record is read field by field, as anything may be in storage or a file).
import { arxivAbsUrl } from "../feed/arxiv.ts";
import { citationKey, paperDate, type Citable } from "../render/bibtex.ts";

/** A paper as a card carries it: what saving, listing and citing it need. */
export interface PaperRecord {
  slug: string;
  /** the title as written (TeX kept, as arXiv gives it) */
  title: string;
  /** the title as shown, when its math or TeX is written out differently */
  shownTitle?: string;
  authors: string[];
  /** YYYY-MM-DD: its arXiv date, else the day it was first listed */
  date?: string;
  arxivId?: string;
  primaryClass?: string;
  doi?: string;
  /** topic names */
  topics: string[];
  /** the BibTeX key the site gave it, when it is not the one `citationKey` makes (a suffixed one) */
  bibKey?: string;
}

/** A saved paper: the record, and when it was saved (ISO time). */
export interface SavedPaper extends PaperRecord {
  savedAt: string;
}

/** The card's `data-cite`: the record with short keys, as it rides on every card. */
export interface CardCite {
  /** slug, title as written, title as shown (when it differs), authors, date */
  s: string;
  t: string;
  p?: string;
  a: string[];
  d?: string;
  /** arXiv id, primary category, DOI */
  x?: string;
  c?: string;
  o?: string;
  /** topic names */
  k: string[];
  /** the BibTeX key, when the site gave it a suffix (else `citationKey` makes the same) */
  b?: string;
}

/** What the server knows of a paper that the record is made from (an enriched paper). */
export interface RecordSource {
  slug: string;
  title: string;
  plainTitle: string;
  authors?: string[] | undefined;
  published?: string | undefined;
  digests: { date?: string | undefined }[];
  arxivId?: string | undefined;
  categories?: string[] | undefined;
  doi?: string | undefined;
  topics: { name: string }[];
  /** the BibTeX key, unique on the site */
  citeKey: string;
}

/** The record of an enriched paper (server side). */
export function recordOf(p: RecordSource): PaperRecord {
  const date = paperDate(p);
  const authors = p.authors ?? [];
  return {
    slug: p.slug,
    title: p.title,
    ...(p.plainTitle !== p.title ? { shownTitle: p.plainTitle } : {}),
    authors,
    ...(date ? { date } : {}),
    ...(p.arxivId ? { arxivId: p.arxivId } : {}),
    ...(p.categories?.[0] ? { primaryClass: p.categories[0] } : {}),
    ...(p.doi ? { doi: p.doi } : {}),
    topics: p.topics.map((t) => t.name),
    ...(p.citeKey !== citationKey({ title: p.title, authors, date }) ? { bibKey: p.citeKey } : {}),
  };
}

/** The record as the card's `data-cite` holds it (JSON of this, keys in this order). */
export function toCard(r: PaperRecord): CardCite {
  return {
    s: r.slug,
    t: r.title,
    ...(r.shownTitle === undefined ? {} : { p: r.shownTitle }),
    a: r.authors,
    ...(r.date === undefined ? {} : { d: r.date }),
    ...(r.arxivId === undefined ? {} : { x: r.arxivId }),
    ...(r.primaryClass === undefined ? {} : { c: r.primaryClass }),
    ...(r.doi === undefined ? {} : { o: r.doi }),
    k: r.topics,
    ...(r.bibKey === undefined ? {} : { b: r.bibKey }),
  };
}

/** The card's `data-cite` as a record; undefined when it holds none. Never throws. */
export function fromCard(json: string | undefined): PaperRecord | undefined {
  let c: unknown;
  try {
    c = JSON.parse(json ?? "");
  } catch {
    return undefined;
  }
  if (typeof c !== "object" || c === null) return undefined;
  const w = c as Record<string, unknown>;
  return asRecord({
    slug: w.s,
    title: w.t,
    shownTitle: w.p,
    authors: w.a,
    date: w.d,
    arxivId: w.x,
    primaryClass: w.c,
    doi: w.o,
    topics: w.k,
    bibKey: w.b,
  });
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** a key goes into BibTeX as it is: only the letters a key made here has */
const KEY = /^[a-z0-9]+$/;

/**
 * A record from anything (storage, an import, an older version's shape): a slug and a title make
 * one; every other field is kept when it has the right type and left out when not. Never throws.
 */
export function asRecord(v: unknown): PaperRecord | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const r = v as Record<string, unknown>;
  const slug = str(r.slug);
  const title = str(r.title);
  if (!slug || !SLUG.test(slug) || !title) return undefined;
  // a field that is not there is left out, not kept as undefined: one record, one shape
  const shownTitle = str(r.shownTitle);
  const date = str(r.date);
  const arxivId = str(r.arxivId);
  const primaryClass = str(r.primaryClass);
  const doi = str(r.doi);
  const bibKey = str(r.bibKey)?.match(KEY)?.[0];
  return {
    slug,
    title,
    ...(shownTitle === undefined ? {} : { shownTitle }),
    authors: strs(r.authors),
    ...(date === undefined ? {} : { date }),
    ...(arxivId === undefined ? {} : { arxivId }),
    ...(primaryClass === undefined ? {} : { primaryClass }),
    ...(doi === undefined ? {} : { doi }),
    topics: strs(r.topics),
    ...(bibKey === undefined ? {} : { bibKey }),
  };
}

/** A saved paper from anything, as `asRecord`; one without a time of saving counts as saved at 1970. */
export function asSaved(v: unknown): SavedPaper | undefined {
  const record = asRecord(v);
  if (!record) return undefined;
  const savedAt = str((v as Record<string, unknown>).savedAt) ?? new Date(0).toISOString();
  return { ...record, savedAt };
}

/** The page a citation points to: arXiv's when known, else the paper's page on this site. */
export const citedUrl = (r: PaperRecord, pageUrl: string) => (r.arxivId ? arxivAbsUrl(r.arxivId) : pageUrl);

/**
 * What a record's BibTeX entry is made of (`bibtex` writes it): the paper page's entry and the
 * export's both come from here. `pageUrl` is the paper's page on this site.
 */
export function citable(r: PaperRecord, pageUrl: string): Citable {
  return {
    title: r.title,
    authors: r.authors,
    date: r.date,
    arxivId: r.arxivId,
    categories: r.primaryClass ? [r.primaryClass] : [],
    doi: r.doi,
    url: citedUrl(r, pageUrl),
    // the paper page's key: with the suffix that makes it unique on the site
    key: r.bibKey,
  };
}

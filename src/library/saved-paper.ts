// Owns the saved-paper record, defined once for both sides of the page: how a paper card or page
// carries it (what it shows, plus a few `data-*` attributes), what the browser stores, exports and
// imports, and the one mapping from a record to its BibTeX entry, used by the paper page and by the
// export alike. Browser-safe: no
// Node module, no zod (a record is read field by field, as anything may be in storage or a file).
import { arxivAbsUrl } from "../feed/arxiv.ts";
import { citationKey, paperDate, type Citable } from "../render/bibtex.ts";

/** A paper as saving, listing and citing it need. */
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

/**
 * What a card or a paper page shows of a paper, as the browser reads it from the page: the record
 * is read from these and the few `data-*` attributes of `CardData`, never from a copy of itself.
 */
export interface ShownPaper {
  slug: string;
  /** the title as shown: the card's title link, the paper page's heading */
  title: string;
  /** every author, when the page names them all (the paper page's author links) */
  authors?: string[] | undefined;
  /** the card's byline ("A", "A, B and C", "A, B, C et al."), "" when it has none */
  byline?: string | undefined;
  /** the topic chips' names, in order */
  topics: string[];
  /** the card's `data-arrived`: the day of the first digest it appeared in ("" when undated) */
  arrived?: string | undefined;
}

/**
 * What a card or a paper page carries of the record beyond what it shows, as `data-*` attributes
 * (each only when needed, in this order): the title as written when the shown one differs, every
 * author when the byline cannot be read back, the authors after the byline's, the date when it is
 * not the day it arrived, arXiv id, primary category, DOI, the BibTeX key when the site suffixed it.
 * Lists are `joinList`ed.
 */
export interface CardData {
  title?: string;
  authors?: string;
  more?: string;
  date?: string;
  arxiv?: string;
  class?: string;
  doi?: string;
  key?: string;
}

/**
 * A list (authors, topics) as one string: items joined by "; ", a ";" or "\\" inside an item
 * escaped with "\\", so a name that holds one comes back whole (`splitList`).
 */
export const joinList = (items: string[]) => items.map((s) => s.replace(/[\\;]/g, "\\$&")).join("; ");
export const splitList = (field: string | undefined) =>
  (field ?? "")
    .match(/(?:\\[\\;]|[^;])+/g)
    ?.map((s) => s.trim().replace(/\\([\\;])/g, "$1"))
    .filter(Boolean) ?? [];

/** The names a byline ("A", "A and B", "A, B and C", "A, B, C et al.") shows, as written. */
export function bylineNames(byline: string): string[] {
  if (!byline) return [];
  const etAl = byline.endsWith(" et al.");
  const text = etAl ? byline.slice(0, -" et al.".length) : byline;
  const and = etAl ? -1 : text.lastIndexOf(" and ");
  const head = and < 0 ? text : text.slice(0, and);
  return [...head.split(", "), ...(and < 0 ? [] : [text.slice(and + " and ".length)])];
}

const isPrefix = (part: string[], whole: string[]) =>
  part.length <= whole.length && part.every((s, i) => s === whole[i]);

/**
 * The attributes a page writes beside what it shows of `r` (server side): `fromCard` of the two
 * gives `r` back. `shown` is what the page shows (`title` must be `r.shownTitle ?? r.title`).
 */
export function cardData(r: PaperRecord, shown: Omit<ShownPaper, "slug" | "topics">): CardData {
  const byline = shown.authors ? shown.authors : bylineNames(shown.byline ?? "");
  const readable = isPrefix(byline, r.authors);
  const more = readable ? r.authors.slice(byline.length) : [];
  const date = r.date ?? "";
  return {
    ...(r.shownTitle === undefined ? {} : { title: r.title }),
    ...(readable ? {} : { authors: joinList(r.authors) }),
    ...(more.length ? { more: joinList(more) } : {}),
    ...(date === (shown.arrived ?? "") ? {} : { date }),
    ...(r.arxivId === undefined ? {} : { arxiv: r.arxivId }),
    ...(r.primaryClass === undefined ? {} : { class: r.primaryClass }),
    ...(r.doi === undefined ? {} : { doi: r.doi }),
    ...(r.bibKey === undefined ? {} : { key: r.bibKey }),
  };
}

/**
 * The record a card or paper page shows and carries (browser side; `data` is the element's
 * `dataset`); undefined when it makes none. Never throws.
 */
export function fromCard(
  shown: ShownPaper,
  data: { [K in keyof CardData]?: string | undefined },
): PaperRecord | undefined {
  const authors =
    data.authors !== undefined
      ? splitList(data.authors)
      : (shown.authors ?? [...bylineNames(shown.byline ?? ""), ...splitList(data.more)]);
  return asRecord({
    slug: shown.slug,
    title: data.title ?? shown.title,
    shownTitle: data.title === undefined ? undefined : shown.title,
    authors,
    date: (data.date ?? shown.arrived) || undefined,
    arxivId: data.arxiv,
    primaryClass: data.class,
    doi: data.doi,
    topics: shown.topics,
    bibKey: data.key,
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

// Owns the record types every stage passes along: one zod schema per record, types inferred.
import { z } from "zod";

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/** An http(s) URL: the only kind a feed's text may turn into a link. */
export const WebUrl = z.url({ protocol: /^https?$/, hostname: /\./ });

export const Link = z.object({
  url: WebUrl,
  kind: z.enum(["code", "page"]),
});
export type Link = z.infer<typeof Link>;

export const Appearance = z.object({
  date: IsoDate.optional(),
  label: z.string(),
  rank: z.number().int().positive(),
  file: z.string(),
  line: z.number().int().positive(),
  /** Hugging Face upvotes on that day */
  upvotes: z.number().int().nonnegative().optional(),
});
export type Appearance = z.infer<typeof Appearance>;

/** An arXiv identifier without its version: new style 2312.00752, old style hep-th/9901001. */
export const ArxivId = z
  .string()
  .regex(
    /^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})$/,
    "expected an arXiv id such as 2312.00752 or hep-th/9901001",
  );

/** An arXiv category: cs.LG, eess.AS, hep-th, math.ST. */
export const Category = z
  .string()
  .regex(/^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/, "expected an arXiv category such as cs.LG");

/** What a machine-readable dump may say of a paper beyond its title and abstract; all optional. */
export const PaperMeta = z.object({
  arxivId: ArxivId.optional(),
  version: z.number().int().positive().optional(),
  authors: z.array(z.string().min(1)).optional(),
  /** the first version's date on arXiv */
  published: IsoDate.optional(),
  /** the newest version's date */
  updated: IsoDate.optional(),
  /** the primary category first */
  categories: z.array(Category).optional(),
  doi: z.string().min(1).optional(),
  journalRef: z.string().min(1).optional(),
  comment: z.string().min(1).optional(),
  githubRepo: WebUrl.optional(),
  projectPage: WebUrl.optional(),
  /** listed on Hugging Face's daily papers, so it has a page there */
  huggingFace: z.boolean().optional(),
  /** Hugging Face's machine-written one-line summary (`ai_summary`): shown labelled as such */
  aiSummary: z.string().min(1).optional(),
  /** Hugging Face's machine-picked keywords (`ai_keywords`): searched, not shown */
  aiKeywords: z.array(z.string().min(1)).min(1).optional(),
});
export type PaperMeta = z.infer<typeof PaperMeta>;

export const Paper = PaperMeta.extend({
  id: z.string().regex(/^[0-9a-f]{12}(-\d+)?$/),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(90),
  title: z.string().min(1),
  abstract: z.string().min(1),
  links: z.array(Link),
  /** every dump the paper appears in, oldest first */
  digests: z.array(Appearance).min(1),
});
/** A paper as the feed stage hands it on: merged across dumps, slug assigned, not yet tagged. */
export type Paper = z.infer<typeof Paper>;

export const Digest = z.object({
  file: z.string(),
  date: IsoDate.optional(),
  label: z.string(),
  title: z.string().optional(),
  source: z.string().optional(),
  /** ids of the dump's papers, in trending order */
  paperIds: z.array(z.string()),
  /** replacements in an arXiv listing: new versions of earlier papers, not papers of this day */
  updates: z.number().int().nonnegative(),
  /** of those, how many updated a paper this site has */
  updated: z.number().int().nonnegative(),
  /**
   * The series the dump belongs to: pasted trending pages, Hugging Face daily papers, one arXiv
   * category's listings, arXiv API results. "Dropped off" compares a dump with the one before it
   * in its own series, and only a trending series has papers that drop off.
   */
  series: z.string(),
  trending: z.boolean(),
  /**
   * Its URL key: its date (else its label as a slug), and for any series but pasted trending pages
   * the series too (2025-03-14-hf-daily, 2025-03-14-arxiv-api-7175dc), so a key does not depend on
   * which other dumps share its day.
   */
  key: z.string(),
  /** the file of the digest before it in its series, when its series is a trending list */
  previous: z.string().optional(),
  /** ids of the previous digest's papers that this one lacks: what dropped off the trending list */
  dropped: z.array(z.string()),
});
export type Digest = z.infer<typeof Digest>;

/** What a reader reads of one paper before records are merged across dumps. */
export interface Entry {
  /** what else the dump says of it (empty for a pasted text dump) */
  meta: PaperMeta;
  /** Hugging Face upvotes on the dump's day */
  upvotes?: number | undefined;
  title: string;
  abstract: string;
  line: number;
  /** 1-based position in the dump: its trending rank that day */
  rank: number;
  /** set when a same-title, different-abstract twin exists in the dump */
  variant?: number;
}

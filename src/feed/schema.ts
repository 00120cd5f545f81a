// Owns the record types every stage passes along: one zod schema per record, types inferred.
import { z } from "zod";

export const Severity = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  severity: Severity,
  message: z.string().min(1),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

export const Link = z.object({
  url: z.string().url(),
  kind: z.enum(["code", "page"]),
});
export type Link = z.infer<typeof Link>;

export const Appearance = z.object({
  date: IsoDate.optional(),
  label: z.string(),
  rank: z.number().int().positive(),
  file: z.string(),
  line: z.number().int().positive(),
});
export type Appearance = z.infer<typeof Appearance>;

export const Paper = z.object({
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
});
export type Digest = z.infer<typeof Digest>;

/** What the parser reads of one paper before records are merged across dumps. */
export interface Entry {
  title: string;
  abstract: string;
  line: number;
  /** 1-based position in the dump: its trending rank that day */
  rank: number;
  /** set when a same-title, different-abstract twin exists in the dump */
  variant?: number;
}

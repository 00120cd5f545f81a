// Owns the For-you index of a site: which file holds each day's For-you data, and what matching a
// library needs of every site paper (slug, day, arXiv id, DOI, normalised title), written at build
// time and read (and checked) in the browser. Pure: no DOM, no file system.
// zod/mini: this module runs in the browser too, where full zod would add 450 KB to the bundle
import * as z from "zod/mini";
import { titleKey } from "../common/text.ts";
import { fail, ok, type Result } from "../common/result.ts";
import type { SiteRef } from "./match.ts";

export const REFS_VERSION = 1;

/** The manifest: each dated day's data file, and the papers file (paths inside the site). */
export interface ForYouManifest {
  days: Record<string, string>;
  papers: string;
}

/** A site paper as matching reads it, and the day whose data holds it. */
export interface PaperRef extends SiteRef {
  day: string;
}

const Manifest = z.object({
  version: z.literal(REFS_VERSION),
  days: z.record(z.string(), z.string()),
  papers: z.string(),
});
/** A paper as `[slug, day, arXiv id or "", DOI or "", normalised title]`. */
const PapersFile = z.object({
  version: z.literal(REFS_VERSION),
  papers: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()])),
});

export const encodeManifest = (m: ForYouManifest) => JSON.stringify({ version: REFS_VERSION, ...m });

export function encodePapers(papers: PaperRef[]): string {
  return JSON.stringify({
    version: REFS_VERSION,
    papers: papers.map((p) => [p.slug, p.day, p.arxivId ?? "", p.doi ?? "", titleKey(p.title)]),
  });
}

function read<T>(text: string, schema: z.ZodMiniType<T>, what: string): Result<T, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(`the For-you ${what} is not JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`the For-you ${what} is not of this version: ${issue.path.join(".")}: ${issue.message}`);
  }
  return ok(parsed.data);
}

export function decodeManifest(text: string): Result<ForYouManifest, string> {
  const r = read(text, Manifest, "manifest");
  return r.ok ? ok({ days: r.value.days, papers: r.value.papers }) : r;
}

/** The papers file; titles come back normalised, which matching normalises again to the same. */
export function decodePapers(text: string): Result<PaperRef[], string> {
  const r = read(text, PapersFile, "papers file");
  if (!r.ok) return r;
  return ok(
    r.value.papers.map(([slug, day, arxivId, doi, title]) => ({
      slug,
      day,
      title,
      ...(arxivId && { arxivId }),
      ...(doi && { doi }),
    })),
  );
}

// Owns the one copy of site data per build, whether the CLI computed it or Eleventy asks for it.
import path from "node:path";
import { exists, readTextFile } from "../io.ts";
import { z } from "zod";
import { loadContent } from "./content.ts";
import { buildSiteData } from "./data.ts";
import { searchFiles } from "../search/assets.ts";
import type { SiteData, SiteMeta } from "./views.ts";
import { countOf, formatDiagnostic } from "../feed/diagnostics.ts";
import type { Diagnostic } from "../feed/schema.ts";

export const GENERATOR = "Paper Digest 0.1.0";

const SiteConfig = z
  .object({
    title: z.string().min(1).default("Paper Digest"),
    description: z.string().default(""),
    url: z.string().url().default("https://example.org/"),
    language: z.string().default("en"),
  })
  .strict();

// Eleventy imports its config (and so this module) afresh, so the CLI's data travels on globalThis.
const SLOT = Symbol.for("paper-digest.site-data");
const slots: Record<symbol, SiteData | undefined> = globalThis;

export function setPrebuilt(data: SiteData | undefined) {
  slots[SLOT] = data;
}

export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      diagnostics
        .filter((d) => d.severity === "error")
        .map(formatDiagnostic)
        .join("\n"),
    );
  }
}

export async function readSiteConfig(
  root: string,
): Promise<{ meta?: Omit<SiteMeta, "updated">; diagnostics: Diagnostic[] }> {
  const file = path.join(root, "content", "site.json");
  let raw: unknown = {};
  if (await exists(file)) {
    const read = await readTextFile(file, 1024 * 1024);
    if (!read.ok) return { diagnostics: [{ ...read.diagnostic, file: "content/site.json" }] };
    try {
      raw = JSON.parse(read.value.text);
    } catch (err) {
      return {
        diagnostics: [
          {
            file: "content/site.json",
            severity: "error",
            message: `not valid JSON: ${err instanceof Error ? err.message : err}`,
          },
        ],
      };
    }
  }
  const parsed = SiteConfig.safeParse(raw);
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.map((i) => ({
        file: "content/site.json",
        severity: "error" as const,
        message: `${i.path.join(".")}: ${i.message}`,
      })),
    };
  }
  const url = parsed.data.url.endsWith("/") ? parsed.data.url : parsed.data.url + "/";
  return { meta: { ...parsed.data, url, generator: GENERATOR, base: "/" }, diagnostics: [] };
}

export interface LoadOptions {
  root: string;
  feeds?: string[];
  url?: string;
  base?: string;
  /** SOURCE_DATE_EPOCH: the site's date when no dump has one (never the clock) */
  sourceDateEpoch?: string;
  /** build the search index on a worker thread (default); tests that only read data turn it off */
  searchOnThread?: boolean;
  /** told each phase as it starts, for a progress line on a terminal */
  progress?: (phase: string) => void;
}

/** Loads and builds the site data, or throws a ContentError listing every error. */
export async function loadSiteData(
  opts: LoadOptions,
): Promise<{ data: SiteData; diagnostics: Diagnostic[] }> {
  const progress = opts.progress ?? (() => {});
  progress("parse and tag");
  const config = await readSiteConfig(opts.root);
  const content = await loadContent({ root: opts.root, feeds: opts.feeds });
  const diagnostics = [...config.diagnostics, ...content.diagnostics];
  if (countOf(diagnostics).errors > 0 || !config.meta) throw new ContentError(diagnostics);
  const url = opts.url ? (opts.url.endsWith("/") ? opts.url : opts.url + "/") : config.meta.url;
  const meta = { ...config.meta, url, base: normalizeBase(opts.base) };
  // the search index builds on a second core while related papers and pages are computed here
  progress(`search index, related papers and pages for ${content.papers.length} papers`);
  const names = new Map(content.topics.map((t) => [t.slug, t.name]));
  const search = await searchFiles(
    content.papers.map((p) => ({
      slug: p.slug,
      title: p.title,
      abstract: p.abstract,
      topics: p.topics.map((t) => ({ slug: t.slug, name: names.get(t.slug) ?? t.slug })),
      label: p.digests.at(-1)!.label,
    })),
    opts.searchOnThread ?? true,
  );
  // a failure surfaces when the files are written; until then nobody may leave it unhandled
  search.index.catch(() => {});
  const data = buildSiteData(content, meta, epochDate(opts.sourceDateEpoch));
  data.search = search;
  return { data, diagnostics };
}

/** What Eleventy's global data asks for: the CLI's prebuilt data, else a fresh load (npm start). */
let lastLoaded: SiteData | undefined;

export async function siteData(root: string): Promise<SiteData> {
  const prebuilt = slots[SLOT];
  if (prebuilt) return prebuilt;
  lastLoaded = (await loadSiteData({ root })).data;
  return lastLoaded;
}

/** The data of the build that just rendered, for hooks that write files after Eleventy. */
export function currentSiteData(): SiteData | undefined {
  return slots[SLOT] ?? lastLoaded;
}

export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? "/").trim().replace(/^\/*/, "/").replace(/\/*$/, "/");
  return trimmed.replace(/\/{2,}/g, "/");
}

/** SOURCE_DATE_EPOCH as a YYYY-MM-DD day, when it is a valid number of seconds. */
export function epochDate(value: string | undefined): string | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  return new Date(Number(value) * 1000).toISOString().slice(0, 10);
}

// Owns the template filters: dates and absolute URLs. Nothing here builds markup from feed text.
import { formatDate } from "../common/text.ts";
import type { SiteMeta } from "./views/types.ts";

export function dateLabel(iso: string | undefined): string {
  return iso ? formatDate(iso) : "";
}

/** RFC 3339 at midnight UTC: a digest is a day, and a clock time would make builds differ. */
export function rfc3339(iso: string | undefined): string {
  return `${iso ?? "1970-01-01"}T00:00:00Z`;
}

/**
 * The site's URL parsed, and the path every page's URL starts with, once per site (every page asks
 * for its own URL twice, and a paper's view once more: 32,000 times at 10,000 papers).
 */
const roots = new WeakMap<SiteMeta, { origin: URL; root: string }>();

/** An absolute URL for feeds and meta tags: site URL + base path + the site-relative path. */
export function absoluteUrl(meta: SiteMeta, sitePath: string): string {
  let site = roots.get(meta);
  if (site === undefined) {
    const origin = new URL(meta.url);
    const root = (origin.pathname.replace(/\/$/, "") + meta.base).replace(/\/{2,}/g, "/");
    roots.set(meta, (site = { origin, root }));
  }
  return new URL(site.root + sitePath.replace(/^\//, ""), site.origin).href;
}

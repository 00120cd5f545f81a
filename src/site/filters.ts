// Owns the template filters: dates and absolute URLs. Nothing here builds markup from feed text.
import { formatDate } from "../feed/parse.ts";
import type { SiteMeta } from "./views.ts";

export function dateLabel(iso: string | undefined): string {
  return iso ? formatDate(iso) : "";
}

/** RFC 3339 at midnight UTC: a digest is a day, and a clock time would make builds differ. */
export function rfc3339(iso: string | undefined): string {
  return `${iso ?? "1970-01-01"}T00:00:00Z`;
}

/** An absolute URL for feeds and meta tags: site URL + base path + the site-relative path. */
export function absoluteUrl(meta: SiteMeta, sitePath: string): string {
  const origin = new URL(meta.url);
  const root = origin.pathname.replace(/\/$/, "") + meta.base;
  return new URL(root.replace(/\/{2,}/g, "/") + sitePath.replace(/^\//, ""), origin).href;
}

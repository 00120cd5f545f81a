// Owns the URLs found in an abstract or an arXiv comment: extraction, trimming, classification as
// code or page, and the project page a comment names.
import type { Link } from "./schema.ts";
import { isWebUrl } from "../common/urls.ts";

const URL_RE = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/gi;
const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co|bitbucket\.org)$/i;

export interface Found {
  url: string;
  /** index of the URL in the text and its length as written there */
  start: number;
  end: number;
}

/** URLs as written in the text, trailing punctuation trimmed and brackets balanced. */
export function findUrls(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    for (;;) {
      const last = url.at(-1)!;
      if (/[.,;:!?'"*]/.test(last)) url = url.slice(0, -1);
      else if (last === ")" && count(url, "(") < count(url, ")")) url = url.slice(0, -1);
      else if (last === "]" && count(url, "[") < count(url, "]")) url = url.slice(0, -1);
      else break;
    }
    if (!isWebUrl(url)) continue;
    out.push({ url, start: m.index, end: m.index + url.length });
  }
  return out;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

export function classify(url: string): Link {
  const u = new URL(url);
  if (!CODE_HOSTS.test(u.hostname)) return { url, kind: "page" };
  // a clone address names the same repository as its page
  return { url: url.replace(/\.git$/i, ""), kind: "code" };
}

export function extractLinks(text: string): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const { url } of findUrls(text)) {
    const link = classify(url);
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    out.push(link);
  }
  return out;
}

/** Words before a URL in a comment that make it the paper's project page: "Project page: https://…". */
const PROJECT =
  /\b(?:project(?:\s+(?:page|website|site|homepage))?|web\s*page|homepage|website|demo(?:\s+page)?)\s*(?:is\s+)?(?:available\s+)?(?:at|:)?\s*$/i;

/** The first URL of a comment that words such as "Project page:" introduce, unless it is code. */
export function projectPageIn(comment: string): string | undefined {
  for (const u of findUrls(comment)) {
    const before = comment.slice(Math.max(0, u.start - 40), u.start);
    if (PROJECT.test(before) && classify(u.url).kind === "page") return u.url;
  }
  return undefined;
}

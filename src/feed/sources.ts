// Owns what `fetch` knows of the services it reads: which source a flag names, the URL of a day's
// dump, what each service's answer must look like, and when an answer means "no papers that day".
// Pure: no network, no clock.
import { Category } from "./schema.ts";
import { fail, ok, type Result } from "../common/result.ts";
import { detectFormat } from "./parse.ts";
import { parseJson } from "../common/json.ts";
import { NS, child, children, parseXml } from "./xml.ts";

export type Source = { kind: "hf" } | { kind: "arxiv"; category: string };

/** Each service's base URL: scheme, host and path prefix. `--url` replaces it. */
export const BASE_URL = {
  hf: "https://huggingface.co/api",
  arxiv: "https://rss.arxiv.org/rss",
} as const;

/** `hf` or `arxiv:<category>` (arxiv:cs.LG); undefined for anything else. */
export function parseSource(text: string): Source | undefined {
  if (text === "hf") return { kind: "hf" };
  const m = /^arxiv:(.+)$/.exec(text);
  return m && Category.safeParse(m[1]).success ? { kind: "arxiv", category: m[1]! } : undefined;
}

/** A base URL as given to --url, checked: http(s), no query or fragment; trailing slashes dropped. */
export function parseBaseUrl(text: string): Result<string, string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail("expected an absolute URL such as http://127.0.0.1:8080/api");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail("expected an http: or https: URL");
  if (url.search || url.hash) return fail("expected a base URL without a query or fragment");
  return ok(url.href.replace(/\/+$/, ""));
}

/**
 * The URL of a day's dump: `<base>/daily_papers?date=<date>` for Hugging Face, `<base>/<category>`
 * for an arXiv listing (which has no date: it is always the latest).
 */
export function dumpUrl(source: Source, base: string, date: string | undefined): string {
  if (source.kind === "hf") return `${base}/daily_papers?date=${date ?? ""}`;
  return `${base}/${source.category}`;
}

/** What to ask for in the Accept header. */
export function acceptOf(source: Source): string {
  return source.kind === "hf"
    ? "application/json"
    : "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8";
}

const MAX_SHOWN = 40;

/**
 * Whether an answer is a dump of the kind asked for: JSON from Hugging Face, XML from arXiv. A
 * service's HTML error page is neither. Returns the problem, or undefined.
 */
export function bodyProblem(source: Source, text: string, contentType: string): string | undefined {
  const want = source.kind === "hf" ? "json" : "xml";
  if (detectFormat(text) === want) return undefined;
  const start = text.trimStart().slice(0, MAX_SHOWN).replace(/\s+/g, " ");
  const shown = start
    ? `it starts ${JSON.stringify(start + (text.length > MAX_SHOWN ? "…" : ""))}`
    : "it is empty";
  const type = contentType ? ` (Content-Type ${contentType})` : "";
  return `the answer is not ${want === "json" ? "JSON" : "XML"}${type}: ${shown}`;
}

/** Whether an answer says the day has no papers: `[]` from Hugging Face, a listing without items. */
export function isEmptyDay(source: Source, text: string): boolean {
  if (source.kind === "hf") {
    const json = parseJson(text, "");
    return json.ok && Array.isArray(json.value.data) && json.value.data.length === 0;
  }
  const xml = parseXml(text, "");
  if (!xml.ok || xml.value.uri !== NS.none || xml.value.local !== "rss") return false;
  const channel = child(xml.value, NS.none, "channel");
  return channel !== undefined && children(channel, NS.none, "item").length === 0;
}

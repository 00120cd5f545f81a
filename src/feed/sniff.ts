// Owns telling what a file is by its first characters: JSON, XML (after any XML declaration,
// comments, processing instructions or DOCTYPE), an HTML page, or text. A file saved as .json or
// .xml that holds neither is named for what it is (an HTML error page, a one-line message such as
// "Rate exceeded.") instead of being read as a pasted page. Pure.

export type Sniffed = "text" | "json" | "xml" | "html";

/** What may stand before an XML document's root: declaration, comments, PIs, DOCTYPE, white space. */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^<>[]|\[[\s\S]*?\])*>)*/i;
const HTML_ROOT = /^<(?:html|head|body|!DOCTYPE\s+html)[\s>]/i;

/** The kind of a dump's text (BOM already removed). */
export function sniff(text: string): Sniffed {
  const head = text.trimStart();
  if (head.startsWith("[") || head.startsWith("{")) return "json";
  if (!head.startsWith("<")) return "text";
  if (HTML_ROOT.test(head)) return "html";
  const prolog = PROLOG.exec(head)?.[0] ?? "";
  const rest = head.slice(prolog.length);
  if (HTML_ROOT.test(rest) || /^<!DOCTYPE\s+html/i.test(head)) return "html";
  if (/^<[A-Za-z_][\w.-]*(?::[\w.-]+)?[\s/>]/.test(rest) || /^<\?xml[\s?]/.test(head)) return "xml";
  return "text";
}

const MAX_SHOWN = 60;

/**
 * Why a file is no feed dump at all, when that can be told before reading it as one: an HTML page
 * (any ending), or a file named .json or .xml that holds plain text. Undefined otherwise.
 */
export function notADump(text: string, file: string, kind: Sniffed): string | undefined {
  if (kind === "html")
    return "this is an HTML page, not a feed dump (a service's error or login page saved in its place?)";
  const ending = /\.(json|xml)$/i.exec(file)?.[1]?.toLowerCase();
  if (kind !== "text" || !ending) return undefined;
  const lines = text.trim().split("\n");
  const first = lines[0]!.trim();
  const shown = JSON.stringify(first.length > MAX_SHOWN ? first.slice(0, MAX_SHOWN - 1) + "…" : first);
  const expected = ending === "json" ? "JSON" : "XML";
  if (!first) return `this file is empty, not a feed dump`;
  if (lines.length === 1)
    return `this is a one-line text, not a feed dump: ${shown} (a service's answer in place of the ${expected} it was asked for?)`;
  return `this file is named .${ending} but holds text, not ${expected}: it starts ${shown}`;
}

// Owns reading an arXiv daily listing (rss.arxiv.org/rss/<category>, RSS 2.0). Each <item> is a
// paper announced that day: `new` and `cross` items are the day's papers, `replace` and
// `replace-cross` items are new versions of papers announced before, kept apart as updates.
import { NS, child, children, lineOf, textOf, type XmlElement } from "../xml.ts";
import { parseArxivRef } from "../arxiv.ts";
import { DumpEntries } from "../entries.ts";
import { Category } from "../schema.ts";
import {
  checkedMeta,
  cleanText,
  dateFromName,
  defaultLabel,
  unwrap,
  type ReadDump,
  type Report,
} from "../dump.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The calendar day an RFC 822 date names, as written (a listing's day is its own time zone's day). */
export function rfc822Day(text: string | undefined): string | undefined {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(text ?? "");
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

/** "arXiv:2501.00663v1 Announce Type: new \nAbstract: …" → its parts. */
function description(text: string): { id?: string | undefined; type?: string | undefined; abstract: string } {
  const head = /^\s*(arXiv:\S+)\s+Announce Type:\s*([a-z-]+)\s*/i.exec(text);
  const rest = head ? text.slice(head[0].length) : text;
  return { id: head?.[1], type: head?.[2]?.toLowerCase(), abstract: rest.replace(/^\s*Abstract:\s*/i, "") };
}

/** dc:creator holds every author in one string: "A, B, C" (older listings: "A, B and C"). */
export function splitAuthors(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+and\s+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The category a listing is for: its channel link's last part (…/rss/cs.LG), else its title's first word. */
function listingCategory(channel: XmlElement, title: string): string | undefined {
  const link = textOf(channel, NS.none, "link")?.trim() ?? "";
  const fromLink = /\/rss\/([^/?#\s]+)\/?$/.exec(link)?.[1];
  const fromTitle = /^(\S+)\s+updates on arXiv/i.exec(title)?.[1];
  return [fromLink, fromTitle].find((c) => c !== undefined && Category.safeParse(c).success);
}

export function readArxivListing(root: XmlElement, file: string, report: Report): ReadDump {
  const channel = child(root, NS.none, "channel");
  const items = channel ? children(channel, NS.none, "item") : [];
  const entries = new DumpEntries(report);
  const updates = new DumpEntries(report);
  for (const item of items) {
    const line = item.line;
    const desc = description(textOf(item, NS.none, "description") ?? "");
    const type = textOf(item, NS.arxiv, "announce_type")?.trim().toLowerCase() ?? desc.type ?? "new";
    const ref = parseArxivRef(
      textOf(item, NS.none, "guid") ?? desc.id ?? textOf(item, NS.none, "link") ?? "",
    );
    if (!ref) report("warning", line, "the item names no arXiv id; the paper is kept without one");
    const title = cleanText(
      unwrap(textOf(item, NS.none, "title") ?? ""),
      lineOf(item, NS.none, "title"),
      "title",
      report,
    );
    const abstract = cleanText(
      unwrap(desc.abstract),
      lineOf(item, NS.none, "description"),
      "abstract",
      report,
    );
    if (!title || !abstract) continue;
    const meta = checkedMeta(
      {
        arxivId: ref?.id,
        version: ref?.version,
        authors: splitAuthors(textOf(item, NS.dc, "creator") ?? ""),
        categories: [...new Set(children(item, NS.none, "category").map((c) => c.text.trim()))],
      },
      line,
      report,
      { authors: lineOf(item, NS.dc, "creator"), categories: lineOf(item, NS.none, "category") },
    );
    (type.startsWith("replace") ? updates : entries).add({ title, abstract, line, meta });
  }
  if (!channel || items.length === 0)
    report("error", root.line, "no papers found: the listing has no <item>", root.column);
  const date =
    dateFromName(file) ??
    rfc822Day(channel && (textOf(channel, NS.none, "pubDate") ?? textOf(channel, NS.none, "lastBuildDate")));
  const title = channel ? unwrap(textOf(channel, NS.none, "title") ?? "") : "";
  return {
    date,
    label: defaultLabel(date, file),
    title: title || undefined,
    source: "arXiv listing",
    category: channel && listingCategory(channel, title),
    entries: entries.list,
    updates: updates.list,
  };
}

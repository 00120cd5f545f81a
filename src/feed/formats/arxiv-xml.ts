// Owns telling XML dumps apart: an arXiv API result is an Atom <feed> that says it answers a query
// (its id under arxiv.org/api, an "ArXiv Query" title, OpenSearch counts); an arXiv daily listing is
// an RSS <rss> whose channel is arXiv's (its link on arxiv.org, items announced with a type). Any
// other RSS 2.0, RSS 1.0 (RDF) or Atom feed is a generic feed of papers. Anything else is an error
// naming what it found.
import { NS, child, children, parseXml, textOf, type XmlElement } from "../xml.ts";
import { basename, type DumpFormat, type ReadDump, type Report } from "../dump.ts";
import { readArxivApi } from "./arxiv-api.ts";
import { readArxivListing } from "./arxiv-listing.ts";
import { readGenericFeed } from "./feed.ts";

/** An Atom feed that answers an arXiv API query. */
function isArxivApi(root: XmlElement): boolean {
  return (
    /arxiv\.org\/api\//i.test(textOf(root, NS.atom, "id") ?? "") ||
    /^\s*arxiv query/i.test(textOf(root, NS.atom, "title") ?? "") ||
    child(root, NS.opensearch, "totalResults") !== undefined
  );
}

/** An RSS feed that is arXiv's own listing of a category. */
function isArxivListing(root: XmlElement): boolean {
  const channel = child(root, NS.none, "channel");
  if (!channel) return true;
  const link = textOf(channel, NS.none, "link") ?? "";
  const items = children(channel, NS.none, "item");
  return (
    /^\s*https?:\/\/(?:rss\.|export\.)?arxiv\.org\//i.test(link) ||
    items.some(
      (i) =>
        child(i, NS.arxiv, "announce_type") ||
        /^\s*arXiv:\S+\s+Announce Type:/i.test(textOf(i, NS.none, "description") ?? ""),
    )
  );
}

export function readArxivXml(text: string, file: string, report: Report): ReadDump & { format: DumpFormat } {
  const xml = parseXml(text, file);
  if (!xml.ok) {
    report("error", xml.error.line, xml.error.message, xml.error.column);
    return { format: "arxiv-api", label: basename(file), entries: [], updates: [] };
  }
  const root = xml.value;
  if (root.uri === NS.atom && root.local === "feed")
    return isArxivApi(root)
      ? { format: "arxiv-api", ...readArxivApi(root, file, report) }
      : { format: "feed", ...readGenericFeed(root, file, report) };
  if (root.uri === NS.none && root.local === "rss")
    return isArxivListing(root)
      ? { format: "arxiv-listing", ...readArxivListing(root, file, report) }
      : { format: "feed", ...readGenericFeed(root, file, report) };
  if (root.local === "RDF" && root.uri === "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    return { format: "feed", ...readGenericFeed(root, file, report) };
  const found = root.uri ? `{${root.uri}}${root.local}` : root.local;
  report(
    "error",
    root.line,
    `an XML dump must be an RSS or Atom feed (an arXiv API result, an arXiv listing, a feed of papers), found <${found}>`,
    root.column,
  );
  return { format: "arxiv-api", label: basename(file), entries: [], updates: [] };
}

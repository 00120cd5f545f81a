// Owns telling the two XML dumps apart by their root element: an arXiv API result is an Atom
// <feed>, a daily listing an RSS <rss>. Anything else is an error naming what it found.
import { NS, parseXml } from "../xml.ts";
import { basename, type DumpFormat, type ReadDump, type Report } from "../dump.ts";
import { readArxivApi } from "./arxiv-api.ts";
import { readArxivListing } from "./arxiv-listing.ts";

export function readArxivXml(text: string, file: string, report: Report): ReadDump & { format: DumpFormat } {
  const xml = parseXml(text, file);
  if (!xml.ok) {
    report("error", xml.diagnostic.line, xml.diagnostic.message, xml.diagnostic.column);
    return { format: "arxiv-api", label: basename(file), entries: [], updates: [] };
  }
  const { root } = xml;
  if (root.uri === NS.atom && root.local === "feed")
    return { format: "arxiv-api", ...readArxivApi(root, file, report) };
  if (root.uri === NS.none && root.local === "rss")
    return { format: "arxiv-listing", ...readArxivListing(root, file, report) };
  const found = root.uri ? `{${root.uri}}${root.local}` : root.local;
  report(
    "error",
    root.line,
    `an XML dump must be an arXiv API result (<feed>) or an arXiv listing (<rss>), found <${found}>`,
    root.column,
  );
  return { format: "arxiv-api", label: basename(file), entries: [], updates: [] };
}

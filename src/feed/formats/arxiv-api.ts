// Owns reading an arXiv API result (export.arxiv.org/api/query, Atom): one paper per <entry>, with
// its id and version, authors, dates, categories (primary first), comment, journal ref and DOI.
// An API error (a feed whose one entry is titled "Error") is an error, not a paper.
import { NS, child, children, lineOf, textOf, type XmlElement } from "../xml.ts";
import { parseArxivRef } from "../arxiv.ts";
import { DumpEntries } from "../entries.ts";
import {
  checkedMeta,
  cleanText,
  dateFromName,
  defaultLabel,
  unwrap,
  type ReadDump,
  type Report,
} from "../dump.ts";

const day = (iso: string | undefined) =>
  iso && /^\s*\d{4}-\d{2}-\d{2}/.test(iso) ? iso.trim().slice(0, 10) : undefined;

function isApiError(entry: XmlElement): boolean {
  return (
    textOf(entry, NS.atom, "title")?.trim() === "Error" &&
    /\/api\/errors/.test(textOf(entry, NS.atom, "id") ?? "")
  );
}

function categories(entry: XmlElement): string[] {
  const primary = child(entry, NS.arxiv, "primary_category")?.attrs.term;
  const all = children(entry, NS.atom, "category").map((c) => c.attrs.term ?? "");
  return [...new Set([primary, ...all].filter((c): c is string => Boolean(c)))];
}

/** The query an answer's self link asks (`search_query=…&start=0&max_results=4`), decoded. */
function queryOf(root: XmlElement): string | undefined {
  const self = children(root, NS.atom, "link").find((l) => l.attrs.rel === "self")?.attrs.href;
  const query = self?.includes("?") ? self.slice(self.indexOf("?") + 1) : undefined;
  if (!query) return undefined;
  try {
    return decodeURIComponent(query.replace(/\+/g, " "));
  } catch {
    return query;
  }
}

export function readArxivApi(root: XmlElement, file: string, report: Report): ReadDump {
  const list = children(root, NS.atom, "entry");
  const entries = new DumpEntries(report);
  for (const entry of list) {
    const line = entry.line;
    if (isApiError(entry)) {
      const why = unwrap(textOf(entry, NS.atom, "summary") ?? "no reason given");
      report("error", line, `the arXiv API answered with an error, not papers: ${why}`, entry.column);
      continue;
    }
    const rawId = textOf(entry, NS.atom, "id") ?? "";
    const ref = parseArxivRef(rawId);
    if (!ref)
      report(
        "warning",
        lineOf(entry, NS.atom, "id"),
        `<id> ${JSON.stringify(rawId.trim())} is not an arXiv id; the paper is kept without one`,
      );
    const at = (uri: string, local: string) => lineOf(entry, uri, local);
    const title = cleanText(
      unwrap(textOf(entry, NS.atom, "title") ?? ""),
      at(NS.atom, "title"),
      "title",
      report,
    );
    const abstract = cleanText(
      unwrap(textOf(entry, NS.atom, "summary") ?? ""),
      at(NS.atom, "summary"),
      "abstract",
      report,
    );
    if (!title || !abstract) continue;
    const meta = checkedMeta(
      {
        arxivId: ref?.id,
        version: ref?.version,
        authors: children(entry, NS.atom, "author").map((a) => unwrap(textOf(a, NS.atom, "name") ?? "")),
        published: day(textOf(entry, NS.atom, "published")),
        updated: day(textOf(entry, NS.atom, "updated")),
        categories: categories(entry),
        comment: unwrap(textOf(entry, NS.arxiv, "comment") ?? ""),
        journalRef: unwrap(textOf(entry, NS.arxiv, "journal_ref") ?? ""),
        doi: textOf(entry, NS.arxiv, "doi")?.trim(),
      },
      line,
      report,
      {
        authors: at(NS.atom, "author"),
        published: at(NS.atom, "published"),
        updated: at(NS.atom, "updated"),
        categories: at(NS.arxiv, "primary_category"),
        comment: at(NS.arxiv, "comment"),
        journalRef: at(NS.arxiv, "journal_ref"),
        doi: at(NS.arxiv, "doi"),
      },
    );
    entries.add({ title, abstract, line, meta });
  }
  if (list.length === 0)
    report("error", root.line, "no papers found: the arXiv API result has no <entry>", root.column);
  const date = dateFromName(file) ?? day(textOf(root, NS.atom, "updated"));
  const query = unwrap(textOf(root, NS.atom, "title") ?? "");
  return {
    query:
      queryOf(root) ||
      query ||
      entries.list
        .map((e) => e.meta.arxivId ?? e.title)
        .sort()
        .join(" "),
    date,
    label: defaultLabel(date, file),
    title: "arXiv",
    source: query || "arXiv API",
    entries: entries.list,
    updates: [],
  };
}

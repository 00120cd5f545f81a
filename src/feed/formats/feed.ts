// Owns reading generic RSS and Atom feeds of papers: a third-party daily-papers feed, a journal's
// table of contents (RSS 2.0, RSS 1.0/RDF with Dublin Core and PRISM, Atom). The digest takes the
// feed's own title. An arXiv id comes from an item's link, guid or id that holds one (`/abs/ID`,
// `/pdf/ID`, `/p/ID`, `arxiv/ID`, `arXiv:ID`), a DOI likewise (doi.org links, `doi:` ids,
// prism:doi, dc:identifier); authors from dc:creator, RSS author or Atom <author>. Descriptions are
// HTML as often as text: they are parsed as HTML and only their text is kept.
import { fromHtmlIsomorphic } from "hast-util-from-html-isomorphic";
import { toText } from "hast-util-to-text";
import { NS, child, children, lineOf, textOf, type XmlElement } from "../xml.ts";
import { parseArxivRef } from "../arxiv.ts";
import { DumpEntries } from "../entries.ts";
import { quote } from "../../common/text.ts";
import {
  checkedMeta,
  cleanText,
  dateFromName,
  defaultLabel,
  unwrap,
  type ReadDump,
  type Report,
} from "../dump.ts";
import { rfc822Day, splitAuthors } from "./arxiv-listing.ts";

const RSS1 = "http://purl.org/rss/1.0/";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const PRISM = "http://prismstandard.org/namespaces/basic/2.0/";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";

/** The ways a feed names a paper on arXiv: abs, pdf, papers.cool's /arxiv/ID, /p/ID, arXiv:ID. */
const ARXIV_IN =
  /(?:arxiv\.org\/(?:abs|pdf)\/|\/arxiv\/|\/p\/|\/abs\/|\/pdf\/|\barxiv:)(\d{4}\.\d{4,5}(?:v\d+)?)(?![\d])/i;
const DOI_IN = /\b(10\.\d{4,9}\/[^\s"<>]+?)(?=[.,;)]?(?:\s|$))/;

const CITATION_LINE = /^\s*[^.;]{0,120}Published online:[^;]{0,40};\s*doi:\s*\S+\s*/i;

/** An element's text with its children's, for XHTML content and RDF's nested values. */
function deepText(el: XmlElement): string {
  return el.text + el.children.map(deepText).join(" ");
}

/** HTML (or plain text) as the words a reader sees. */
function htmlText(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return toText(fromHtmlIsomorphic(text, { fragment: true }), { whitespace: "normal" });
}

/** One item, whatever the dialect: where its fields stand. */
interface Item {
  el: XmlElement;
  /** the namespace of its plain fields: RSS 2.0 none, RSS 1.0 its own, Atom Atom's */
  ns: string;
}

function field(item: Item, local: string): XmlElement | undefined {
  return child(item.el, item.ns, local);
}

function abstractOf(item: Item): { text: string; line: number } {
  const el =
    child(item.el, CONTENT, "encoded") ??
    field(item, "description") ??
    field(item, "summary") ??
    field(item, "content") ??
    child(item.el, NS.dc, "description");
  if (!el) return { text: "", line: item.el.line };
  const raw = el.children.length ? deepText(el) : el.text;
  // a journal's table of contents opens with the citation: "Nature, Published online: 12 March 2025; doi:…"
  return { text: htmlText(raw).replace(CITATION_LINE, ""), line: el.line };
}

/** Every place an item may name itself: links, guid, id, identifiers. */
function references(item: Item): string[] {
  const links = [
    ...children(item.el, item.ns, "link").map((l) => l.attrs.href ?? l.text),
    ...children(item.el, NS.atom, "link").map((l) => l.attrs.href ?? ""),
  ];
  return [
    ...links,
    field(item, "guid")?.text ?? "",
    field(item, "id")?.text ?? "",
    item.el.attrs.about ?? "",
    ...children(item.el, NS.dc, "identifier").map((e) => e.text),
    child(item.el, PRISM, "doi")?.text ?? "",
  ].map((s) => s.trim());
}

function arxivOf(refs: string[]) {
  for (const r of refs) {
    const direct = parseArxivRef(r);
    if (direct) return direct;
    const m = ARXIV_IN.exec(r);
    if (m) return parseArxivRef(m[1]!);
  }
  return undefined;
}

function doiOf(refs: string[]): string | undefined {
  for (const r of refs) {
    const m = DOI_IN.exec(r.replace(/^doi:\s*/i, ""));
    if (m) return decodeURIComponent(m[1]!);
  }
  return undefined;
}

function authorsOf(item: Item): string[] {
  const dc = children(item.el, NS.dc, "creator").map((e) => e.text);
  if (dc.length) return dc.length === 1 ? splitAuthors(dc[0]!) : dc.map((a) => a.trim());
  const atom = children(item.el, NS.atom, "author").map((a) => textOf(a, NS.atom, "name") ?? "");
  if (atom.some(Boolean)) return atom;
  // RSS 2.0: "ana@example.org (Ana Chimera)", or a name alone
  const rss = children(item.el, NS.none, "author").map((a) => /\(([^)]+)\)/.exec(a.text)?.[1] ?? a.text);
  return rss.flatMap(splitAuthors);
}

/** The items and feed-level element of each dialect. */
function dialect(root: XmlElement): { channel: XmlElement; items: Item[] } {
  if (root.uri === NS.atom)
    return { channel: root, items: children(root, NS.atom, "entry").map((el) => ({ el, ns: NS.atom })) };
  if (root.uri === RDF) {
    const channel = child(root, RSS1, "channel") ?? root;
    return { channel, items: children(root, RSS1, "item").map((el) => ({ el, ns: RSS1 })) };
  }
  const channel = child(root, NS.none, "channel") ?? root;
  return { channel, items: children(channel, NS.none, "item").map((el) => ({ el, ns: NS.none })) };
}

/** The feed's own day: its pubDate, lastBuildDate, dc:date or Atom updated. */
function feedDay(channel: XmlElement): string | undefined {
  const text =
    textOf(channel, NS.none, "pubDate") ??
    textOf(channel, NS.none, "lastBuildDate") ??
    textOf(channel, NS.dc, "date") ??
    textOf(channel, NS.atom, "updated");
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(text ?? "")?.[1];
  return iso ?? rfc822Day(text);
}

export function readGenericFeed(root: XmlElement, file: string, report: Report): ReadDump {
  const { channel, items } = dialect(root);
  const ns = root.uri === NS.atom ? NS.atom : root.uri === RDF ? RSS1 : NS.none;
  const feedTitle = unwrap(htmlText(textOf(channel, ns, "title") ?? "")) || "a feed";
  const home = (textOf(channel, ns, "link") ?? child(channel, NS.atom, "link")?.attrs.href ?? "").trim();
  const entries = new DumpEntries(report);
  for (const item of items) {
    const titleEl = field(item, "title");
    const title = cleanText(
      unwrap(htmlText(titleEl ? deepText(titleEl) : "")),
      titleEl?.line ?? item.el.line,
      "title",
      report,
    );
    if (!title) continue;
    const abstract = abstractOf(item);
    const text = unwrap(abstract.text);
    if (!text) {
      report(
        "warning",
        item.el.line,
        `${quote(title, 60)} has no abstract (no description, summary or content); left out`,
      );
      continue;
    }
    const cleaned = cleanText(text, abstract.line, "abstract", report);
    if (!cleaned) continue;
    const refs = references(item);
    const ref = arxivOf(refs);
    const meta = checkedMeta(
      { arxivId: ref?.id, version: ref?.version, authors: authorsOf(item), doi: doiOf(refs) },
      item.el.line,
      report,
      { authors: lineOf(item.el, NS.dc, "creator") },
    );
    entries.add({ title, abstract: cleaned, line: titleEl?.line ?? item.el.line, meta });
  }
  if (entries.list.length === 0)
    report(
      "error",
      root.line,
      `no papers found: the feed ${quote(feedTitle, 60)} has no item with a title and an abstract`,
      root.column,
    );
  const date = dateFromName(file) ?? feedDay(channel);
  return {
    date,
    label: defaultLabel(date, file),
    title: feedTitle,
    source: home || feedTitle,
    entries: entries.list,
    updates: [],
  };
}

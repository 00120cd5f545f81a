// Owns reading XML dumps into a small element tree that remembers where each element starts.
// saxes is a maintained, conformant XML parser: no regular expressions, no DTD or external
// entities (nothing in a dump can make the parser read a file or the network).
import { SaxesParser } from "saxes";
import type { Diagnostic } from "../common/diagnostics.ts";
import { fail, ok, type Result } from "../common/result.ts";

export interface XmlElement {
  /** namespace URI ("" when none) and local name */
  uri: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** the element's own text and CDATA, children's text excluded */
  text: string;
  /** where its start tag begins, 1-based */
  line: number;
  column: number;
}

export const NS = {
  atom: "http://www.w3.org/2005/Atom",
  arxiv: "http://arxiv.org/schemas/atom",
  opensearch: "http://a9.com/-/spec/opensearch/1.1/",
  dc: "http://purl.org/dc/elements/1.1/",
  none: "",
} as const;

export function parseXml(text: string, file: string): Result<XmlElement> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Diagnostic | undefined;
  let start = { line: 1, column: 1 };
  parser.on("opentagstart", (tag) => {
    // the parser has read "<", the name and the character after it: the tag starts that far back
    start = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.local] = a.value;
    const el: XmlElement = { uri: tag.uri, local: tag.local, attrs, children: [], text: "", ...start };
    stack.at(-1)?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  const addText = (t: string) => {
    const el = stack.at(-1);
    if (el) el.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("error", (err) => {
    // saxes says "LINE:COLUMN: what" (COLUMN 0-based); the place goes into the diagnostic
    const m = /(\d+):(\d+):\s*(.*)$/s.exec(err.message);
    const [line, column, what] = m
      ? [Number(m[1]), Number(m[2]) + 1, m[3]!]
      : [parser.line, parser.column + 1, err.message];
    failure ??= {
      file,
      line,
      column,
      severity: "error",
      message: `not well-formed XML: ${what.replace(/\.$/, "")}`,
    };
  });
  parser.write(text).close();
  if (failure) return fail(failure);
  if (!root) return fail({ file, line: 1, severity: "error", message: "not XML: no root element" });
  return ok(root);
}

export function children(el: XmlElement, uri: string, local: string): XmlElement[] {
  return el.children.filter((c) => c.uri === uri && c.local === local);
}

export function child(el: XmlElement, uri: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.uri === uri && c.local === local);
}

/** A child's text, or undefined when the child is missing. */
export function textOf(el: XmlElement, uri: string, local: string): string | undefined {
  return child(el, uri, local)?.text;
}

/** The line a child element starts on, for warnings about its value; the parent's when there is none. */
export function lineOf(el: XmlElement, uri: string, local: string): number {
  return child(el, uri, local)?.line ?? el.line;
}

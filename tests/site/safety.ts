// What a page built from untrusted text may contain: only elements and attributes of our own.
import path from "node:path";
import { files, parseHtml, walk } from "./check-site.ts";

/** Elements the templates, the abstract renderer and KaTeX produce; anything else came from a feed. */
const ALLOWED = new Set(
  (
    "html head body meta title link script style main header footer nav section article aside div span p a ul ol li h1 h2 h3 " +
    "form label input button kbd code table thead tbody tr th td svg text tspan rect g noscript mark details summary " +
    "strong em blockquote pre hr br del " + // Markdown of topic descriptions and editorial notes, written by maintainers
    "math semantics mrow mi mo mn msup msub msubsup mfrac msqrt mroot mtext mspace mstyle mover munder munderover mpadded mtable mtr mtd menclose annotation"
  ).split(" "),
);

const URL_ATTRS = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "srcset",
  "cite",
  "background",
]);

export function unsafeMarkup(dir: string): string[] {
  const problems: string[] = [];
  for (const file of files(dir, ".html")) {
    const where = path.relative(dir, file);
    walk(parseHtml(file), (n) => {
      if (n.nodeName.startsWith("#")) return;
      if (!ALLOWED.has(n.nodeName)) problems.push(`${where}: <${n.nodeName}>`);
      for (const a of n.attrs ?? []) {
        if (/^on/i.test(a.name)) problems.push(`${where}: <${n.nodeName} ${a.name}>`);
        if (URL_ATTRS.has(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value))
          problems.push(`${where}: <${n.nodeName} ${a.name}="${a.value}">`);
      }
      if (n.nodeName === "script") {
        const attrs = Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value]));
        const ours =
          attrs.type === "application/ld+json" ||
          (attrs.type === "module" &&
            /^\/(?:[\w-]+\/)*assets\/(?:search|saved)-[0-9a-f]{10}\.js$/.test(attrs.src ?? ""));
        if (!ours) problems.push(`${where}: <script ${JSON.stringify(attrs)}>`);
      }
    });
  }
  return problems;
}

/** The visible text of a page, with white space folded. */
export function pageText(file: string): string {
  const parts: string[] = [];
  walk(parseHtml(file), (n) => {
    if (n.nodeName === "#text" && n.value) parts.push(n.value);
  });
  return parts.join(" ").replace(/\s+/g, " ");
}

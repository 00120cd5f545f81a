// Owns turning an abstract (plain text) into safe HTML: text nodes, links and KaTeX math only.
import { unified } from "unified";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { toHtml } from "hast-util-to-html";
import type { Root as MdRoot, PhrasingContent } from "mdast";
import { splitMath } from "./math.ts";
import { formulaHtml, formulaKey, rehypeFormulas, type Formulas } from "./formula.ts";
import { findUrls } from "../feed/links.ts";

export interface RenderedAbstract {
  html: string;
  hasMath: boolean;
  /** formulas KaTeX could not parse, kept as raw text */
  failedMath: string[];
}

/** The sanitiser allows what this module builds and nothing else a feed could smuggle in. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: ["p", "a", "code", "span", "div"],
  attributes: {
    a: ["href", "rel"],
    code: [["className", "language-math", "math-inline", "math-display"]],
  },
  protocols: { href: ["http", "https"] },
  clobberPrefix: "",
};

const processor = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeFormulas)
  // raw HTML here is only the formulas' (the sanitiser before them leaves none from the feed)
  .use(rehypeStringify, { allowDangerousHtml: true });

function mathNode(tex: string, display: boolean): PhrasingContent {
  // remark-math's node shape, so remark-rehype turns it into the code element `rehypeFormulas` renders
  return {
    type: "inlineCode",
    value: tex,
    data: {
      hName: "code",
      hProperties: { className: ["language-math", display ? "math-display" : "math-inline"] },
      hChildren: [{ type: "text", value: tex }],
    },
  };
}

function textWithLinks(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const u of findUrls(text)) {
    if (u.start > last) out.push({ type: "text", value: text.slice(last, u.start) });
    const href = u.url;
    out.push({
      type: "link",
      url: href,
      data: { hProperties: { rel: ["noopener", "nofollow"] } },
      children: [{ type: "text", value: u.url }],
    });
    last = u.end;
  }
  if (last < text.length) out.push({ type: "text", value: text.slice(last) });
  return out;
}

export function renderAbstract(abstract: string): RenderedAbstract {
  const children: PhrasingContent[] = [];
  const failedMath: string[] = [];
  // each formula's HTML, made here once to know KaTeX can render it, and put in place by the pipeline
  const formulas: Formulas = new Map();
  let hasMath = false;
  for (const seg of splitMath(abstract)) {
    if (seg.kind === "text") {
      children.push(...textWithLinks(seg.value));
      continue;
    }
    const html = formulaHtml(seg.value, seg.display);
    if (html === undefined) {
      failedMath.push(seg.raw);
      children.push({ type: "text", value: seg.raw });
      continue;
    }
    hasMath = true;
    formulas.set(formulaKey(seg.value, seg.display), html);
    children.push(mathNode(seg.value, seg.display));
  }
  // Prose alone (no link, no formula) needs neither the pipeline nor the sanitiser: its HTML is
  // one paragraph of escaped text, from the stringifier rehype-stringify itself uses. At 10,000
  // abstracts that is 0.05 s instead of 0.7 s, and byte for byte the same (a test checks).
  if (children.every((c) => c.type === "text")) {
    const text = children.map((c) => (c.type === "text" ? c.value : "")).join("");
    return {
      html: toHtml({
        type: "element",
        tagName: "p",
        properties: {},
        children: [{ type: "text", value: text }],
      }),
      hasMath,
      failedMath,
    };
  }
  return { html: pipelineHtml(children, formulas), hasMath, failedMath };
}

/**
 * A paragraph through the whole pipeline: remark-rehype, the sanitiser, the formulas (`formulas`
 * holds their HTML when the caller has made it already), the stringifier.
 */
export function pipelineHtml(children: PhrasingContent[], formulas: Formulas = new Map()): string {
  const tree: MdRoot = { type: "root", children: [{ type: "paragraph", children }] };
  return processor.stringify(processor.runSync(tree, { data: { formulas } }));
}

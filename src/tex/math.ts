// Owns finding LaTeX in feed text: \( \), \[ \], $ $, $$ $$, and the options KaTeX renders it with.

export type Segment =
  { kind: "text"; value: string } | { kind: "math"; value: string; display: boolean; raw: string };

/**
 * `$` counts as a delimiter only in the TeX way: no space just inside it and no digit right after
 * the closing one, so "costs $5 and $10" stays prose.
 */
const MATH =
  /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|(?<!\\)\$\$([^$]+?)\$\$|(?<!\\)\$(?![\s$])([^$\n]{1,400}?)(?<![\s\\])\$(?!\d)/g;

export function splitMath(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    const tex = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (!tex) continue;
    if (m.index > last) out.push({ kind: "text", value: text.slice(last, m.index) });
    out.push({ kind: "math", value: tex, display: m[2] !== undefined || m[3] !== undefined, raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", value: text.slice(last) });
  return out;
}

export const KATEX_OPTIONS = {
  strict: "ignore",
  trust: false,
  maxSize: 20,
  maxExpand: 200,
  output: "htmlAndMathml",
} as const;

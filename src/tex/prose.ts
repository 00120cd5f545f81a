// Owns LaTeX text commands in feed prose (`94.5\%`, `\emph{…}`, `\url{…}`, `--`, ``quotes''):
// read into a small tree of text, emphasis, strong, code, links and math, which the abstract's
// HTML, plain text and BibTeX are made from. Math is found by `splitMath` and kept whole.
import { splitMath, type Segment } from "./math.ts";
import { isWebUrl } from "../common/urls.ts";
import { ACCENTS, STYLED, SWITCHED, WORDS } from "./commands.ts";

type MathSegment = Extract<Segment, { kind: "math" }>;

export type Prose =
  | { type: "text"; value: string }
  | { type: "math"; seg: MathSegment }
  | { type: "emphasis" | "strong" | "code"; children: Prose[] }
  | { type: "link"; url: string; children: Prose[] };

/** Old-style switches inside a group: `{\em text}`, `{\bf text}`. */
const SWITCH = /\\(em|it|sl|bf|tt|itshape|slshape|bfseries|ttfamily)(?![A-Za-z])\s*/y;
const PLAIN = /[^\\{}~`'\-h]*/y;
const URL_AT = /https?:\/\/[^\s<>"'`{}|\\^]+/iy;
const NAME = /[A-Za-z]+/y;
/** What makes a text worth reading as TeX: without one of these it is taken as it is. */
const TEXISH = /[\\~`{]|--|''/;
/**
 * How deep groups and arguments nest before a `{` is read as a plain brace: the reader recurses,
 * and 5,000 nested braces in a hostile abstract overflowed the stack. Real prose nests 2 or 3.
 */
const MAX_DEPTH = 64;

/** Feed prose as a tree: text commands read, formulas kept as math, everything else text. */
export function parseProse(text: string): Prose[] {
  const segs = splitMath(text);
  if (!TEXISH.test(text)) {
    return segs.map((s) => (s.kind === "text" ? { type: "text", value: s.value } : { type: "math", seg: s }));
  }
  // where each formula starts in the text, so the reader below steps over it whole
  const math = new Map<number, MathSegment>();
  let at = 0;
  for (const s of segs) {
    if (s.kind === "math") math.set(at, s);
    at += s.kind === "math" ? s.raw.length : s.value.length;
  }
  return new Reader(text, math).sequence(false);
}

class Reader {
  pos = 0;
  /** a `‘ was written and its ' not yet */
  quote = false;
  /** where formulas start, in order, and the first one not behind the reader */
  readonly starts: number[];
  mathAt = 0;
  /** groups and arguments open around the reader */
  depth = 0;
  constructor(
    readonly s: string,
    readonly math: Map<number, MathSegment>,
  ) {
    this.starts = [...math.keys()];
  }

  /** Where the next formula at or after the reader starts (the text's length when none is left). */
  nextMath(): number {
    while (this.mathAt < this.starts.length && this.starts[this.mathAt]! < this.pos) this.mathAt++;
    return this.starts[this.mathAt] ?? this.s.length;
  }

  /** Nodes up to the end, or (`inGroup`) up to the `}` that closes the group, which is left to the caller. */
  sequence(inGroup: boolean): Prose[] {
    const out: Prose[] = [];
    let buf = "";
    const flush = () => {
      if (buf) out.push({ type: "text", value: buf });
      buf = "";
    };
    const { s } = this;
    while (this.pos < s.length) {
      // plain text up to the next character that may mean something, or the next formula
      PLAIN.lastIndex = this.pos;
      PLAIN.test(s);
      const stop = Math.min(PLAIN.lastIndex, this.nextMath());
      if (stop > this.pos) {
        buf += s.slice(this.pos, stop);
        this.pos = stop;
        if (stop >= s.length) break;
      }
      const seg = this.math.get(this.pos);
      if (seg) {
        flush();
        out.push({ type: "math", seg });
        this.pos += seg.raw.length;
        continue;
      }
      const c = s[this.pos]!;
      if (c === "}" && inGroup) break;
      if (c === "h" && !/[A-Za-z]/.test(s[this.pos - 1] ?? "")) {
        URL_AT.lastIndex = this.pos;
        const url = URL_AT.exec(s)?.[0];
        if (url) {
          // a URL as written: its `~`, `--` and `_` are not TeX
          buf += url;
          this.pos += url.length;
          continue;
        }
      }
      if (c === "\\") {
        const node = this.command();
        if (typeof node === "string") buf += node;
        else {
          flush();
          out.push(...node);
        }
        continue;
      }
      if (c === "{") {
        flush();
        out.push(...this.group());
        continue;
      }
      // a tie joins two words ("Fig.~3", "model~\\cite"); a "~" after a space or before one is the
      // "about" of plain text ("reaches ~2x", "~100 tokens") and stays as written
      const tie = c === "~" && /\S/.test(s[this.pos - 1] ?? " ") && /\S/.test(s[this.pos + 1] ?? " ");
      const lig = "-`'".includes(c) || tie ? LIGATURES.exec(s.slice(this.pos, this.pos + 3)) : null;
      if (c === "'" && this.quote && !/[A-Za-z]/.test(s[this.pos + 1] ?? "")) {
        buf += "’";
        this.quote = false;
        this.pos++;
        continue;
      }
      if (lig) {
        if (lig[0] === "`") this.quote = true;
        buf += LIGATURE[lig[0]]!;
        this.pos += lig[0].length;
        continue;
      }
      buf += c;
      this.pos++;
    }
    flush();
    return merged(out);
  }

  /** A `{…}` group: a style switch inside makes it styled; braces of any other group are kept. */
  group(): Prose[] {
    this.pos++;
    if (this.depth >= MAX_DEPTH) return [{ type: "text", value: "{" }];
    SWITCH.lastIndex = this.pos;
    const sw = SWITCH.exec(this.s);
    if (sw) this.pos = SWITCH.lastIndex;
    const children = this.nested();
    const closed = this.s[this.pos] === "}";
    if (closed) this.pos++;
    if (sw) return [{ type: SWITCHED[sw[1]!]!, children }];
    return [
      { type: "text", value: "{" },
      ...children,
      ...(closed ? [{ type: "text", value: "}" } as const] : []),
    ];
  }

  /** The argument `{…}` of a command as text nodes, or undefined when none follows. */
  argument(): Prose[] | undefined {
    const start = this.pos;
    while (this.s[this.pos] === " ") this.pos++;
    if (this.s[this.pos] !== "{" || this.depth >= MAX_DEPTH) {
      this.pos = start;
      return undefined;
    }
    this.pos++;
    const children = this.nested();
    if (this.s[this.pos] === "}") this.pos++;
    return children;
  }

  /** The nodes of a group or an argument, one level deeper. */
  nested(): Prose[] {
    this.depth++;
    const children = this.sequence(true);
    this.depth--;
    return children;
  }

  /** The argument of `\url` and `\href`'s first: read as written, TeX's escapes undone. */
  verbatim(): string | undefined {
    if (this.s[this.pos] !== "{") return undefined;
    const end = this.s.indexOf("}", this.pos);
    if (end < 0) return undefined;
    const raw = this.s.slice(this.pos + 1, end);
    this.pos = end + 1;
    return raw.replace(/\\([%#&_~$])/g, "$1").trim();
  }

  /** A command at `\`: its text, or nodes for a styled argument or a link. */
  command(): string | Prose[] {
    const { s } = this;
    const start = this.pos;
    const next = s[start + 1] ?? "";
    if ("%&#_${}".includes(next) && next) {
      this.pos += 2;
      return next;
    }
    if (next === "\\" || next === " " || next === "," || next === ";" || next === ":") {
      this.pos += 2;
      return " ";
    }
    if (next === "!" || next === "/" || next === "-") {
      this.pos += 2;
      return "";
    }
    NAME.lastIndex = start + 1;
    const name = next in ACCENTS && !/[A-Za-z]/.test(next) ? next : NAME.exec(s)?.[0];
    if (!name) {
      this.pos++;
      return "\\";
    }
    this.pos = start + 1 + name.length;
    const accent = ACCENTS[name];
    if (accent !== undefined) {
      const base = this.accentBase();
      if (base !== undefined) return (base + accent).normalize("NFC");
    }
    if (name === "url" || name === "href") {
      const link = this.link(name);
      if (link) return link;
    }
    const style = STYLED[name];
    if (style) {
      const children = this.argument();
      if (children) return style === "plain" ? children : [{ type: style, children }];
    }
    const word = WORDS[name];
    if (word !== undefined) {
      if (s.startsWith("{}", this.pos)) this.pos += 2;
      return word;
    }
    // an unknown command stays as written, so nothing is lost
    this.pos = start + 1 + name.length;
    return s.slice(start, this.pos);
  }

  /** The letter an accent sits on: `\"o`, `\"{o}`, `\c c`; undefined when there is none. */
  accentBase(): string | undefined {
    const m = /^(?:\{(\\?[A-Za-z])\}|\s?([A-Za-z]))/.exec(this.s.slice(this.pos, this.pos + 4));
    if (!m) return undefined;
    this.pos += m[0].length;
    const letter = m[1] ?? m[2]!;
    return letter === "\\i" ? "i" : letter === "\\j" ? "j" : letter;
  }

  link(name: string): Prose[] | undefined {
    const start = this.pos;
    const url = this.verbatim();
    if (url === undefined) return undefined;
    const children = name === "href" ? this.argument() : [{ type: "text" as const, value: url }];
    if (!children) {
      this.pos = start;
      return undefined;
    }
    // only a web address is a link: `\href{javascript:…}{…}` is its words
    return isWebUrl(url) ? [{ type: "link", url, children }] : children;
  }
}

/** Neighbouring text nodes as one. */
function merged(nodes: Prose[]): Prose[] {
  const out: Prose[] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    if (n.type === "text" && last?.type === "text")
      out[out.length - 1] = { type: "text", value: last.value + n.value };
    else out.push(n);
  }
  return out;
}

/** TeX's ligatures and tie: `---` em dash, `--` en dash, ``quotes'', `~` a space that does not break. */
const LIGATURES = /^(?:---|--|``|''|`|~)/;
const LIGATURE: Record<string, string> = {
  "---": "—",
  "--": "–",
  "``": "“",
  "''": "”",
  "`": "‘",
  "~": "\u00a0",
};

/** The tree's words, each formula written by `math`; with `addresses`, each link as its URL. */
export function proseToText(nodes: Prose[], math: (seg: MathSegment) => string, addresses = false): string {
  let out = "";
  for (const n of nodes) {
    if (n.type === "text") out += n.value;
    else if (n.type === "math") out += math(n.seg);
    else if (n.type === "link" && addresses) out += ` ${n.url} `;
    else out += proseToText(n.children, math, addresses);
  }
  return out;
}

/** Feed prose with `\url{…}` and `\href{…}{…}` written as their addresses, TeX's escapes undone: where its links are found. */
export function proseUrls(text: string): string {
  return proseToText(parseProse(text), (seg) => seg.raw, true);
}

/** Feed prose with its text commands read and its formulas as written (search terms, Atom). */
export function proseText(text: string): string {
  return proseToText(parseProse(text), (seg) => seg.raw);
}

// Whole-site checks shared by tests: list files, parse HTML, resolve internal links, validate.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { parse, parseFragment } from "parse5";
import { HtmlValidate, FileSystemConfigLoader } from "html-validate";
import { XMLValidator } from "fast-xml-parser";
import { createHash } from "node:crypto";
import { ROOT } from "../helpers.ts";

type Node = {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
  content?: Node;
};

export function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ending))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function walk(node: Node, fn: (n: Node) => void) {
  fn(node);
  for (const c of node.childNodes ?? []) walk(c, fn);
  if (node.content) walk(node.content, fn);
}

export function parseHtml(file: string): Node {
  return parse(readFileSync(file, "utf8"));
}

/** The links of a page as a reader meets them: rel, href and the text shown (entities decoded). */
export function linksOf(file: string): { rel: string; href: string; text: string }[] {
  const links: { rel: string; href: string; text: string }[] = [];
  walk(parseHtml(file), (n) => {
    if (n.nodeName !== "a") return;
    const attr = (name: string) => n.attrs?.find((a) => a.name === name)?.value ?? "";
    let text = "";
    walk(n, (c) => {
      if (c.nodeName === "#text") text += c.value ?? "";
    });
    links.push({ rel: attr("rel"), href: attr("href"), text: text.replace(/\s+/g, " ").trim() });
  });
  return links;
}

const URL_ATTRS = new Set(["href", "src", "action"]);

/** Every href/src/action of every page: [page, url]. */
export function urlsOf(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const file of files(dir, ".html")) {
    walk(parseHtml(file), (n) => {
      for (const a of n.attrs ?? []) if (URL_ATTRS.has(a.name)) out.push([file, a.value]);
    });
  }
  return out;
}

/** Internal URLs that point at no file of the built site (base path stripped first). */
export function brokenLinks(dir: string, base = "/"): string[] {
  const broken: string[] = [];
  for (const [file, url] of urlsOf(dir)) {
    if (/^(https?:|mailto:|#)/.test(url)) continue;
    const u = new URL(url, "http://site" + base + path.relative(dir, file).replace(/index\.html$/, ""));
    if (!u.pathname.startsWith(base)) {
      broken.push(`${path.relative(dir, file)}: ${url} (outside ${base})`);
      continue;
    }
    let target = path.join(dir, decodeURIComponent(u.pathname.slice(base.length)));
    if (existsSync(target) && statSync(target).isDirectory()) target = path.join(target, "index.html");
    if (!existsSync(target)) broken.push(`${path.relative(dir, file)}: ${url}`);
  }
  return broken;
}

/** html-validate's errors on every page, or on the pages `only` keeps (a path relative to `dir`). */
export async function validateHtml(dir: string, only?: (page: string) => boolean): Promise<string[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: string[] = [];
  for (const file of files(dir, ".html")) {
    if (only && !only(path.relative(dir, file))) continue;
    const report = await validator.validateString(readFileSync(file, "utf8"), path.join(ROOT, "page.html"));
    for (const r of report.results)
      for (const m of r.messages)
        problems.push(`${path.relative(dir, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return problems;
}

export function invalidXml(dir: string): string[] {
  return files(dir, ".xml").flatMap((f) => {
    const r = XMLValidator.validate(readFileSync(f, "utf8"));
    return r === true ? [] : [`${path.relative(dir, f)}: ${r.err.msg} at ${r.err.line}`];
  });
}

/** One hash over every file's path and bytes: equal means byte-identical output. */
export function treeHash(dir: string): string {
  const h = createHash("sha256");
  for (const f of files(dir, ""))
    h.update(path.relative(dir, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

/** The text an HTML fragment shows: its character references decoded by a real HTML parser. */
export function decodeHtml(fragment: string): string {
  let text = "";
  walk(parseFragment(fragment), (n) => {
    if (n.nodeName === "#text") text += n.value ?? "";
  });
  return text;
}

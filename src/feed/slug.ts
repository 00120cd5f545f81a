// Owns URL slugs and ids: ASCII, transliterated, short, unique and stable as dumps are added.
import { hash } from "../common/hash.ts";
import { titleKey } from "../common/text.ts";

const SPECIAL: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  đ: "d",
  Đ: "d",
  ł: "l",
  Ł: "l",
  þ: "th",
  Þ: "th",
  ð: "d",
  ı: "i",
  "&": " and ",
  "+": " plus ",
  "@": " at ",
  α: "alpha",
  β: "beta",
  γ: "gamma",
  δ: "delta",
  ε: "epsilon",
  λ: "lambda",
  μ: "mu",
  π: "pi",
  σ: "sigma",
  ω: "omega",
};

export const SLUG_MAX = 80;

export function slugify(title: string, max = SLUG_MAX): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{ASCII}]|[&+@]/gu, (ch) => SPECIAL[ch] ?? " ")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= max) return ascii || "paper";
  const cut = ascii.slice(0, max + 1);
  const atWord = cut.lastIndexOf("-");
  return (atWord > 0 ? cut.slice(0, atWord) : ascii.slice(0, max)).replace(/-+$/, "");
}

/** The id of a paper: the same normalised title gives the same id in every dump. */
export function paperId(title: string, variant?: number): string {
  const base = hash(titleKey(title));
  return variant && variant > 1 ? `${base}-${variant}` : base;
}

/**
 * Gives each id a unique slug. Ids are taken in first-seen order, so a paper keeps its slug when
 * later dumps add papers; a clash gets a suffix from the id's hash, never a counter, so the
 * suffix does not depend on which other papers exist.
 */
export function assignSlugs(items: { id: string; title: string }[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const { id, title } of items) {
    let slug = slugify(title);
    if (taken.has(slug)) slug = `${slugify(title, SLUG_MAX - 7)}-${hash(id, 6)}`;
    while (taken.has(slug)) slug = `${slug}-${hash(slug, 4)}`;
    taken.add(slug);
    slugs.set(id, slug);
  }
  return slugs;
}

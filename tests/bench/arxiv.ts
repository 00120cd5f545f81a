// Deterministic arXiv-shaped dumps: daily listings in rss.arxiv.org's shape (see
// tests/fixtures/feeds/arxiv-listing-cs.LG.rss.xml), 400 papers a file, one weekday apart. Each
// paper has an arXiv id of its day's month, 2–9 authors, 1–3 categories (the listing's own first
// for `new` items, after another for `cross` ones), a title from a word-bigram model of the shipped
// dump's titles (no two alike) and an abstract of 6–12 of the shipped dump's sentences.
import { XMLBuilder } from "fast-xml-parser";
import { chain, model, rng, shippedPapers } from "./synthetic.ts";

export const PAPERS_PER_LISTING = 400;
/** The busy categories the listings rotate over, and others papers are cross-listed in. */
const LISTED = ["cs.LG", "cs.CL", "cs.CV"];
const OTHERS = "cs.AI stat.ML cs.NE cs.IR math.OC cs.RO eess.SP cs.DC cs.CR eess.AS".split(" ");
const FIRST = (
  "Wei Anna Jun Maria David Yuki Ahmed Sofia Li Pierre Priya Tomás Hannah Chen Olga Kwame Lucas" +
  " Mei Ravi Elena Jonas Fatima Hiroshi Ines Mohammed Sara Daniel Xin Laura Arjun Nora Felix Yan" +
  " Zainab"
).split(" ");
const LAST = (
  "Zhang Müller Wang Garcia Kim Nguyen Rossi Smith Kumar Sato Ivanova Okafor Dubois Liu Silva" +
  " Novak Chen Haddad Jensen Tanaka Schmidt Park Costa Ali Brown Yamamoto Fischer Li Martin Singh" +
  " O'Brien Kowalski Huang Lopez Bauer Zhao Petrov Andersson Mehta Wright"
).split(" ");

const DAY = 86_400_000;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The n-th weekday from Monday 6 January 2025. */
function weekday(n: number): Date {
  return new Date(Date.UTC(2025, 0, 6) + (Math.floor(n / 5) * 7 + (n % 5)) * DAY);
}

const rfc822 = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, "0")} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 00:00:00 -0500`;

export interface Listing {
  /** As `fetch` names it: `<date>-arxiv-<category>.xml`. */
  name: string;
  xml: string;
}

/** `papers` papers as listings of 400 (the last may hold fewer). */
export function* arxivListings(papers: number): Generator<Listing> {
  const real = shippedPapers();
  const titles = model(real.map((e) => e.title));
  const sentences = real.flatMap((e) => e.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/));
  const rand = rng(24);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    format: true,
    suppressEmptyNode: true,
  });
  const authors = (count: number) => {
    const names = new Set<string>();
    while (names.size < count) names.add(`${pick(FIRST)} ${pick(LAST)}`);
    return [...names];
  };
  // a year of arXiv has no two papers of one title: draw again (2.5 draws a title at 100,000)
  const seen = new Set<string>();
  const title = () => {
    let t = "";
    for (let i = 0; i < 100 && (!t || seen.has(t)); i++) t = chain(titles, rand, 4, 16).replace(/[.]$/, "");
    if (seen.has(t)) t += ` ${seen.size}`;
    seen.add(t);
    return t;
  };
  const perMonth = new Map<string, number>();
  for (let n = 0; n * PAPERS_PER_LISTING < papers; n++) {
    const date = weekday(n);
    const category = LISTED[n % LISTED.length]!;
    const yymm = date.toISOString().slice(2, 7).replace("-", "");
    const items = [];
    for (let i = 0; i < Math.min(PAPERS_PER_LISTING, papers - n * PAPERS_PER_LISTING); i++) {
      const seq = (perMonth.get(yymm) ?? 0) + 1;
      perMonth.set(yymm, seq);
      const id = `${yymm}.${String(seq).padStart(5, "0")}v1`;
      const cross = rand() < 0.2;
      const others = [...new Set(Array.from({ length: between(0, 2) }, () => pick(OTHERS)))];
      const categories = cross ? [pick(OTHERS), category, ...others] : [category, ...others];
      const type = cross ? "cross" : "new";
      const abstract = Array.from({ length: between(6, 12) }, () => pick(sentences)).join(" ");
      items.push({
        title: title(),
        link: `https://arxiv.org/abs/${id.replace(/v\d+$/, "")}`,
        description: `arXiv:${id} Announce Type: ${type} \nAbstract: ${abstract}`,
        guid: { "@isPermaLink": "false", "#text": `oai:arXiv.org:${id}` },
        category: [...new Set(categories)].slice(0, 3),
        pubDate: rfc822(date),
        "arxiv:announce_type": type,
        "dc:rights": "http://creativecommons.org/licenses/by/4.0/",
        "dc:creator": authors(between(2, 9)).join(", "),
      });
    }
    const xml = builder.build({
      "?xml": { "@version": "1.0", "@encoding": "UTF-8" },
      rss: {
        "@xmlns:arxiv": "http://arxiv.org/schemas/atom",
        "@xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "@xmlns:atom": "http://www.w3.org/2005/Atom",
        "@xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        "@version": "2.0",
        channel: {
          title: `${category} updates on arXiv.org`,
          link: `http://rss.arxiv.org/rss/${category}`,
          description: `${category} updates on the arXiv.org e-print archive.`,
          "atom:link": {
            "@href": `http://rss.arxiv.org/rss/${category}`,
            "@rel": "self",
            "@type": "application/rss+xml",
          },
          docs: "http://www.rssboard.org/rss-specification",
          language: "en-us",
          lastBuildDate: rfc822(date),
          managingEditor: "rss-help@arxiv.org",
          pubDate: rfc822(date),
          skipDays: { day: ["Sunday", "Saturday"] },
          item: items,
        },
      },
    });
    yield { name: `${date.toISOString().slice(0, 10)}-arxiv-${category}.xml`, xml };
  }
}

// Owns the shapes the templates read: every page's data is computed here, never in a template.
import type { Link } from "../../feed/schema.ts";
import type { TopicTag } from "../../topics/schema.ts";
import type { Page } from "./paging.ts";
import type { OutLink } from "./outlinks.ts";
import type { MetaTag } from "./citation.ts";
import type { CardData } from "../../library/saved-paper.ts";

export interface AuthorView {
  name: string;
  /** the search for this author's papers */
  searchUrl: string;
}

export interface TopicChip {
  slug: string;
  name: string;
}

export interface Card {
  slug: string;
  title: string;
  excerpt: string;
  /** Hugging Face's AI summary, shown labelled as the service's (short; absent when none) */
  tldr?: string;
  topics: TopicChip[];
  hasCode: boolean;
  /** the authors, short; empty when unknown */
  byline: string;
  /** the paper's number in the search index, for marks the browser computes (watched words) */
  doc: number;
  /** the date of the first digest it appeared in ("" when undated): "new since your last visit" */
  arrived: string;
  /** what saving it needs beyond what the card shows (`data-*` attributes; `fromCard` reads both) */
  data: CardData;
  rank?: number;
  isNew?: boolean;
}

export interface AppearanceView {
  key: string;
  /** the page of that digest that lists the paper */
  url: string;
  label: string;
  date?: string | undefined;
  /** the digest as a heading names it: its date, else its label */
  heading: string;
  /** what the digest is, when it is not a pasted trending page: "Hugging Face daily papers" */
  name?: string | undefined;
  rank: number;
}

export interface PaperView extends Card {
  id: string;
  abstract: string;
  abstractHtml: string;
  hasMath: boolean;
  links: Link[];
  /** the buttons: arXiv, PDF, Hugging Face, code, project page, DOI, or searches by title */
  outLinks: OutLink[];
  /** the first authors, and the rest of a long list (folded) */
  authorsShown: AuthorView[];
  authorsMore: AuthorView[];
  authorNames: string[];
  arxivUrl?: string | undefined;
  arxivId?: string | undefined;
  version?: number | undefined;
  /** dates as shown: first and newest version on arXiv */
  published?: string | undefined;
  updatedOnArxiv?: string | undefined;
  categories: string[];
  upvotes?: number | undefined;
  /** the arXiv comment as inline HTML: its URLs are links */
  commentHtml?: string | undefined;
  /** the whole journal reference, shown as "Journal ref" */
  journalRef?: string | undefined;
  /** Hugging Face's AI summary in full, as text (the card's `tldr` is its excerpt) */
  aiSummary?: string | undefined;
  /** Highwire Press citation_* meta tags */
  citation: MetaTag[];
  bibtex: string;
  tags: TopicTag[];
  appearances: AppearanceView[];
  related: { slug: string; title: string }[];
  noteHtml?: string | undefined;
  prev?: { slug: string; title: string } | undefined;
  next?: { slug: string; title: string } | undefined;
  description: string;
  jsonLd: string;
  /** the card's `data` for the page itself, which names every author and no arrival day */
  pageData: CardData;
  /** date of its newest appearance, for feeds and the sitemap */
  updated?: string | undefined;
}

export interface TopicView {
  slug: string;
  name: string;
  bodyHtml: string;
  summary: string;
  count: number;
  papers: Card[];
  feed: { updated?: string | undefined; papers: PaperView[] };
  /** its papers per week; none when the archive has too little history */
  trend?: TopicTrend | undefined;
}

/** One page of a topic's papers: long topics are split so no page grows with the whole archive. */
export type TopicPage = Page<Card> & { topic: Omit<TopicView, "papers" | "feed"> };

/** One page of a digest's papers, in trending order, each marked new or seen before. */
export type DigestPage = Page<Card> & { digest: DigestView };

export interface DigestView {
  key: string;
  label: string;
  /** what headings call it: its date, else its label */
  heading: string;
  /** what it is: "Trending papers", "Hugging Face daily papers", "cs.LG updates on arXiv.org" */
  name: string;
  date?: string | undefined;
  file: string;
  title?: string | undefined;
  count: number;
  newCount: number;
  seenCount: number;
  droppedCount: number;
  /** replacements in an arXiv listing, and how many of them updated a paper of this site */
  updates: number;
  updated: number;
}

export interface Bar {
  slug: string;
  name: string;
  count: number;
  y: number;
  width: number;
  labelY: number;
}

/** One week's bar of a topic's chart, in the chart's own units. */
export interface TrendBar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TrendRow {
  /** the ISO week, "2025-W09" */
  week: string;
  /** its Monday, as shown: "Feb 24, 2025" */
  start: string;
  /** days of that week with a dated digest */
  days: number;
  /** papers that arrived that week; null when the week has no digest (a gap) */
  count: number | null;
}

/** A topic's papers per week: a sparkline for /topics/, bars and a table for its own page. */
export interface TopicTrend {
  /** the charts' accessible name: "Speech and audio: papers a week" */
  title: string;
  /** the numbers in words: "9 weeks (1 without digests), 3 to 41 papers a week, 17 this week" */
  text: string;
  /** the weeks the numbers cover: "weeks of Dec 30, 2024 to Feb 24, 2025" */
  span: string;
  /** papers in the newest week */
  latest: number;
  max: number;
  /**
   * The sparkline: a line and the area under it for each run of weeks with digests, a dot for a
   * lone week, a dashed stretch of baseline across each gap, and the newest week's point.
   */
  spark: {
    width: number;
    height: number;
    lines: { points: string; area: string }[];
    dots: { x: number; y: number }[];
    gaps: { x1: number; x2: number; y: number }[];
    lastX: number;
    lastY: number;
  };
  /** bars, and a band over each run of weeks without digests */
  chart: { width: number; height: number; bars: TrendBar[]; gaps: { x: number; width: number }[] };
  rows: TrendRow[];
}

/** A topic rising in the newest week, with its numbers and two bars (widths in % of the widest). */
export interface RisingView {
  slug: string;
  name: string;
  /** "14 this week, 5.5 a week before (+155%)" */
  text: string;
  nowWidth: number;
  beforeWidth: number;
}

export interface TrendsView {
  /** two weeks of history or more: charts are drawn */
  ready: boolean;
  /** said instead of charts: "Not enough history yet for trends: 1 day of digests so far." */
  notice: string;
  /** what the charts count, and what they leave out */
  about: string;
  /** axis labels: "week of Dec 30, 2024" */
  first: string;
  last: string;
  /** what "this week" is and what it is compared with */
  basis: string;
  rising: RisingView[];
}

export interface SiteMeta {
  title: string;
  description: string;
  url: string;
  language: string;
  generator: string;
  /** the path the site lives under, "/" or "/project/" */
  base: string;
  /** the base path without its last slash ("" or "/project"), written before every site path in a
   * page: `{{ site.meta.prefix }}/topics/` */
  prefix: string;
  /** newest digest date: the site's "updated", never the build clock */
  updated?: string | undefined;
}

export interface Chart {
  width: number;
  height: number;
  bars: Bar[];
  max: number;
}

/** One row of the weight table: a kind of page (or the whole site), its bytes and files. */
export interface WeightRow {
  kind: string;
  size: string;
  files: string;
  sizePerPaper: string;
  filesPerPaper: string;
}

/** The site's weight as the build report shows it (src/site/weight.ts, in words). */
export interface WeightView {
  papers: number;
  kinds: WeightRow[];
  total: WeightRow;
  /** what the pre-compressed copies weigh ("… 32 files, 1.2 MB in all."), or that there are none */
  copies: string;
  /** the site's own host: "fits GitHub Pages: 3.4 MB of 1 GB", its share of the limit, where that is written */
  host: { text: string; share: string; source: string };
  /** the site against every known host's limit (and its own host's), the nearest marked */
  hosts: string[];
  /** what the build warned about the host's limit, if anything */
  warning?: string | undefined;
}

/** A paper as the whole site lists it (the sitemap, counts); its page's view is made as it renders. */
export interface PaperEntry {
  slug: string;
  updated?: string | undefined;
}

export interface SiteData {
  meta: SiteMeta;
  /** every paper, as the sitemap and counts list it */
  papers: PaperEntry[];
  /** the paper pages a render makes: none in the listings' pass, a batch in each papers' pass */
  paperPages: PaperView[];
  /** the report page, one: `[]` in the passes before the report's (/about/ is rendered alone, once the rest is weighed) */
  aboutPages: "about"[];
  topics: TopicView[];
  topicPages: TopicPage[];
  digests: DigestView[];
  digestPages: DigestPage[];
  /** JSON: how many papers first arrived on each digest day, for "new since your last visit" */
  arrivals: string;
  /** the first page of the newest digest: the home page */
  home?: DigestPage | undefined;
  chart: Chart;
  trends: TrendsView;
  feed: { updated?: string | undefined; papers: PaperView[] };
  report: {
    dumps: {
      file: string;
      label: string;
      date?: string | undefined;
      count: number;
      newCount: number;
      seenCount: number;
    }[];
    warnings: string[];
    taxonomyVersion: string;
    generator: string;
    /** the site weighed before the report is written (a build's second pass); none on the dev server */
    weight?: WeightView | undefined;
  };
  /** the script every page loads, and the /saved/ page's, paths inside the site */
  scripts: { client: string; saved: string };
}

// Owns the shapes the templates read: every page's data is computed here, never in a template.
import type { Link } from "../feed/schema.ts";
import type { TopicTag } from "../topics/schema.ts";

export interface TopicChip {
  slug: string;
  name: string;
}

export interface Card {
  slug: string;
  title: string;
  excerpt: string;
  topics: TopicChip[];
  hasCode: boolean;
  rank?: number;
  isNew?: boolean;
}

export interface Appearance {
  key: string;
  label: string;
  date?: string | undefined;
  /** the digest as a heading names it: its date, else its label */
  heading: string;
  rank: number;
}

export interface PaperView extends Card {
  id: string;
  abstract: string;
  abstractHtml: string;
  hasMath: boolean;
  links: Link[];
  /** code links, each with the text its button shows (host and path) */
  codeLinks: (Link & { label: string })[];
  tags: TopicTag[];
  appearances: Appearance[];
  related: { slug: string; title: string }[];
  noteHtml?: string | undefined;
  prev?: { slug: string; title: string } | undefined;
  next?: { slug: string; title: string } | undefined;
  description: string;
  jsonLd: string;
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
}

/** One page of a topic's papers: long topics are split so no page grows with the whole archive. */
export interface TopicPage {
  topic: Omit<TopicView, "papers" | "feed">;
  /** 1-based */
  number: number;
  of: number;
  /** site path of this page, and of its neighbours */
  url: string;
  prev?: string | undefined;
  next?: string | undefined;
  /** rank of the first paper on this page among the topic's papers */
  start: number;
  papers: Card[];
}

export interface DigestView {
  key: string;
  label: string;
  /** what headings call it: its date, else its label */
  heading: string;
  date?: string | undefined;
  file: string;
  title?: string | undefined;
  count: number;
  newCount: number;
  seenCount: number;
  droppedCount: number;
  papers: Card[];
}

export interface Bar {
  slug: string;
  name: string;
  count: number;
  y: number;
  width: number;
  labelY: number;
}

export interface SiteMeta {
  title: string;
  description: string;
  url: string;
  language: string;
  generator: string;
  /** the path the site lives under, "/" or "/project/" */
  base: string;
  /** newest digest date: the site's "updated", never the build clock */
  updated?: string | undefined;
}

export interface Chart {
  width: number;
  height: number;
  bars: Bar[];
  max: number;
}

export interface SiteData {
  meta: SiteMeta;
  papers: PaperView[];
  topics: TopicView[];
  topicPages: TopicPage[];
  digests: DigestView[];
  latest?: DigestView | undefined;
  chart: Chart;
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
  };
  /** the search script every page loads, a path inside the site */
  search: { client: string };
}

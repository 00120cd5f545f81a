// Owns the site's weight budget: which kind of page each written file is, bytes (apparent size)
// and files per kind, in all and per paper, and how the whole fits the static hosts' documented
// limits. Pure: it takes the list of files (the bench walks a built site for it).

export const KINDS = [
  "paper pages",
  "topic listings",
  "digests",
  "search data",
  "for-you data",
  "assets",
  "other",
] as const;
export type Kind = (typeof KINDS)[number];

/** One written file: its path under the site's folder, with `/`, and its size in bytes. */
export interface SiteFile {
  path: string;
  bytes: number;
}

export interface Share {
  bytes: number;
  files: number;
  bytesPerPaper: number;
  filesPerPaper: number;
}

/** What a host's limit counts: bytes of the site, its files, or the entries directly in one folder. */
export const MEASURES = ["bytes", "files", "entries-per-folder"] as const;

/** A host's documented limit, on one measure of the site. */
export interface Host {
  name: string;
  measure: (typeof MEASURES)[number];
  limit: number;
  /** Where the limit is written. */
  source: string;
}

/** The hosts `content/site.json` can name by id, with their documented limits. */
export const HOSTS = {
  "github-pages": {
    name: "GitHub Pages",
    measure: "bytes",
    limit: 1e9,
    source: "docs.github.com, GitHub Pages limits: published sites may be no larger than 1 GB",
  },
  "cloudflare-pages": {
    name: "Cloudflare Pages (free plan)",
    measure: "files",
    limit: 20_000,
    source: "developers.cloudflare.com/pages/platform/limits: 20,000 files a site on the free plan",
  },
  "cloudflare-pages-paid": {
    name: "Cloudflare Pages (paid plans)",
    measure: "files",
    limit: 100_000,
    source: "developers.cloudflare.com/changelog (2026-01-23): 100,000 files a site on paid plans",
  },
  netlify: {
    name: "Netlify",
    measure: "entries-per-folder",
    limit: 54_000,
    source: "docs.netlify.com/site-deploys/overview: no limit on files a deploy, 54,000 files a folder",
  },
} as const satisfies Record<string, Host>;

type HostId = keyof typeof HOSTS;
export const HOST_IDS = Object.keys(HOSTS) as [HostId, ...HostId[]];
const DEFAULT_HOST: Host = HOSTS["github-pages"];

export interface Fit {
  host: Host;
  used: number;
  /** used ÷ limit: over 1 is over the limit. */
  ratio: number;
  /** "612 MB of 1 GB", "275,679 files of 20,000". */
  amount: string;
  /** "fits GitHub Pages: 612 MB of 1 GB", "over Cloudflare Pages (free plan): 275,679 files of 20,000". */
  text: string;
}

export interface Budget {
  papers: number;
  total: Share;
  kinds: Record<Kind, Share>;
  /** The pre-compressed copies (`x.gz`, `x.br`): files on disk like any other, counted in their kind too. */
  copies: { bytes: number; files: number };
  /** The folder with the most entries (files and folders) directly in it. */
  largestFolder: { path: string; entries: number };
  /** Each known host, then the site's own host when it is not one of them. */
  hosts: Fit[];
  /** The host limit the site is closest to, or furthest over. */
  nearest: Fit;
  /** The site's own host (`host` in content/site.json). */
  host: Fit;
}

/** The kind of page a file belongs to, by its first folder; the search page itself is a page, not data. */
export function kindOf(path: string): Kind {
  const top = path.split("/")[0];
  if (top === "papers") return "paper pages";
  if (top === "topics") return "topic listings";
  if (top === "digests") return "digests";
  if (top === "search" && path !== "search/index.html") return "search data";
  if (top === "foryou") return "for-you data";
  if (top === "assets") return "assets";
  return "other";
}

const isCopy = (path: string) => /\.(?:gz|br)$/.test(path);

export const number = (n: number) => Math.round(n).toLocaleString("en-US");

/**
 * Sizes in decimal units (a KB is 10^3 bytes, a MB 10^6, a GB 10^9): whole gigabytes as such,
 * megabytes whole from 10 MB and to one decimal below, kilobytes to one decimal below 100 KB.
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9 && bytes % 1e9 === 0) return `${bytes / 1e9} GB`;
  if (bytes >= 9.95e6) return `${number(bytes / 1e6)} MB`;
  if (bytes >= 999.5e3) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 99.95e3) return `${number(bytes / 1e3)} KB`;
  if (bytes >= 999.5) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${number(bytes)} ${Math.round(bytes) === 1 ? "byte" : "bytes"}`;
}

function fit(host: Host, total: Share, largest: Budget["largestFolder"]): Fit {
  const used =
    host.measure === "bytes" ? total.bytes : host.measure === "files" ? total.files : largest.entries;
  const ratio = used / host.limit;
  const amount =
    host.measure === "bytes"
      ? `${formatBytes(used)} of ${formatBytes(host.limit)}`
      : host.measure === "files"
        ? `${number(used)} files of ${number(host.limit)}`
        : `${number(used)} ${used === 1 ? "entry" : "entries"} in ${largest.path ? `${largest.path}/` : "the top folder"} of ${number(host.limit)} a folder`;
  return { host, used, ratio, amount, text: `${ratio <= 1 ? "fits" : "over"} ${host.name}: ${amount}` };
}

/** Entries directly in each folder (its files and its subfolders), the largest. */
function largestFolder(files: readonly SiteFile[]): Budget["largestFolder"] {
  const entries = new Map<string, Set<string>>();
  for (const { path } of files) {
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      (entries.get(folder) ?? entries.set(folder, new Set()).get(folder)!).add(parts[i]!);
    }
  }
  let largest = { path: "", entries: 0 };
  for (const [path, names] of entries)
    if (names.size > largest.entries) largest = { path, entries: names.size };
  return largest;
}

/**
 * The weight of a site from its files, against every known host and `host`, the site's own
 * (GitHub Pages unless content/site.json names another).
 */
export function weighSite(files: readonly SiteFile[], papers: number, host: Host = DEFAULT_HOST): Budget {
  const share = (list: readonly SiteFile[]): Share => {
    const bytes = list.reduce((a, f) => a + f.bytes, 0);
    return {
      bytes,
      files: list.length,
      bytesPerPaper: papers ? bytes / papers : 0,
      filesPerPaper: papers ? list.length / papers : 0,
    };
  };
  const kinds = Object.fromEntries(
    KINDS.map((k) => [k, share(files.filter((f) => kindOf(f.path) === k))]),
  ) as Record<Kind, Share>;
  const total = share(files);
  const copies = share(files.filter((f) => isCopy(f.path)));
  const largest = largestFolder(files);
  const known: Host[] = Object.values(HOSTS);
  const hosts = [...known, ...(known.includes(host) ? [] : [host])].map((h) => fit(h, total, largest));
  const nearest = hosts.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return {
    papers,
    total,
    kinds,
    copies: { bytes: copies.bytes, files: copies.files },
    largestFolder: largest,
    hosts,
    nearest,
    host: hosts.find((h) => h.host === host)!,
  };
}

/** Past this share of its host's limit, a build warns. */
const WARN_FROM = 0.8;

/**
 * What a build says when the site passes 80% of its host's limit, or goes over it: how much it
 * uses, and what to do. Undefined below.
 */
export function hostWarning(budget: Budget): string | undefined {
  const { host, used, ratio, amount } = budget.host;
  if (ratio <= WARN_FROM) return undefined;
  const share = `${Math.floor(ratio * 100)}% of the limit of ${host.name}`;
  const setting = `name a host with a larger limit as "host" in content/site.json`;
  if (ratio > 1)
    return (
      `the site is over the limit of ${host.name} (${amount}, ${Math.floor(ratio * 100)}%): ` +
      `it was written, but the host may refuse or cut off the deploy; make it lighter (fewer dumps ` +
      `in content/feeds/) or deploy it elsewhere and ${setting}`
    );
  const perPaper = budget.papers ? used / budget.papers : 0;
  const room = perPaper
    ? `, room for about ${number((host.limit - used) / perPaper)} more papers at this weight a paper`
    : "";
  return `the site uses ${share} (${amount})${room}; before it is full, make it lighter or ${setting}`;
}

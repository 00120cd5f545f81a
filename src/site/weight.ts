// Owns the site's weight budget: which kind of page each written file is, bytes (apparent size)
// and files per kind, in all and per paper, and how the whole fits the static hosts' documented
// limits. Pure: it takes the list of files (the bench walks a built site for it).

export const KINDS = ["paper pages", "topic listings", "digests", "search data", "assets", "other"] as const;
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

/** A host's documented limit, on one measure of the site. */
export interface Host {
  name: string;
  measure: "bytes" | "files" | "entries in one folder";
  limit: number;
  /** Where the limit is written. */
  source: string;
}

export const HOSTS: readonly Host[] = [
  {
    name: "GitHub Pages",
    measure: "bytes",
    limit: 1e9,
    source: "docs.github.com, GitHub Pages limits: published sites may be no larger than 1 GB",
  },
  {
    name: "Cloudflare Pages (free plan)",
    measure: "files",
    limit: 20_000,
    source: "developers.cloudflare.com/pages/platform/limits: 20,000 files a site (100,000 on paid plans)",
  },
  {
    name: "Netlify",
    measure: "entries in one folder",
    limit: 54_000,
    source: "docs.netlify.com/site-deploys/overview: no limit on files a deploy, 54,000 files a folder",
  },
];

export interface Fit {
  host: Host;
  used: number;
  /** used ÷ limit: over 1 is over the limit. */
  ratio: number;
  /** "fits GitHub Pages: 612 MB of 1 GB", "over Cloudflare Pages (free plan): 275,679 files of 20,000". */
  text: string;
}

export interface Budget {
  papers: number;
  total: Share;
  kinds: Record<Kind, Share>;
  /** The folder with the most entries (files and folders) directly in it. */
  largestFolder: { path: string; entries: number };
  hosts: Fit[];
  /** The host limit the site is closest to, or furthest over. */
  nearest: Fit;
}

/** The kind of page a file belongs to, by its first folder; the search page itself is a page, not data. */
export function kindOf(path: string): Kind {
  const top = path.split("/")[0];
  if (top === "papers") return "paper pages";
  if (top === "topics") return "topic listings";
  if (top === "digests") return "digests";
  if (top === "search" && path !== "search/index.html") return "search data";
  if (top === "assets") return "assets";
  return "other";
}

const number = (n: number) => Math.round(n).toLocaleString("en-US");

/** Megabytes and gigabytes of 10^6 and 10^9 bytes. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 && bytes % 1e9 === 0 ? `${bytes / 1e9} GB` : `${number(bytes / 1e6)} MB`;
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
  return { host, used, ratio, text: `${ratio <= 1 ? "fits" : "over"} ${host.name}: ${amount}` };
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

export function weighSite(files: readonly SiteFile[], papers: number): Budget {
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
  const largest = largestFolder(files);
  const hosts = HOSTS.map((h) => fit(h, total, largest));
  const nearest = hosts.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return { papers, total, kinds, largestFolder: largest, hosts, nearest };
}

// Owns mergeDumps: parsed dumps → one Paper record per paper, with its appearances, in first-seen
// order. A paper is the same paper in two dumps when both give the same arXiv id, else when they
// give the same normalised title (and no two different ids). Newer dumps' text and metadata win.
// Records leave here whole and checked against the Paper schema: the feed stage's boundary.
import type { Diagnostic } from "../common/diagnostics.ts";
import { Paper, type Appearance, type Digest, type Entry, type PaperMeta } from "./schema.ts";
import type { ParsedDump } from "./dump.ts";
import { hash } from "../common/hash.ts";
import { assignSlugs, paperId } from "./slug.ts";
import { extractLinks, projectPageIn } from "./links.ts";
import { proseUrls } from "../tex/prose.ts";
import { titleKey, quote } from "../common/text.ts";
import { placeInSeries, seriesOf } from "./series.ts";
import { oneDumpPerDay } from "./same-day.ts";

export interface Merged {
  papers: Paper[];
  digests: Digest[];
  diagnostics: Diagnostic[];
}

/** Orders dumps oldest first: by date, undated ones by file name after the dated ones. */
export function sortDumps<T extends { date?: string | undefined; file: string }>(dumps: T[]): T[] {
  return [...dumps].sort(
    (a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.file.localeCompare(b.file),
  );
}

/** What the dumps say of one paper, gathered before its record is made. */
interface Sighting {
  id: string;
  /** the title it was first seen with: its slug comes from it, so the slug never changes */
  firstTitle: string;
  title: string;
  abstract: string;
  meta: PaperMeta;
  appearances: Appearance[];
  /** where its text was last read, for warnings */
  at: { file: string; line: number };
}

/** The papers seen so far, found by arXiv id or by title key. */
class Identities {
  readonly all: Sighting[] = [];
  private byArxiv = new Map<string, Sighting>();
  private byTitle = new Map<string, Sighting[]>();

  find(e: Entry): Sighting | undefined {
    const id = e.meta.arxivId;
    if (id && this.byArxiv.has(id)) return this.byArxiv.get(id);
    const same = this.byTitle.get(titleKey(e.title)) ?? [];
    // a title twin of another arXiv paper is another paper; a text dump's variants keep their number
    return same.find((s) => (!id || !s.meta.arxivId) && (e.variant ?? 1) === variantOf(s));
  }

  add(s: Sighting, e: Entry): void {
    this.all.push(s);
    this.remember(s, e);
  }

  remember(s: Sighting, e: Entry): void {
    if (s.meta.arxivId) this.byArxiv.set(s.meta.arxivId, s);
    const key = titleKey(e.title);
    const list = this.byTitle.get(key) ?? [];
    if (!list.includes(s)) this.byTitle.set(key, [...list, s]);
  }
}

const variantOf = (s: Sighting) => Number(/-(\d+)$/.exec(s.id)?.[1] ?? 1);

/** A paper's id: from its arXiv id when it was first seen with one, else from its title (and variant). */
function newId(e: Entry): string {
  return e.meta.arxivId ? hash(`arXiv:${e.meta.arxivId}`) : paperId(e.title, e.variant);
}

export function mergeDumps(all: ParsedDump[]): Merged {
  const { dumps, diagnostics } = oneDumpPerDay(all);
  const seen = new Identities();
  const days: { dump: ParsedDump; paperIds: string[] }[] = [];
  const warn = (file: string, line: number, message: string) =>
    diagnostics.push({ file, line, severity: "warning", message });

  /** Newer text and metadata win; a changed title or abstract is said. */
  const update = (s: Sighting, e: Entry, file: string) => {
    if (titleKey(s.title) !== titleKey(e.title)) {
      warn(
        file,
        e.line,
        `title differs from the one in ${s.at.file}:${s.at.line} (${quote(s.title, 60)}); the newer title is used`,
      );
    } else if (s.abstract !== e.abstract) {
      warn(
        file,
        e.line,
        `abstract differs from the one in ${s.at.file}:${s.at.line}; the newer text is used`,
      );
    }
    s.title = e.title;
    s.abstract = e.abstract;
    s.meta = { ...s.meta, ...e.meta };
    s.at = { file, line: e.line };
    seen.remember(s, e);
  };

  const deferred: Entry[] = [];
  for (const dump of sortDumps(dumps)) {
    const paperIds: string[] = [];
    for (const e of dump.entries) {
      const appearance: Appearance = {
        date: dump.date,
        label: dump.label,
        rank: e.rank,
        file: dump.file,
        line: e.line,
        upvotes: e.upvotes,
      };
      let s = seen.find(e);
      if (s) {
        update(s, e, dump.file);
        s.appearances.push(appearance);
      } else {
        s = {
          id: newId(e),
          firstTitle: e.title,
          title: e.title,
          abstract: e.abstract,
          meta: e.meta,
          appearances: [appearance],
          at: { file: dump.file, line: e.line },
        };
        seen.add(s, e);
      }
      paperIds.push(s.id);
    }
    // a listing's replacements update papers the site has; they are not papers of that day
    for (const e of dump.updates) {
      const s = seen.find(e);
      if (s) update(s, e, dump.file);
      else deferred.push(e);
    }
    days.push({ dump, paperIds });
  }
  // a replacement of a paper that a later dump brings only fills in what the later dump left out
  for (const e of deferred) {
    const s = seen.find(e);
    if (!s) continue;
    s.meta = { ...e.meta, ...s.meta };
    seen.remember(s, e);
  }
  const digests: Digest[] = placeInSeries(
    days.map(({ dump, paperIds }) => ({
      file: dump.file,
      date: dump.date,
      label: dump.label,
      title: dump.title,
      source: dump.source,
      paperIds,
      updates: dump.updates.length,
      updated: dump.updates.filter((e) => seen.find(e)).length,
      ...seriesOf(dump),
    })),
  );
  const slugs = assignSlugs(seen.all.map((s) => ({ id: s.id, title: s.firstTitle })));
  const papers = seen.all.map((s) => {
    // an arXiv comment's URLs ("Code: https://github.com/…") count as the abstract's do
    const comment = s.meta.comment;
    const links = extractLinks(proseUrls(comment ? `${s.abstract}\n${comment}` : s.abstract));
    const repo = s.meta.githubRepo;
    const projectPage = s.meta.projectPage ?? (comment ? projectPageIn(proseUrls(comment)) : undefined);
    return Paper.parse({
      ...s.meta,
      ...(projectPage ? { projectPage } : {}),
      id: s.id,
      slug: slugs.get(s.id),
      title: s.title,
      abstract: s.abstract,
      links: repo && !links.some((l) => l.url === repo) ? [{ url: repo, kind: "code" }, ...links] : links,
      digests: s.appearances,
    });
  });
  return { papers, digests, diagnostics };
}

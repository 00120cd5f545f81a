// Owns the papers of one dump as they are read: duplicates merged or kept apart, ranks in order.
// Every dump format adds its entries through this, so the duplicate rules are the same in all.
import type { Diagnostic } from "../common/diagnostics.ts";
import type { Entry } from "./schema.ts";
import { titleKey } from "../common/text.ts";

type Report = (severity: Diagnostic["severity"], line: number | undefined, message: string) => void;

export class DumpEntries {
  readonly list: Entry[] = [];
  private byKey = new Map<string, Entry[]>();
  private byArxiv = new Map<string, Entry>();

  constructor(private report: Report) {}

  /**
   * The same arXiv id twice, or the same title and abstract twice, is one paper (merged, with a
   * warning); the same title with another abstract or another arXiv id is two papers, the later
   * one a numbered variant. Rank is the position among the papers kept.
   */
  add(read: Omit<Entry, "rank" | "variant">): void {
    const id = read.meta.arxivId;
    const again = id ? this.byArxiv.get(id) : undefined;
    if (again) {
      this.report(
        "warning",
        read.line,
        `arXiv ${id} is listed again (first at line ${again.line}): merged into one`,
      );
      return;
    }
    const key = titleKey(read.title);
    const twins = this.byKey.get(key) ?? [];
    const sameId = (t: Entry) => !id || !t.meta.arxivId || t.meta.arxivId === id;
    const same = twins.find((t) => t.abstract === read.abstract && sameId(t));
    if (same) {
      const message = `duplicate of the paper at line ${same.line} (same title and abstract): merged into one`;
      this.report("warning", read.line, message);
      return;
    }
    if (twins.length > 0) {
      const message = `same title as the paper at line ${twins[0]!.line} but a different abstract: both kept as separate papers`;
      this.report("warning", read.line, message);
    }
    const entry: Entry = {
      ...read,
      rank: this.list.length + 1,
      ...(twins.length > 0 ? { variant: twins.length + 1 } : {}),
    };
    twins.push(entry);
    this.byKey.set(key, twins);
    if (id) this.byArxiv.set(id, entry);
    this.list.push(entry);
  }
}

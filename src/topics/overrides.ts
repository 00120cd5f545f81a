// Owns applying editorial overrides: an editor's add/remove wins over the rules, and says so.
import type { Paper } from "../feed/schema.ts";
import type { PaperOverride } from "./schema.ts";

export function applyOverrides(papers: Paper[], overrides: PaperOverride[]): Paper[] {
  const bySlug = new Map(overrides.map((o) => [o.slug, o]));
  return papers.map((p) => {
    const o = bySlug.get(p.slug);
    if (!o) return p;
    const kept = p.topics.filter((t) => !o.remove.includes(t.slug));
    const added = o.add
      .filter((slug) => !kept.some((t) => t.slug === slug))
      .map((slug) => ({ slug, score: 0, evidence: [], source: "editor" as const }));
    return { ...p, topics: [...kept, ...added] };
  });
}

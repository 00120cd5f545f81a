// Owns applying editorial overrides: an editor's add/remove wins over the rules, and says so.
import type { PaperOverride, TaggedPaper, Topic } from "./schema.ts";

export function applyOverrides<P extends TaggedPaper>(
  papers: P[],
  overrides: PaperOverride[],
  topics: Topic[],
): P[] {
  const bySlug = new Map(overrides.map((o) => [o.slug, o]));
  const names = new Map(topics.map((t) => [t.slug, t.name]));
  return papers.map((p) => {
    const o = bySlug.get(p.slug);
    if (!o) return p;
    const kept = p.topics.filter((t) => !o.remove.includes(t.slug));
    const added = o.add
      .filter((slug) => !kept.some((t) => t.slug === slug))
      .map((slug) => ({
        slug,
        name: names.get(slug) ?? slug,
        score: 0,
        evidence: [],
        source: "editor" as const,
      }));
    return { ...p, topics: [...kept, ...added] };
  });
}

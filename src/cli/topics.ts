// Owns `paper-digest topics`: each topic's paper count and its most frequent evidence.
import { EXIT, type Args, type Cli } from "./context.ts";
import { loadContent } from "../site/pipeline.ts";
import { countOf, formatDiagnostic } from "../common/diagnostics.ts";
import { UNCATEGORIZED } from "../topics/schema.ts";

export async function topics(args: Args, cli: Cli): Promise<number> {
  const feeds = args.positionals.length ? args.positionals : undefined;
  const content = await loadContent({ root: cli.cwd, feeds });
  for (const d of content.diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
  if (countOf(content.diagnostics).errors) return EXIT.failed;
  const rows = [...content.topics, UNCATEGORIZED].map(({ slug, name }) => {
    const tagsOf = content.papers.map((p) => p.topics.find((t) => t.slug === slug));
    const count =
      slug === UNCATEGORIZED.slug
        ? content.papers.filter((p) => p.topics.length === 0).length
        : tagsOf.filter(Boolean).length;
    const freq = new Map<string, number>();
    for (const tag of tagsOf)
      for (const e of tag?.evidence ?? []) freq.set(e.toLowerCase(), (freq.get(e.toLowerCase()) ?? 0) + 1);
    const top = [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
    return `${String(count).padStart(4)}  ${name.padEnd(30)} ${top.map(([e, n]) => `${e} (${n})`).join(", ")}`;
  });
  cli.stdout(rows.join("\n") + "\n");
  return EXIT.ok;
}

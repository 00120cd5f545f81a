// Owns `paper-digest topics`: each topic's paper count and its most frequent evidence.
import type { Args } from "./commands.ts";
import { EXIT, type Cli } from "./main.ts";
import { loadContent } from "../site/content.ts";
import { countOf, formatDiagnostic } from "../feed/diagnostics.ts";

export async function topics(args: Args, cli: Cli): Promise<number> {
  const content = await loadContent({
    root: cli.cwd,
    feeds: args.positionals.length ? args.positionals : undefined,
  });
  for (const d of content.diagnostics) cli.stderr(formatDiagnostic(d) + "\n");
  if (countOf(content.diagnostics).errors) return EXIT.failed;
  const rows = [
    ...content.topics.map((t) => ({ slug: t.slug, name: t.name })),
    { slug: "", name: "Uncategorized" },
  ].map(({ slug, name }) => {
    const papers = content.papers.filter((p) =>
      slug ? p.topics.some((t) => t.slug === slug) : p.topics.length === 0,
    );
    const freq = new Map<string, number>();
    for (const p of papers)
      for (const e of p.topics.find((t) => t.slug === slug)?.evidence ?? [])
        freq.set(e.toLowerCase(), (freq.get(e.toLowerCase()) ?? 0) + 1);
    const top = [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
    return `${String(papers.length).padStart(4)}  ${name.padEnd(30)} ${top.map(([e, n]) => `${e} (${n})`).join(", ")}`;
  });
  cli.stdout(rows.join("\n") + "\n");
  return EXIT.ok;
}

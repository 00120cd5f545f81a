// Owns the build report's weight section: a weighed site (src/site/weight.ts) in words and figures
// the /about/ page prints as they are.
import { formatBytes, hostWarning, KINDS, number, type Budget, type Share } from "../weight.ts";
import type { WeightRow, WeightView } from "./types.ts";

function row(kind: string, s: Share): WeightRow {
  return {
    kind,
    size: formatBytes(s.bytes),
    files: number(s.files),
    sizePerPaper: formatBytes(s.bytesPerPaper),
    filesPerPaper: s.filesPerPaper.toFixed(2),
  };
}

/** A share of a limit: one decimal under 10%, whole above. */
const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`;

export function weightView(budget: Budget): WeightView {
  const { host, nearest } = budget;
  return {
    papers: budget.papers,
    kinds: KINDS.map((k) => row(k, budget.kinds[k])),
    total: row("the site", budget.total),
    copies: budget.copies.files
      ? `The pre-compressed copies of scripts, stylesheets and data ("precompress" in content/site.json: .gz, and .br from 8 KB) are files on disk like any other: they are counted in the kind of the file they copy, ${number(budget.copies.files)} ${budget.copies.files === 1 ? "file" : "files"}, ${formatBytes(budget.copies.bytes)} in all.`
      : 'There are no pre-compressed copies: the host compresses as it serves ("precompress": true in content/site.json writes them, for a server that sends them as they are).',
    host: { text: host.text, share: percent(host.ratio), source: host.host.source },
    hosts: budget.hosts.map((h) => `${h.text} (${percent(h.ratio)}${h === nearest ? ", the nearest" : ""})`),
    warning: hostWarning(budget),
  };
}

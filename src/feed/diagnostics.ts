// Owns how diagnostics are ordered, formatted and counted for people and for CI annotations.
import type { Diagnostic } from "./schema.ts";

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.line ? `:${d.line}` : ""}: ${d.severity}: ${d.message}`;
}

export function formatGithub(d: Diagnostic): string {
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return `::${d.severity} file=${prop(d.file)}${d.line ? `,line=${d.line}` : ""}::${esc(d.message)}`;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

export function countOf(ds: Diagnostic[]) {
  const errors = ds.filter((d) => d.severity === "error").length;
  return { errors, warnings: ds.length - errors };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

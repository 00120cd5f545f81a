// Owns what a diagnostic is (file, line, column, severity, message) and how diagnostics are ordered,
// formatted and counted for people and for CI annotations.
import { z } from "zod";

export const Severity = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  severity: Severity,
  message: z.string().min(1),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export function formatDiagnostic(d: Diagnostic): string {
  const at = d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : "";
  return `${d.file}${at}: ${d.severity}: ${d.message}`;
}

export function formatGithub(d: Diagnostic): string {
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const at = d.line ? `,line=${d.line}${d.column ? `,col=${d.column}` : ""}` : "";
  return `::${d.severity} file=${prop(d.file)}${at}::${esc(d.message)}`;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

export function countOf(ds: Diagnostic[]) {
  const errors = ds.filter((d) => d.severity === "error").length;
  return { errors, warnings: ds.length - errors };
}

/**
 * zod's issues as diagnostics, one per issue, each naming the field by zod's own issue path:
 * `FILE[:LINE]: error: [prefix ]field.path: what is wrong`.
 */
export function zodDiagnostics(
  file: string,
  error: z.ZodError,
  opts: { line?: number; prefix?: string; whole?: string } = {},
): Diagnostic[] {
  return error.issues.map((issue) => {
    const where =
      [opts.prefix, issue.path.map(String).join(".")].filter(Boolean).join(" ") || opts.whole || "value";
    return {
      file,
      ...(opts.line ? { line: opts.line } : {}),
      severity: "error" as const,
      message: `${where}: ${issueMessage(issue)}`,
    };
  });
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** zod's message, said the way the rest of the diagnostics say things: "expected a string". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    const missing = /received undefined$/.test(issue.message);
    return `${missing ? "missing; " : ""}expected ${article(issue.expected)}`;
  }
  return issue.message;
}

// Owns the one shape of a step that can fail: `{ ok: true, value }` or `{ ok: false, error }`.
// Every edge (reading a file, parsing JSON/XML/front matter, a download, storing a dump, the
// site's config, preparing a build) gives back this shape; what an error holds depends on the step.
import type { Diagnostic } from "./diagnostics.ts";

export type Result<T, E = Diagnostic> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

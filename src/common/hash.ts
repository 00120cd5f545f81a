// Owns the one digest the project uses for names that must change when their content does
// (paper ids, hashed asset and index file names, digest keys).
import { createHash } from "node:crypto";

/**
 * A hex digest of `text`, or of its pieces in order (the same digest as of their concatenation; a
 * piece in bytes counts as the text it is the UTF-8 of).
 */
export function hash(text: string | Iterable<string | Uint8Array>, length = 12): string {
  const h = createHash("sha256");
  if (typeof text === "string") h.update(text);
  else for (const piece of text) h.update(piece);
  return h.digest("hex").slice(0, length);
}

// Owns what the project accepts as input at all: a size limit per kind of file, and text, not binary.

export interface Limit {
  bytes: number;
  /** what such a file is, for messages: "dump" */
  kind: string;
  /** what to do about a file over the limit */
  hint?: string;
}

export const DUMP_LIMIT: Limit = {
  bytes: 32 * 1024 * 1024,
  kind: "dump",
  hint: "split it into several dumps",
};
export const SOURCE_LIMIT: Limit = { bytes: 1024 * 1024, kind: "file" };

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/** A size limit as people read it: "32 MB", "1.5 MB", "4 KB", "100 bytes". */
export function formatLimit(bytes: number): string {
  if (bytes >= 1048576) return `${Number.isInteger(bytes / 1048576) ? bytes / 1048576 : mb(bytes)} MB`;
  if (bytes >= 1024) return `${Number.isInteger(bytes / 1024) ? bytes / 1024 : (bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** The message for input over its limit, if it is. */
export function sizeProblem(bytes: number, limit: Limit): string | undefined {
  if (bytes <= limit.bytes) return undefined;
  const hint = limit.hint ? ` (${limit.hint})` : "";
  return `file is ${mb(bytes)} MB; a ${limit.kind} may be at most ${formatLimit(limit.bytes)}${hint}`;
}

/** The message for text that is really binary data: NUL bytes, or many replacement characters. */
export function binaryProblem(text: string, limit: Limit = DUMP_LIMIT): string | undefined {
  if (text.includes("\u0000")) return `this is not a text ${limit.kind}: it holds binary data (NUL bytes)`;
  const sample = text.slice(0, 65536);
  const bad = sample.match(/\uFFFD/g)?.length ?? 0;
  if (bad > 8 && bad / sample.length > 0.001)
    return `this is not a text ${limit.kind}: it holds binary data (invalid UTF-8)`;
  return undefined;
}

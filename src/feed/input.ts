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

/** The message for input over its limit, if it is. */
export function sizeProblem(bytes: number, limit: Limit): string | undefined {
  if (bytes <= limit.bytes) return undefined;
  const max = Number.isInteger(limit.bytes / 1048576) ? String(limit.bytes / 1048576) : mb(limit.bytes);
  return `file is ${mb(bytes)} MB; a ${limit.kind} may be at most ${max} MB${limit.hint ? ` (${limit.hint})` : ""}`;
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

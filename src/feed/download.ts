// Owns the project's only network access: one GET with a time-out, a size cap applied while the
// body streams in, and every failure (time-out, refused, HTTP status, too big, not UTF-8) returned
// as a result with one clear message, never thrown.
import { formatLimit } from "../common/limits.ts";
import { fail, ok, type Result } from "../common/result.ts";

export interface DownloadOptions {
  /** the whole exchange, headers and body, must end within this */
  timeoutMs: number;
  /** the most the body may be */
  maxBytes: number;
  userAgent: string;
  accept: string;
}

export interface Downloaded {
  text: string;
  contentType: string;
}

/** Why nothing came: the service was not reached or said no, or what came is no dump. */
export interface NotDownloaded {
  problem: "unreachable" | "invalid";
  message: string;
}

export type Download = Result<Downloaded, NotDownloaded>;

export async function download(url: string, opts: DownloadOptions): Promise<Download> {
  const seconds = `${opts.timeoutMs / 1000} s`;
  try {
    const response = await fetch(url, {
      headers: { "User-Agent": opts.userAgent, Accept: opts.accept },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      return fail({ problem: "unreachable", message: `the service answered HTTP ${status}` });
    }
    const body = await readCapped(response, opts.maxBytes);
    if (!body) {
      const limit = formatLimit(opts.maxBytes);
      return fail({ problem: "invalid", message: `the answer is over ${limit}, the most a dump may be` });
    }
    const text = decodeUtf8(body);
    if (text === undefined)
      return fail({ problem: "invalid", message: "the answer is not text: it is not valid UTF-8" });
    return ok({ text, contentType: response.headers.get("content-type") ?? "" });
  } catch (err) {
    if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError"))
      return fail({ problem: "unreachable", message: `no complete answer within ${seconds} (time-out)` });
    return fail({ problem: "unreachable", message: `cannot reach the service: ${networkReason(err)}` });
  }
}

/** The body, or undefined as soon as it grows past maxBytes (the rest is never read). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the host name could not be looked up (no network?)",
  ENETUNREACH: "the network is unreachable",
  EHOSTUNREACH: "the host is unreachable",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection closed early",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
};

/** Node's fetch says "fetch failed"; the reason is in its cause's code. */
function networkReason(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
  const code = cause && "code" in cause ? String(cause.code) : "";
  return REASONS[code] ?? (cause?.message || (err instanceof Error ? err.message : String(err)));
}

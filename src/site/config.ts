// Owns the site's configuration: content/site.json (zod-checked), the base path, and the site's
// date when no dump has one (SOURCE_DATE_EPOCH, never the clock).
import path from "node:path";
import { z } from "zod";
import { exists, readTextFile } from "../io.ts";
import { type Diagnostic, issueMessage, zodDiagnostics } from "../common/diagnostics.ts";
import { SOURCE_LIMIT } from "../common/limits.ts";
import { jsonSchemaDiagnostics, parseJson, type JsonDocument } from "../common/json.ts";
import { fail, ok, type Result } from "../common/result.ts";
import { quote } from "../common/text.ts";
import type { SiteMeta } from "./views/types.ts";
import { HOST_IDS, HOSTS, MEASURES, type Host } from "./weight.ts";

export const GENERATOR = "Paper Digest 0.1.0";
export const CONFIG_FILE = path.join("content", "site.json");

/** A host that is not on the list, with its own limit: `{ "name": "our server", "measure": "bytes", "limit": 5e8 }`. */
const OwnHost = z
  .object({
    name: z.string().min(1),
    measure: z.enum(MEASURES),
    limit: z.number().int().positive(),
  })
  .strict();

const hostIds = HOST_IDS.map((id) => `"${id}"`).join(", ");

/** What is wrong with a `host` value, said once: zod's union would say only "Invalid input". */
function hostProblem(input: unknown): string {
  const own = `an object { "name", "measure", "limit" } for a host of your own`;
  if (typeof input === "string") return `unknown host ${quote(input)}; expected one of ${hostIds}, or ${own}`;
  const parsed = OwnHost.safeParse(input);
  if (typeof input !== "object" || !input || Array.isArray(input) || parsed.success)
    return `expected one of ${hostIds}, or ${own}`;
  const problems = parsed.error.issues.map((i) => {
    const what =
      i.code === "invalid_value"
        ? `expected one of ${i.values.map((v) => quote(String(v))).join(", ")}`
        : issueMessage(i);
    return `${i.path.map(String).join(".") || "value"}: ${what}`;
  });
  return `a host of your own: ${problems.join("; ")}`;
}

const SiteConfig = z
  .object({
    title: z.string().min(1).default("Paper Digest"),
    description: z.string().default(""),
    url: z.url({ protocol: /^https?$/ }).default("https://example.org/"),
    language: z.string().default("en"),
    /** where the site is deployed: its limit is the one the build warns about */
    host: z
      .union([z.enum(HOST_IDS), OwnHost], { error: (issue) => hostProblem(issue.input) })
      .default("github-pages"),
    /**
     * write `x.gz` / `x.br` beside scripts, stylesheets and data, for a server that sends them as
     * they are (nginx gzip_static, Caddy `precompressed`); the hosts named above compress on the fly
     * and never read them, so by default there are none
     */
    precompress: z.boolean().default(false),
  })
  .strict();

/** What the build is asked for on top of the content: a base path, a public URL, a fallback date. */
export interface BuildOptions {
  base?: string | undefined;
  url?: string | undefined;
  /** SOURCE_DATE_EPOCH: the site's date when no dump has one */
  sourceDateEpoch?: string | undefined;
}

export interface ConfigRead {
  meta: Omit<SiteMeta, "updated">;
  /** the site's date when no dump has one: SOURCE_DATE_EPOCH's day, never the clock */
  fallbackDate: string | undefined;
  /** where the site is deployed (GitHub Pages unless content/site.json says otherwise) */
  host: Host;
  /** whether the build writes compressed copies of scripts, stylesheets and data */
  precompress: boolean;
}

/** Reads content/site.json (optional: every field has a default) and applies the build options. */
export async function readSiteConfig(
  root: string,
  opts: BuildOptions = {},
): Promise<Result<ConfigRead, Diagnostic[]>> {
  const file = path.join(root, CONFIG_FILE);
  let doc: JsonDocument | undefined;
  if (await exists(file)) {
    const read = await readTextFile(file, { name: CONFIG_FILE, limit: SOURCE_LIMIT });
    if (!read.ok) return fail([read.error]);
    const json = parseJson(read.value.text, CONFIG_FILE);
    if (!json.ok) return fail([json.error]);
    doc = json.value;
  }
  const parsed = SiteConfig.safeParse(doc?.data ?? {});
  if (!parsed.success) {
    const diagnostics = doc
      ? jsonSchemaDiagnostics(CONFIG_FILE, doc, parsed.error)
      : zodDiagnostics(CONFIG_FILE, parsed.error);
    return fail(diagnostics);
  }
  const { host, precompress, ...site } = parsed.data;
  const url = withSlash(opts.url ?? site.url);
  const base = normalizeBase(opts.base);
  const meta = { ...site, url, generator: GENERATOR, base, prefix: base.slice(0, -1) };
  return ok({ meta, fallbackDate: epochDate(opts.sourceDateEpoch), host: hostOf(host), precompress });
}

function hostOf(setting: z.infer<typeof SiteConfig>["host"]): Host {
  if (typeof setting === "string") return HOSTS[setting];
  return { ...setting, source: CONFIG_FILE };
}

const withSlash = (url: string) => (url.endsWith("/") ? url : url + "/");

export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? "/").trim().replace(/^\/*/, "/").replace(/\/*$/, "/");
  return trimmed.replace(/\/{2,}/g, "/");
}

/** SOURCE_DATE_EPOCH as a YYYY-MM-DD day, when it is a valid number of seconds. */
function epochDate(value: string | undefined): string | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  return new Date(Number(value) * 1000).toISOString().slice(0, 10);
}

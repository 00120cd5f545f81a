// Owns one site build: Eleventy into a fresh folder beside the output, then an atomic swap.
import path from "node:path";
import { promises as fs } from "node:fs";
import Eleventy from "@11ty/eleventy";
import { setPrebuilt } from "./handoff.ts";
import type { SiteData } from "./views.ts";

export const PACKAGE_ROOT = path.resolve(new URL("../..", import.meta.url).pathname);

export interface BuildResult {
  pages: number;
  files: number;
}

/** Renders `data` into `out`. The old `out` stays byte-identical until the new one is complete. */
export async function buildSite(data: SiteData, out: string, hooks: { afterRender?: (dir: string) => Promise<void> } = {}): Promise<BuildResult> {
  const parent = path.dirname(path.resolve(out));
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(out)}-build-`));
  // mkdtemp makes a private folder; a site is for everyone to read
  await fs.chmod(staging, 0o755);
  // Eleventy resolves its folders and passthrough copies against the working folder
  const cwd = process.cwd();
  try {
    process.chdir(PACKAGE_ROOT);
    setPrebuilt(data);
    const eleventy = new Eleventy(path.join(PACKAGE_ROOT, "templates"), staging, {
      configPath: path.join(PACKAGE_ROOT, ".eleventy.ts"),
      pathPrefix: data.meta.base,
      quietMode: true,
    });
    eleventy.disableLogger();
    const written: unknown = await eleventy.write();
    await hooks.afterRender?.(staging);
    await swapIn(staging, path.resolve(out));
    return { pages: countPages(written), files: await countFiles(path.resolve(out)) };
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw err;
  } finally {
    setPrebuilt(undefined);
    process.chdir(cwd);
  }
}

async function swapIn(staging: string, out: string) {
  const old = `${staging}-old`;
  const hadOld = await fs.rename(out, old).then(() => true, (err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return false;
    throw err;
  });
  try {
    await fs.rename(staging, out);
  } catch (err) {
    if (hadOld) await fs.rename(old, out);
    throw err;
  }
  if (hadOld) await fs.rm(old, { recursive: true, force: true });
}

function countPages(written: unknown): number {
  const flat = (Array.isArray(written) ? written.flat(3) : []) as unknown[];
  return flat.filter((r) => typeof r === "object" && r !== null && "outputPath" in r && String(r.outputPath).endsWith(".html")).length;
}

async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

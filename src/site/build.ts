// Owns one site build: Eleventy into a fresh folder beside the output, then an atomic swap.
import path from "node:path";
import { makeStaging, removeTree, swapIn } from "../io.ts";
import Eleventy from "@11ty/eleventy";
import { setPrebuilt } from "./handoff.ts";
import type { SiteData } from "./views.ts";

export const PACKAGE_ROOT = path.resolve(new URL("../..", import.meta.url).pathname);

export interface BuildResult {
  pages: number;
}

/** Renders `data` into `out`. The old `out` stays byte-identical until the new one is complete. */
export async function buildSite(data: SiteData, out: string): Promise<BuildResult> {
  const staging = await makeStaging(path.resolve(out));
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
    await swapIn(staging, path.resolve(out));
    return { pages: countPages(written) };
  } catch (err) {
    await removeTree(staging);
    throw err;
  } finally {
    setPrebuilt(undefined);
    process.chdir(cwd);
  }
}

function countPages(written: unknown): number {
  const flat: unknown[] = Array.isArray(written) ? written.flat(3) : [];
  return flat.filter(
    (r) => typeof r === "object" && r !== null && "outputPath" in r && String(r.outputPath).endsWith(".html"),
  ).length;
}

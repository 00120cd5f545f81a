// Owns the site's page URLs as a browser script makes them: the paths of src/common/paths.ts,
// relative to the bundled script itself (in assets/), so they hold under any base path.
import { paths } from "../common/paths.ts";

const inSite = (path: string) => new URL(`..${path}`, import.meta.url);

/** A file of the site by its path inside it ("foryou/x.json" or "/topics/x/"). */
export const siteFileUrl = (path: string) => inSite(path.startsWith("/") ? path : `/${path}`).href;

export const paperUrl = (slug: string) => inSite(paths.paper(slug)).href;
export const topicUrl = (slug: string) => inSite(paths.topic(slug)).href;
export const savedUrl = (hash = "") => inSite(paths.saved + hash).href;
export const searchUrl = (q: string) => {
  const u = inSite(paths.search);
  if (q) u.searchParams.set("q", q);
  return u.href;
};

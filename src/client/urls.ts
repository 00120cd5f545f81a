// Owns the site's page URLs as a browser script makes them: relative to the bundled script itself
// (in assets/), so they hold under any base path.

export const paperUrl = (slug: string) =>
  new URL(`../papers/${encodeURIComponent(slug)}/`, import.meta.url).href;
export const topicUrl = (slug: string) =>
  new URL(`../topics/${encodeURIComponent(slug)}/`, import.meta.url).href;
export const searchUrl = (q: string) => {
  const u = new URL("../search/", import.meta.url);
  if (q) u.searchParams.set("q", q);
  return u.href;
};

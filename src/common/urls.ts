// Owns what address from a feed may become a link: http(s) with a host that has a dot.

/** An http(s) address with a host that has a dot: what may become a link. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}

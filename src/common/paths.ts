// Owns the site's URL scheme: the path of every kind of page inside the site (before its base
// path). The templates (as the `paths` global data), the views and the browser scripts all take
// their paths from here, so a page moves in one place.

const part = encodeURIComponent;

export const paths = Object.freeze({
  home: "/",
  paper: (slug: string) => `/papers/${part(slug)}/`,
  topics: "/topics/",
  topic: (slug: string) => `/topics/${part(slug)}/`,
  topicFeed: (slug: string) => `/topics/${part(slug)}/feed.xml`,
  digests: "/digests/",
  digest: (key: string) => `/digests/${part(key)}/`,
  search: "/search/",
  saved: "/saved/",
  about: "/about/",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  notFound: "/404.html",
  /** page `n` of a list whose first page is at `first` */
  page: (first: string, n: number) => (n <= 1 ? first : `${first}page/${n}/`),
});

// Owns cutting a long list of papers into pages that link each other, so no page grows with the
// archive: topic pages, and digests of a daily listing with hundreds of papers.

import { paths } from "../../common/paths.ts";

export const PAGE_SIZE = 50;

export interface Page<T> {
  /** 1-based */
  number: number;
  of: number;
  /** site path of this page, and of its neighbours */
  url: string;
  prev?: string | undefined;
  next?: string | undefined;
  /** position of the first item on this page among all the items, 1-based */
  start: number;
  items: T[];
}

/** The URL of the page that holds the item at a 1-based position. */
export function pageUrl(base: string, position: number, size = PAGE_SIZE): string {
  return paths.page(base, Math.ceil(position / size));
}

/** The pages of a list: the first at `base`, the others at `base` + `page/N/`. An empty list is one empty page. */
export function paginate<T>(items: T[], base: string, size = PAGE_SIZE): Page<T>[] {
  const of = Math.max(1, Math.ceil(items.length / size));
  const url = (n: number) => paths.page(base, n);
  return Array.from({ length: of }, (_, i) => ({
    number: i + 1,
    of,
    url: url(i + 1),
    prev: i > 0 ? url(i) : undefined,
    next: i + 1 < of ? url(i + 2) : undefined,
    start: i * size + 1,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

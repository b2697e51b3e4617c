// Fixed-size pages for long listings: /servers/, /servers/page/2/, ... Each page gets only its slice.

export const PAGE_SIZE = 100;

export type PageInfo = { number: number; count: number; url: (n: number) => string };

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** URL of page n of a listing rooted at `base` (page 1 is the base itself). */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

export function slice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The page number of a rest parameter `page/N` (absent on page 1). */
export function pageFromRest(param: string | undefined): number {
  return param ? Number(param.split('/')[1]) : 1;
}

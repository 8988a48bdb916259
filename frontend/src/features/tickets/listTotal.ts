import type { Page } from '../../api/types';

/**
 * The size of the ticket list as the page tells it. A text search stops counting at 1,000 matches (docs/adr/0069):
 * the server then sends `totalCapped` and a lower bound, shown as "1,000+". Paging goes on past it: the pager offers
 * the pages up to the bound, and one more while the page read is full, so "next" stays until a page comes back short.
 * There is no exact last page to jump to; the oldest matches are one click away by sorting oldest first.
 */
export interface ListTotal {
  /** The number to show, grouped ("47,642"; "1,000" when capped). */
  shown: string;
  /** The number itself, which chooses the wording's plural form ("1 ticket", "2 tickets"). */
  count: number;
  capped: boolean;
  /** What the pager is told the total is. */
  pagerTotal: number;
}

const GROUPED = new Intl.NumberFormat('en-US');

export function listTotal(page: Page<unknown> | undefined): ListTotal {
  const total = page?.totalElements ?? 0;
  const capped = !!page?.totalCapped;
  const full = !!page && page.content.length === page.size;
  const seen = page ? (page.page + 1) * page.size + (full ? 1 : 0) : 0;
  return { shown: GROUPED.format(total), count: total, capped, pagerTotal: capped ? Math.max(total, seen) : total };
}

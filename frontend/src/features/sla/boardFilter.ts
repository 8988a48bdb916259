import { CLOCKS, REGIONS } from '../../api/types';

export const BOARD_RISKS = ['AT_RISK', 'OVERDUE'] as const;
export type BoardRisk = (typeof BOARD_RISKS)[number];

/** Server-side orders of GET /api/sla/board; `remaining` (most urgent first) is the server's default. */
export const BOARD_SORTS = ['remaining', 'level', 'ticket'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export interface BoardFilter {
  level?: string;
  clock?: string;
  region?: string;
  engineer?: string;
  risk?: BoardRisk;
  sort?: BoardSort;
}

const FILTER_KEYS = ['level', 'clock', 'region', 'engineer', 'risk', 'sort'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

const text = (value: string | null) => (value && value.trim() ? value.trim() : undefined);

/** Filters live in the URL (like the ticket list), so "back" from a ticket returns to the same board. */
export function readBoardFilter(params: URLSearchParams): BoardFilter {
  return {
    level: text(params.get('level')),
    clock: oneOf(CLOCKS, params.get('clock')),
    region: oneOf(REGIONS, params.get('region')),
    engineer: text(params.get('engineer')),
    risk: oneOf(BOARD_RISKS, params.get('risk')),
    sort: oneOf(BOARD_SORTS, params.get('sort')),
  };
}

/**
 * Query parameters for GET /api/sla/board and /api/sla/board.xlsx: only the filters that are set;
 * the default order (`remaining`) is left to the server.
 */
export function boardQuery(filter: BoardFilter): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === 'sort' && value === 'remaining') continue;
    query[key] = value;
  }
  return query;
}

/** True when anything narrows the board (the order does not). */
export function isFiltered(filter: BoardFilter): boolean {
  return Object.keys(boardQuery({ ...filter, sort: undefined })).length > 0;
}

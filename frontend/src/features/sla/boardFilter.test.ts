import { describe, expect, it } from 'vitest';
import { withQuery } from '../../api/client';
import { boardQuery, isFiltered, readBoardFilter } from './boardFilter';

describe('board filter → query', () => {
  it('sends only the filters that are set', () => {
    expect(boardQuery({})).toEqual({});
    expect(
      boardQuery({
        level: '1',
        clock: 'RESPONSE',
        region: 'CITY',
        engineer: 'engineer',
        risk: 'OVERDUE',
        sort: 'level',
      }),
    ).toEqual({
      level: '1',
      clock: 'RESPONSE',
      region: 'CITY',
      engineer: 'engineer',
      risk: 'OVERDUE',
      sort: 'level',
    });
    expect(boardQuery({ level: '', engineer: undefined, risk: 'AT_RISK' })).toEqual({ risk: 'AT_RISK' });
  });

  it('leaves the default order (most urgent first) to the server', () => {
    expect(boardQuery({ sort: 'remaining' })).toEqual({});
    expect(boardQuery({ sort: 'ticket' })).toEqual({ sort: 'ticket' });
  });

  it('builds the request URL', () => {
    expect(withQuery('api/sla/board', boardQuery({ risk: 'OVERDUE', region: 'COUNTY' }))).toBe(
      'api/sla/board?region=COUNTY&risk=OVERDUE',
    );
    expect(withQuery('api/sla/board.xlsx', boardQuery({}))).toBe('api/sla/board.xlsx');
  });

  it('reads the URL, dropping values the API does not know', () => {
    const filter = readBoardFilter(
      new URLSearchParams('level=2&clock=ON_SITE&region=CITY&engineer=engineer&risk=AT_RISK&sort=ticket'),
    );
    expect(filter).toEqual({
      level: '2',
      clock: 'ON_SITE',
      region: 'CITY',
      engineer: 'engineer',
      risk: 'AT_RISK',
      sort: 'ticket',
    });
    expect(
      boardQuery(readBoardFilter(new URLSearchParams('clock=LUNCH&region=MARS&risk=SOON&sort=random&level=%20'))),
    ).toEqual({});
  });

  it('knows when the board is narrowed (the order does not narrow it)', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ sort: 'level' })).toBe(false);
    expect(isFiltered({ risk: 'OVERDUE' })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { listTotal } from './listTotal';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
const page = (p: number, size: number, content: number, totalElements: number, totalCapped?: boolean) => ({
  content: rows(content),
  page: p,
  size,
  totalElements,
  totalPages: Math.ceil(totalElements / size),
  totalCapped,
});

describe('listTotal (ADR 0069)', () => {
  it('an exact total is shown grouped and paged to its end', () => {
    expect(listTotal(page(0, 20, 20, 47642))).toEqual({
      shown: '47,642',
      count: 47642,
      capped: false,
      pagerTotal: 47642,
    });
    expect(listTotal(page(0, 20, 2, 2))).toEqual({ shown: '2', count: 2, capped: false, pagerTotal: 2 });
    expect(listTotal(undefined)).toEqual({ shown: '0', count: 0, capped: false, pagerTotal: 0 });
  });

  it('a capped total reads "1,000+" and the pager offers its 50 pages', () => {
    expect(listTotal(page(0, 20, 20, 1000, true))).toEqual({
      shown: '1,000',
      count: 1000,
      capped: true,
      pagerTotal: 1000,
    });
  });

  it('past the cap the pager keeps a next page while the page read is full', () => {
    // page 50 (index 49) is full: page 51 must be offered
    expect(listTotal(page(49, 20, 20, 1000, true)).pagerTotal).toBe(1001);
    // page 51: the server raised the bound to the rows seen; one more page is offered
    expect(listTotal(page(50, 20, 20, 1020, true)).pagerTotal).toBe(1021);
  });

  it('says so in Chinese', async () => {
    await i18n.changeLanguage('zh');
    expect(i18n.t('tickets.foundAtLeast', { total: listTotal(page(0, 20, 20, 1000, true)).shown })).toBe(
      '共 1,000+ 张工单',
    );
    const found = (n: number) => {
      const total = listTotal(page(0, 20, Math.min(n, 20), n));
      return i18n.t('tickets.found', { total: total.shown, count: total.count });
    };
    expect(found(47642)).toBe('共 47,642 张工单');
    expect(found(1)).toBe('共 1 张工单');
  });

  it('says "1 ticket" in English, not "1 tickets"', async () => {
    await i18n.changeLanguage('en');
    const found = (n: number) => {
      const total = listTotal(page(0, 20, Math.min(n, 20), n));
      return i18n.t('tickets.found', { total: total.shown, count: total.count });
    };
    expect(found(1)).toBe('1 ticket');
    expect(found(2)).toBe('2 tickets');
    expect(found(47642)).toBe('47,642 tickets');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import type { SecurityIncidentSummary } from './api';
import {
  asked,
  CUSTOMERS,
  json,
  mockApi,
  NOW,
  pick,
  renderSecurityIncidents,
  SLOW,
  stats,
  summary,
  TEST_TIMEOUT,
} from './testSupport';

// jsdom has no layout for ECharts to measure: the chart library itself is replaced
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ on: vi.fn(), setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })),
}));

const leak = summary();
const beyond = summary({
  id: 2,
  number: 'SEC-000002',
  customerId: 8,
  customerName: '示范县交警大队',
  kind: 'BEYOND_AUTHORIZATION',
  impact: 'MAJOR',
  status: 'INVESTIGATING',
  title: '越权修改卡口设备配置',
  occurredAt: '2026-11-20T01:05:00Z', // 09:05 in Beijing
  handler: 'supervisor',
  handlerName: '刘强',
});

const LIST = 'api/security-incidents';
const STATS = 'api/security-incidents/stats';

/** The list as the server filters it: by unit, status and kind. */
function listApi(roles: Role[], all: SecurityIncidentSummary[] = [leak, beyond]) {
  return mockApi(roles, (url) => {
    if (url === 'api/customers') return json(roles.includes('CUSTOMER') ? [CUSTOMERS[0]] : CUSTOMERS);
    if (url.startsWith(STATS)) return json(stats());
    if (url === LIST || url.startsWith(`${LIST}?`)) {
      const q = new URL(url, 'http://x/').searchParams;
      return json(
        all.filter(
          (c) =>
            (!q.get('customerId') || String(c.customerId) === q.get('customerId')) &&
            (!q.get('status') || c.status === q.get('status')) &&
            (!q.get('kind') || c.kind === q.get('kind')),
        ),
      );
    }
    return undefined;
  });
}

const rowIds = () =>
  Array.from(document.querySelectorAll('[data-testid^="sec-row-"]')).map((r) => r.getAttribute('data-testid'));

describe('SecurityIncidentsPage', () => {
  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    vi.useRealTimers();
    authStore.clear();
    vi.unstubAllGlobals();
    resetViewport();
    await i18n.changeLanguage('en');
  });

  it(
    'says what the page is for when there is no incident, offers 报告安全事件, and shows the desk no statistics',
    async () => {
      const fetchMock = listApi(['SERVICE_DESK'], []);
      renderSecurityIncidents('/security-incidents');
      const empty = await screen.findByTestId('sec-empty', undefined, SLOW);
      expect(empty.textContent).toContain('暂无安全事件');
      expect(empty.textContent).toContain('泄密、盗用用户资料、擅自更改资料');
      expect(empty.textContent).toContain('报告安全事件');
      expect(screen.getByText('安全事件', { selector: 'h3' })).toBeTruthy();
      expect(screen.getByTestId('sec-report').textContent).toContain('报告安全事件');
      // the statistics are for supervisors, administrators and the unit's own users
      expect(screen.queryByTestId('sec-stats')).toBeNull();
      expect(asked(fetchMock).some((u) => u.startsWith(STATS))).toBe(false);
      expect(asked(fetchMock)).toContain(LIST);
    },
    TEST_TIMEOUT,
  );

  it(
    'opens the report form from 报告安全事件',
    async () => {
      listApi(['ENGINEER'], []);
      renderSecurityIncidents('/security-incidents');
      fireEvent.click(await screen.findByTestId('sec-report', undefined, SLOW));
      expect(await screen.findByTestId('sec-new-page', undefined, SLOW)).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'lists the incidents in Chinese with the unit, handler and Beijing time, and the 12 months’ counts for a supervisor',
    async () => {
      const fetchMock = listApi(['SUPERVISOR']);
      renderSecurityIncidents('/security-incidents');
      expect((await screen.findByTestId('sec-status-1', undefined, SLOW)).textContent).toBe('待调查');
      expect(screen.getByTestId('sec-status-2').textContent).toBe('调查中');
      expect(screen.getByTestId('sec-impact-1').textContent).toBe('严重');
      expect(screen.getByTestId('sec-impact-2').textContent).toBe('重大');
      expect(rowIds()).toEqual(['sec-row-1', 'sec-row-2']);
      const row = screen.getByTestId('sec-row-2');
      for (const text of [
        'SEC-000002',
        '越权修改卡口设备配置',
        '示范县交警大队',
        '超越授权操作',
        '2026-11-20 09:05',
        '刘强',
      ]) {
        expect(row.textContent).toContain(text);
      }
      expect(screen.getByTestId('sec-row-1').textContent).toContain('泄密');
      expect(screen.getByTestId('sec-row-1').textContent).toContain('尚未接手');

      // the statistics of the server's default period
      expect(await screen.findByTestId('sec-stats', undefined, SLOW)).toBeTruthy();
      expect(asked(fetchMock)).toContain(STATS);
      expect(screen.getByTestId('sec-stats-total').textContent).toContain('5');
      expect(screen.getByTestId('sec-stats-open').textContent).toContain('2');
      expect(screen.getByTestId('sec-stats-period').textContent).toBe('2026年1月至2026年12月');
      expect(screen.getByTestId('sec-stats-kind-LEAK').textContent).toContain('泄密');
      expect(screen.getByTestId('sec-stats-kind-LEAK').textContent).toContain('3');
      expect(screen.getByTestId('sec-stats-kind-BEYOND_AUTHORIZATION').textContent).toContain('超越授权操作');
      expect(screen.getByTestId('sec-stats-impact-MAJOR').textContent).toContain('重大');
      expect(screen.getByTestId('sec-stats-impact-MAJOR').textContent).toContain('2');
      expect(screen.getByTestId('sec-stats-months')).toBeTruthy();
      // no code name and no English reaches a Chinese reader
      expect(document.body.textContent).not.toMatch(
        /LEAK|BEYOND_AUTHORIZATION|REPORTED|INVESTIGATING|SERIOUS|MAJOR|securityIncidents\./,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'asks the server for the unit, status and kind chosen, and counts the chosen unit',
    async () => {
      const fetchMock = listApi(['SUPERVISOR']);
      renderSecurityIncidents('/security-incidents');
      await screen.findByTestId('sec-row-2', undefined, SLOW);

      await pick('sec-filter-unit', '示范县交警大队');
      await waitFor(() => expect(rowIds()).toEqual(['sec-row-2']), SLOW);
      expect(asked(fetchMock)).toContain(`${LIST}?customerId=8`);
      await waitFor(() => expect(asked(fetchMock)).toContain(`${STATS}?customerId=8`), SLOW);

      await pick('sec-filter-status', '调查中');
      await waitFor(() => expect(asked(fetchMock)).toContain(`${LIST}?customerId=8&status=INVESTIGATING`), SLOW);

      await pick('sec-filter-kind', '泄密');
      await waitFor(
        () => expect(asked(fetchMock)).toContain(`${LIST}?customerId=8&status=INVESTIGATING&kind=LEAK`),
        SLOW,
      );
      expect(await screen.findByText('没有符合条件的安全事件', undefined, SLOW)).toBeTruthy();
      expect(screen.queryByTestId('sec-empty')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'gives a customer’s user their unit’s incidents and counts, with no unit filter or column',
    async () => {
      const fetchMock = listApi(['CUSTOMER'], [leak]);
      renderSecurityIncidents('/security-incidents');
      await screen.findByTestId('sec-row-1', undefined, SLOW);
      expect(screen.queryByTestId('sec-filter-unit')).toBeNull();
      expect(screen.getByTestId('sec-list').textContent).not.toContain('客户单位');
      expect(screen.getByTestId('sec-customer-intro')).toBeTruthy();
      expect(await screen.findByTestId('sec-stats', undefined, SLOW)).toBeTruthy();
      expect(asked(fetchMock)).toContain(STATS);
      expect(asked(fetchMock)).not.toContain('api/customers');
      expect(screen.getByTestId('sec-report')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the incidents as cards on a phone, each titled with its number and title',
    async () => {
      setViewportWidth(390);
      listApi(['SUPERVISOR']);
      renderSecurityIncidents('/security-incidents');
      const card = await screen.findByTestId('sec-row-2', undefined, SLOW);
      expect(screen.getByTestId('sec-list').getAttribute('data-layout')).toBe('cards');
      expect(within(card).getByText('SEC-000002 · 越权修改卡口设备配置')).toBeTruthy();
      expect(card.textContent).toContain('调查中');
      expect(card.textContent).toContain('刘强');
    },
    TEST_TIMEOUT,
  );
});

import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import { ChangesPage } from './ChangesPage';
import { changeView, customerView, json, mockApi, NOW, renderChanges } from './testSupport';

// antd on a loaded two-core machine: slow
const SLOW = { timeout: 30_000 };
const TEST_TIMEOUT = 90_000;

/** December 2026 in Beijing time, as the calendar asks for it. */
const DECEMBER = { from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' };
const JANUARY = { from: '2026-12-31T16:00:00.000Z', to: '2027-01-31T16:00:00.000Z' };
const NOVEMBER = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };

// 12 and 13: one unit, overlapping on 12月10日 (14:00–16:00 and 15:00–17:00 Beijing time)
const first = changeView({ status: 'SCHEDULED' });
const overlapping = changeView({
  id: 13,
  number: 'CHG-000013',
  title: '存储扩容',
  status: 'SUBMITTED',
  plannedStart: '2026-12-10T07:00:00Z',
  plannedEnd: '2026-12-10T09:00:00Z',
});
// the same time as 12 in another unit: no clash
const otherUnit = changeView({
  id: 14,
  number: 'CHG-000014',
  title: '门诊系统补丁',
  customerId: 8,
  customerName: '示范区人民医院',
  siteId: null,
  siteName: null,
  status: 'SCHEDULED',
});
// over midnight: 12月20日 22:00 – 12月21日 02:00
const overnight = changeView({
  id: 15,
  number: 'CHG-000015',
  title: '数据库迁移',
  major: true,
  status: 'SCHEDULED',
  plannedStart: '2026-12-20T14:00:00Z',
  plannedEnd: '2026-12-20T18:00:00Z',
  leadHours: 72,
});
// cancelled, at the same time as 15: hidden by default, greyed when shown, and never a clash
const cancelled = changeView({
  id: 16,
  number: 'CHG-000016',
  title: '机房断电检修',
  status: 'CANCELLED',
  plannedStart: '2026-12-20T15:00:00Z',
  plannedEnd: '2026-12-20T16:00:00Z',
});
const DECEMBER_CHANGES = [first, overlapping, otherUnit, overnight, cancelled];

const asked = (url: string) => {
  const q = new URL(url, 'http://localhost/').searchParams;
  return { from: q.get('from'), to: q.get('to') };
};

/** The month's changes for December, none for any other month. */
function calendarApi(roles: Parameters<typeof mockApi>[0] = ['SUPERVISOR'], changes = DECEMBER_CHANGES) {
  return mockApi(roles, (url) => {
    if (url.startsWith('api/changes?')) {
      const { from, to } = asked(url);
      return json(from === DECEMBER.from && to === DECEMBER.to ? changes : []);
    }
    if (url === 'api/changes/12') return json(changes.find((c) => c.id === 12));
    return undefined;
  });
}

const windowCalls = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('api/changes?from='));

const entry = (date: string, id: number) => screen.queryByTestId(`calendar-entry-${date}-${id}`);

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

describe('ChangeCalendar', () => {
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
    'asks for the month in Beijing time and shows each change on every day its window touches',
    async () => {
      const fetchMock = calendarApi();
      renderChanges('/changes?view=calendar');
      await waitFor(() => expect(entry('2026-12-10', 12)).not.toBeNull(), SLOW);
      expect(windowCalls(fetchMock).map(asked)).toEqual([DECEMBER]);
      // the list is not asked for while the calendar is shown
      expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/changes')).toBe(false);
      expect(screen.getByTestId('calendar-month').textContent).toBe('2026年12月');
      expect(screen.getByTestId('calendar-grid')).toBeTruthy();
      // Monday first
      const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
      expect(headers).toEqual(['一', '二', '三', '四', '五', '六', '日']);

      const tenth = screen.getByTestId('calendar-day-2026-12-10');
      expect(tenth.textContent).toContain('CHG-000012');
      expect(tenth.textContent).toContain('核心交换机固件升级');
      expect(tenth.textContent).toContain('CHG-000014');
      // over midnight: on both days, marked 重大
      expect(entry('2026-12-20', 15)).not.toBeNull();
      expect(entry('2026-12-21', 15)).not.toBeNull();
      expect(entry('2026-12-22', 15)).toBeNull();
      expect(entry('2026-12-20', 15)?.textContent).toContain('重大');
      // coloured as the list's status tags
      expect(entry('2026-12-10', 12)?.querySelector('.ant-tag-blue')).not.toBeNull();
      expect(entry('2026-12-10', 13)?.querySelector('.ant-tag-gold')).not.toBeNull();

      const legend = screen.getByTestId('calendar-legend');
      expect(legend.textContent).toContain('已排期');
      expect(legend.textContent).toContain('时间重叠');
      expect(legend.textContent).toContain('北京时间');
      // the units of the month, all by default
      expect(within(screen.getByTestId('calendar-unit')).getByText('全部单位')).toBeTruthy();
      // no code name and no English reaches a Chinese reader
      expect(document.body.textContent).not.toMatch(/SUBMITTED|SCHEDULED|CANCELLED|changes\.|calendar\.|Major/);
    },
    TEST_TIMEOUT,
  );

  it(
    'marks overlapping changes of one unit 时间重叠, not the same times in two units',
    async () => {
      calendarApi();
      renderChanges('/changes?view=calendar');
      await waitFor(() => expect(entry('2026-12-10', 12)).not.toBeNull(), SLOW);
      expect(entry('2026-12-10', 12)?.getAttribute('data-clash')).toBe('true');
      expect(entry('2026-12-10', 13)?.getAttribute('data-clash')).toBe('true');
      expect(entry('2026-12-10', 12)?.textContent).toContain('时间重叠');
      expect(entry('2026-12-10', 14)?.getAttribute('data-clash')).toBe('false');
      expect(entry('2026-12-10', 14)?.textContent).not.toContain('时间重叠');
      expect(entry('2026-12-20', 15)?.getAttribute('data-clash')).toBe('false');
    },
    TEST_TIMEOUT,
  );

  it(
    'hides cancelled changes until asked, then shows them greyed and never clashing',
    async () => {
      calendarApi();
      renderChanges('/changes?view=calendar');
      await waitFor(() => expect(entry('2026-12-20', 15)).not.toBeNull(), SLOW);
      expect(entry('2026-12-20', 16)).toBeNull();

      fireEvent.click(screen.getByText('显示未实施的变更（已取消、已驳回、测试未通过）'));
      await waitFor(() => expect(entry('2026-12-20', 16)).not.toBeNull(), SLOW);
      const shown = entry('2026-12-20', 16)!;
      expect(shown.getAttribute('data-greyed')).toBe('true');
      expect(shown.getAttribute('data-clash')).toBe('false');
      expect(shown.querySelector('.ant-tag-default')).not.toBeNull();
      // the same unit's change at the same time does not clash with a cancelled one
      expect(entry('2026-12-20', 15)?.getAttribute('data-clash')).toBe('false');
    },
    TEST_TIMEOUT,
  );

  it(
    'filters by unit',
    async () => {
      calendarApi();
      renderChanges('/changes?view=calendar');
      await waitFor(() => expect(entry('2026-12-10', 14)).not.toBeNull(), SLOW);
      fireEvent.mouseDown(within(screen.getByTestId('calendar-unit')).getByRole('combobox'));
      fireEvent.click(await screen.findByText('示范区人民医院', { selector: '.ant-select-item-option-content' }, SLOW));
      await waitFor(() => expect(entry('2026-12-10', 12)).toBeNull(), SLOW);
      expect(entry('2026-12-10', 14)).not.toBeNull();
      expect(entry('2026-12-20', 15)).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'opens a change on a click',
    async () => {
      const fetchMock = calendarApi();
      renderChanges('/changes?view=calendar');
      await waitFor(() => expect(entry('2026-12-10', 12)).not.toBeNull(), SLOW);
      fireEvent.click(entry('2026-12-10', 12)!);
      await waitFor(() => expect(screen.queryByTestId('change-calendar')).toBeNull(), SLOW);
      await waitFor(() => expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/changes/12')).toBe(true), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks again for another month, and says 本月没有变更 for an empty one',
    async () => {
      const fetchMock = calendarApi();
      renderChanges('/changes?view=calendar');
      await waitFor(() => expect(entry('2026-12-10', 12)).not.toBeNull(), SLOW);
      expect(screen.queryByTestId('calendar-empty')).toBeNull();

      fireEvent.click(screen.getByText('下个月'));
      expect(await screen.findByText('本月没有变更', undefined, SLOW)).toBeTruthy();
      expect(screen.getByTestId('calendar-month').textContent).toBe('2027年1月');
      expect(entry('2026-12-10', 12)).toBeNull();
      // January has no 31 + 1
      expect(screen.getByTestId('calendar-day-2027-01-31')).toBeTruthy();

      fireEvent.click(screen.getByText('上个月'));
      fireEvent.click(screen.getByText('上个月'));
      await waitFor(() => expect(screen.getByTestId('calendar-month').textContent).toBe('2026年11月'), SLOW);
      await waitFor(() => expect(windowCalls(fetchMock).map(asked)).toContainEqual(NOVEMBER), SLOW);

      fireEvent.click(screen.getByTestId('calendar-this-month'));
      await waitFor(() => expect(entry('2026-12-10', 12)).not.toBeNull(), SLOW);
      // each month asked for in Beijing time (a month shown again is asked for again: the cache keeps it meanwhile)
      const months = new Set(windowCalls(fetchMock).map((u) => JSON.stringify(asked(u))));
      expect([...months]).toEqual([DECEMBER, JANUARY, NOVEMBER].map((m) => JSON.stringify(m)));
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a phone an agenda by day instead of the grid',
    async () => {
      setViewportWidth(390);
      calendarApi(['SERVICE_DESK']);
      renderChanges('/changes?view=calendar');
      const tenth = await screen.findByTestId('agenda-day-2026-12-10', undefined, SLOW);
      expect(screen.queryByTestId('calendar-grid')).toBeNull();
      expect(tenth.textContent).toContain('12月10日 星期四');
      const card = screen.getByTestId('agenda-entry-2026-12-10-12');
      expect(card.textContent).toContain('12月10日 14:00–16:00');
      expect(card.textContent).toContain('CHG-000012');
      expect(card.textContent).toContain('核心交换机固件升级');
      expect(card.textContent).toContain('示范市公安局 / 指挥中心');
      expect(card.textContent).toContain('已排期');
      expect(card.textContent).toContain('时间重叠');
      expect(screen.getByTestId('agenda-entry-2026-12-10-14').textContent).not.toContain('时间重叠');
      // over midnight: under both days
      expect(screen.getByTestId('agenda-entry-2026-12-20-15').textContent).toContain('12月20日 22:00–12月21日 02:00');
      expect(screen.getByTestId('agenda-entry-2026-12-21-15').textContent).toContain('重大变更');
      expect(screen.getByTestId('agenda-day-2026-12-21').textContent).toContain('12月21日 星期一');
      // days without a change are left out
      expect(screen.queryByTestId('agenda-day-2026-12-11')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a customer their announced changes, with no unit filter for one unit',
    async () => {
      calendarApi(['CUSTOMER'], [customerView(first), customerView(overnight)]);
      renderChanges('/changes?view=calendar');
      await waitFor(() => expect(entry('2026-12-10', 12)).not.toBeNull(), SLOW);
      expect(screen.getByText('计划变更', { selector: 'h3' })).toBeTruthy();
      expect(screen.queryByTestId('calendar-unit')).toBeNull();
      expect(screen.queryByTestId('change-create')).toBeNull();
      // the legend names no status a customer never sees
      expect(screen.getByTestId('calendar-legend').textContent).not.toContain('待审批');
    },
    TEST_TIMEOUT,
  );

  it(
    'switches between list and calendar through ?view=calendar',
    async () => {
      const fetchMock = calendarApi();
      render(
        <App>
          <AuthProvider>
            <MemoryRouter initialEntries={['/changes']}>
              <Routes>
                <Route
                  path="/changes"
                  element={
                    <SignedIn>
                      <ChangesPage />
                      <Location />
                    </SignedIn>
                  }
                />
              </Routes>
            </MemoryRouter>
          </AuthProvider>
        </App>,
      );
      // 列表 by default
      expect(await screen.findByTestId('changes-list', undefined, SLOW)).toBeTruthy();
      expect(screen.queryByTestId('change-calendar')).toBeNull();
      expect(windowCalls(fetchMock)).toEqual([]);

      fireEvent.click(screen.getByText('日历'));
      await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/changes?view=calendar'), SLOW);
      await waitFor(() => expect(entry('2026-12-10', 12)).not.toBeNull(), SLOW);
      expect(screen.queryByTestId('changes-list')).toBeNull();

      fireEvent.click(screen.getByText('列表'));
      await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/changes'), SLOW);
      expect(await screen.findByTestId('changes-list', undefined, SLOW)).toBeTruthy();
    },
    TEST_TIMEOUT,
  );
});

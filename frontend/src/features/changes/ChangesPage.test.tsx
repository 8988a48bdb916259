import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import { changeView, customerView, json, mockApi, NOW, renderChanges } from './testSupport';

// antd tables and tabs: slow on a loaded two-core machine
const SLOW = { timeout: 30_000 };
const TEST_TIMEOUT = 90_000;

const submitted = changeView();
const scheduled = changeView({
  id: 13,
  number: 'CHG-000013',
  title: '存储扩容',
  major: true,
  testPlan: '先在备用阵列上演练',
  siteId: null,
  siteName: null,
  plannedStart: '2026-12-20T14:00:00Z', // 22:00 in Shanghai
  plannedEnd: '2026-12-20T18:00:00Z', // 02:00 the next day
  status: 'SCHEDULED',
  decidedBy: 'supervisor',
  decidedAt: '2026-12-02T02:00:00Z',
  testedBy: 'engineer',
  testedAt: '2026-12-03T02:00:00Z',
  testPassed: true,
  announcedAt: '2026-12-03T02:05:00Z',
  leadHours: 72,
});
const done = changeView({
  id: 14,
  number: 'CHG-000014',
  title: '防火墙策略调整',
  plannedStart: '2026-11-20T06:00:00Z',
  plannedEnd: '2026-11-20T07:00:00Z',
  status: 'DONE',
  announcedAt: '2026-11-18T02:00:00Z',
  outcome: 'SUCCEEDED',
  outcomeNote: '策略已生效',
});
const rejected = changeView({ id: 15, number: 'CHG-000015', title: '更换核心路由', status: 'REJECTED' });
const cancelled = changeView({ id: 16, number: 'CHG-000016', title: '机房断电检修', status: 'CANCELLED' });

function staffApi(roles: Parameters<typeof mockApi>[0] = ['SUPERVISOR']) {
  return mockApi(roles, (url) => {
    if (url === 'api/changes') return json([done, submitted, scheduled]);
    if (url === 'api/changes?status=SUBMITTED') return json([submitted]);
    if (url === 'api/changes?status=REJECTED') return json([rejected]);
    if (url === 'api/changes?status=TEST_FAILED') return json([]);
    if (url === 'api/changes?status=CANCELLED') return json([cancelled]);
    return undefined;
  });
}

const rowTexts = () =>
  Array.from(document.querySelectorAll('[data-testid^="change-row-"]')).map((r) => r.getAttribute('data-testid'));

describe('ChangesPage', () => {
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
    'lists the changes newest window first with Chinese statuses, levels and windows in service time',
    async () => {
      staffApi();
      renderChanges('/changes');
      expect((await screen.findByTestId('change-status-12', undefined, SLOW)).textContent).toBe('待审批');
      expect(screen.getByTestId('change-status-13').textContent).toBe('已排期');
      expect(screen.getByTestId('change-status-14').textContent).toBe('已完成');
      // newest planned start first
      expect(rowTexts()).toEqual(['change-row-13', 'change-row-12', 'change-row-14']);
      const row12 = screen.getByTestId('change-row-12');
      expect(row12.textContent).toContain('CHG-000012');
      expect(row12.textContent).toContain('示范市公安局 / 指挥中心');
      expect(row12.textContent).toContain('一般变更');
      expect(row12.textContent).toContain('12月10日 14:00–16:00');
      expect(row12.textContent).toContain('张伟');
      const row13 = screen.getByTestId('change-row-13');
      expect(row13.textContent).toContain('重大变更');
      expect(row13.textContent).toContain('12月20日 22:00–12月21日 02:00');
      // finished without the customer's sign-off yet: 待用户确认; not for a change still to come
      expect(screen.getByTestId('change-awaiting-confirm-14').textContent).toBe('待用户确认');
      expect(screen.queryByTestId('change-awaiting-confirm-12')).toBeNull();
      expect(screen.queryByTestId('change-awaiting-confirm-13')).toBeNull();
      // a supervisor may ask for a change
      expect(screen.getByTestId('change-create').textContent).toContain('新建变更');
      expect(screen.queryByTestId('changes-customer-intro')).toBeNull();
      // no code name and no English reaches a Chinese reader
      expect(document.body.textContent).not.toMatch(/SUBMITTED|SCHEDULED|DONE|changes\.|Major|Minor/);
    },
    TEST_TIMEOUT,
  );

  it(
    'filters by status, and asks for the three ended statuses under 已结束',
    async () => {
      const fetchMock = staffApi(['ENGINEER']);
      renderChanges('/changes');
      await screen.findByTestId('change-row-13', undefined, SLOW);
      fireEvent.click(screen.getByRole('tab', { name: '待审批' }));
      await waitFor(() => expect(rowTexts()).toEqual(['change-row-12']), SLOW);
      expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/changes?status=SUBMITTED')).toBe(true);

      fireEvent.click(screen.getByRole('tab', { name: '已结束' }));
      await waitFor(() => expect(rowTexts().sort()).toEqual(['change-row-15', 'change-row-16']), SLOW);
      const asked = fetchMock.mock.calls.map(([u]) => String(u));
      expect(asked).toContain('api/changes?status=REJECTED');
      expect(asked).toContain('api/changes?status=TEST_FAILED');
      expect(asked).toContain('api/changes?status=CANCELLED');
      expect(screen.getByTestId('change-status-15').textContent).toBe('已驳回');
      expect(screen.getByTestId('change-status-16').textContent).toBe('已取消');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a customer what is planned on their systems with an explanation, and no create button',
    async () => {
      const fetchMock = mockApi(['CUSTOMER'], (url) =>
        url === 'api/changes'
          ? json([
              customerView(scheduled),
              {
                ...customerView(done),
                confirmation: {
                  accepted: true,
                  confirmedByName: '陈静',
                  confirmedAt: '2026-11-21T02:00:00Z',
                  recordedBy: 'customer',
                  recordedByName: '陈静',
                  onBehalf: false,
                },
              },
            ])
          : undefined,
      );
      renderChanges('/changes');
      expect((await screen.findByTestId('change-status-13', undefined, SLOW)).textContent).toBe('已排期');
      expect(screen.getByText('计划变更', { selector: 'h3' })).toBeTruthy();
      expect(screen.getByTestId('changes-customer-intro').textContent).toBe(
        '以下是维保方计划在贵单位系统上进行的变更，包括时间、影响范围和回退方案。',
      );
      expect(screen.queryByTestId('change-create')).toBeNull();
      expect(screen.queryByText('新建变更')).toBeNull();
      // a customer never sees a change awaiting approval or a test: no such filters
      const tabs = within(screen.getByTestId('changes-page'))
        .getAllByRole('tab')
        .map((t) => t.textContent);
      expect(tabs).toEqual(['全部', '已排期', '实施中', '已完成', '已取消']);
      expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('api/engineers'))).toBe(false);
      // once signed off, no longer 待用户确认
      expect(screen.queryByTestId('change-awaiting-confirm-14')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'says 暂无变更 when there is none, and shows cards on a phone',
    async () => {
      setViewportWidth(390);
      mockApi(['SERVICE_DESK'], (url) => {
        if (url === 'api/changes') return json([submitted]);
        if (url === 'api/changes?status=IN_PROGRESS') return json([]);
        return undefined;
      });
      renderChanges('/changes');
      const card = await screen.findByTestId('change-row-12', undefined, SLOW);
      expect(screen.getByTestId('changes-list').getAttribute('data-layout')).toBe('cards');
      expect(card.textContent).toContain('核心交换机固件升级');
      expect(card.textContent).toContain('待审批');
      fireEvent.click(screen.getByRole('tab', { name: '实施中' }));
      expect(await screen.findByText('暂无变更', undefined, SLOW)).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'tags a change that caused faults with how many, in red',
    async () => {
      mockApi(['SUPERVISOR'], (url) =>
        url === 'api/changes' ? json([{ ...done, causedFaultCount: 2 }, submitted]) : undefined,
      );
      renderChanges('/changes');
      const tag = await screen.findByTestId('change-caused-count-14', undefined, SLOW);
      expect(tag.textContent).toBe('引起故障 2');
      expect(tag.className).toContain('ant-tag-red');
      expect(screen.queryByTestId('change-caused-count-12')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'lists the changes waiting more than 3 days for sign-off as the server orders them, under a filter tag that clears',
    async () => {
      const older = { ...done, id: 17, number: 'CHG-000017', plannedStart: '2026-11-10T06:00:00Z' };
      const fetchMock = mockApi(['SUPERVISOR'], (url) => {
        if (url === 'api/changes?awaiting=signOff') return json([older, done]);
        if (url === 'api/changes') return json([done, submitted, scheduled]);
        return undefined;
      });
      renderChanges('/changes?awaiting=signOff');
      await screen.findByTestId('change-row-17', undefined, SLOW);
      // the server's order (the oldest outcome first), not the newest window first
      expect(rowTexts()).toEqual(['change-row-17', 'change-row-14']);
      const asked = fetchMock.mock.calls.map(([u]) => String(u));
      expect(asked).toContain('api/changes?awaiting=signOff');
      expect(asked).not.toContain('api/changes');
      const filterTag = screen.getByTestId('changes-awaiting-sign-off');
      expect(filterTag.textContent).toBe('待用户确认超过 3 天');
      fireEvent.click(filterTag.querySelector('.ant-tag-close-icon')!);
      await waitFor(() => expect(rowTexts()).toEqual(['change-row-13', 'change-row-12', 'change-row-14']), SLOW);
      expect(screen.queryByTestId('changes-awaiting-sign-off')).toBeNull();
    },
    TEST_TIMEOUT,
  );
});

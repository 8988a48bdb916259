import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import type { CausedFault, ChangeView } from './api';
import { changeView, json, mockApi, NOW, postedTo, problem, renderChanges } from './testSupport';

// 由此变更引起的故障 (RP-5): a supervisor judges a fault caused by the change, and withdraws the judgement.

const SLOW = { timeout: 30_000 };
const TEST_TIMEOUT = 90_000;

const NO_ACTIONS: ChangeView['actions'] = {
  decide: false,
  test: false,
  reschedule: false,
  cancel: false,
  recordOutcome: false,
  confirm: false,
  markCausedFault: false,
};

/** Carried out; two faults reported on its devices since, none judged yet; a supervisor may judge. */
const done = changeView({
  status: 'DONE',
  plannedStart: '2026-11-30T14:00:00Z',
  plannedEnd: '2026-11-30T16:00:00Z',
  decidedBy: 'supervisor',
  decidedAt: '2026-11-28T02:00:00Z',
  announcedAt: '2026-11-28T02:00:00Z',
  outcome: 'SUCCEEDED',
  finishedBy: 'engineer',
  finishedAt: '2026-11-30T16:00:00Z',
  casesAfter: [
    {
      id: 301,
      number: 'INC-000301',
      title: '指挥中心视频黑屏',
      status: 'AWAITING_DISPATCH',
      reportedAt: '2026-12-01T01:30:00Z',
      deviceName: '核心交换机',
    },
    {
      id: 302,
      number: 'INC-000302',
      title: '存储告警',
      status: 'IN_PROGRESS',
      reportedAt: '2026-12-01T01:40:00Z',
      deviceName: '存储服务器',
    },
  ],
  causedFaults: [],
  causedFaultCount: 0,
  actions: { ...NO_ACTIONS, markCausedFault: true },
});

const CAUSED_301: CausedFault = {
  id: 301,
  number: 'INC-000301',
  title: '指挥中心视频黑屏',
  status: 'AWAITING_DISPATCH',
  reportedAt: '2026-12-01T01:30:00Z',
  deviceName: '核心交换机',
  note: '升级后交换机端口配置丢失',
  markedBy: 'supervisor',
  markedByName: '刘强',
  markedAt: '2026-12-01T03:00:00Z',
};

/** The search the case picker asks (GET /api/tickets?q=…): case 305 is not among the cases after. */
const FOUND = {
  id: 305,
  number: 'INC-000305',
  title: '人脸比对系统无响应',
  status: 'DISPATCHED',
  siteName: '指挥中心',
  deviceName: '人脸服务器',
};

/**
 * GET answers the change as it is now; a POST to caused-faults answers `afterPost` (or a response), a DELETE
 * `afterDelete`, and each keeps what it answered.
 */
function causedApi(
  roles: Role[],
  first: ChangeView,
  afterPost?: ChangeView | (() => Promise<Response>),
  afterDelete?: ChangeView,
) {
  let current = first;
  return mockApi(roles, (url, init) => {
    const method = init?.method ?? 'GET';
    if (url === 'api/changes/12' && method === 'GET') return json(current);
    if (url === 'api/changes/12/caused-faults' && method === 'POST') {
      if (typeof afterPost === 'function') return afterPost();
      if (afterPost) current = afterPost;
      return json(current);
    }
    if (/^api\/changes\/12\/caused-faults\/\d+$/.test(url) && method === 'DELETE') {
      if (afterDelete) current = afterDelete;
      return json(current);
    }
    if (url.startsWith('api/tickets?')) {
      const q = new URL(url, 'http://x/').searchParams.get('q') ?? '';
      const content = q.includes('305') ? [FOUND] : [];
      return json({ content, page: 0, size: 10, totalElements: content.length, totalPages: 1 });
    }
    if (url === 'api/mentionable-users') return json([]);
    return undefined;
  });
}

const modal = () => document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal') as HTMLElement;

const sentDeletes = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE').map(([u]) => String(u));

describe('ChangeDetailPage: faults caused by the change', () => {
  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    vi.useRealTimers();
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it(
    'judges a case after the change caused by it with a note, then lists it and tags the case instead of the button',
    async () => {
      const after: ChangeView = { ...done, causedFaults: [CAUSED_301], causedFaultCount: 1 };
      const fetchMock = causedApi(['SUPERVISOR'], done, after);
      renderChanges('/changes/12');
      const section = await screen.findByTestId('change-caused-faults', undefined, SLOW);
      expect(section.textContent).toContain('由此变更引起的故障');
      expect(section.textContent).toContain('尚未判定由此变更引起的故障');
      expect(screen.getByTestId('change-mark-fault-302').textContent).toContain('判定为此变更引起');

      fireEvent.click(screen.getByTestId('change-mark-fault-301'));
      const ok = await screen.findByTestId('change-mark-fault-ok', undefined, SLOW);
      expect(screen.getByTestId('change-mark-fault-case').textContent).toBe('故障工单：INC-000301 指挥中心视频黑屏');
      fireEvent.change(screen.getByTestId('change-mark-fault-note'), {
        target: { value: '  升级后交换机端口配置丢失 ' },
      });
      fireEvent.click(ok);
      await waitFor(() => expect(postedTo(fetchMock, 'api/changes/12/caused-faults')).toHaveLength(1), SLOW);
      expect(postedTo(fetchMock, 'api/changes/12/caused-faults')[0]).toEqual({
        ticketId: 301,
        note: '升级后交换机端口配置丢失',
      });
      await waitFor(() => expect(screen.queryByTestId('change-mark-fault-modal')).toBeNull(), SLOW);

      const line = await screen.findByTestId('change-caused-301', undefined, SLOW);
      expect(within(line).getByRole('link').getAttribute('href')).toBe('/tickets/301');
      expect(line.textContent).toContain('INC-000301');
      expect(line.textContent).toContain('指挥中心视频黑屏');
      expect(line.textContent).toContain('待派单');
      expect(line.textContent).toContain('核心交换机 · 报修于 2026-12-01 09:30');
      expect(screen.getByTestId('change-caused-note-301').textContent).toBe('说明：升级后交换机端口配置丢失');
      expect(line.textContent).toContain('刘强 于 2026-12-01 11:00 判定');
      // the case after: a tag now, not the button; the other case keeps its button
      expect(screen.getByTestId('change-case-caused-301').textContent).toBe('由此变更引起');
      expect(screen.queryByTestId('change-mark-fault-301')).toBeNull();
      expect(screen.getByTestId('change-mark-fault-302')).toBeTruthy();
      expect(document.body.textContent).not.toMatch(/AWAITING|changes\.|undefined|null/);
    },
    TEST_TIMEOUT,
  );

  it(
    'sends no note when none is written, and shows the server refusal (already judged) in the modal',
    async () => {
      const fetchMock = causedApi(['SUPERVISOR'], done, () =>
        problem(409, { reason: 'faultAlreadyCaused', detail: '工单 INC-000302 已判定为此变更引起' }),
      );
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-mark-fault-302', undefined, SLOW));
      fireEvent.click(await screen.findByTestId('change-mark-fault-ok', undefined, SLOW));
      expect((await screen.findByTestId('change-action-error', undefined, SLOW)).textContent).toBe(
        '工单 INC-000302 已判定为此变更引起',
      );
      expect(postedTo(fetchMock, 'api/changes/12/caused-faults')).toEqual([{ ticketId: 302, note: null }]);
      expect(modal()).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'judges a fault that is not among the cases after, found with the case picker',
    async () => {
      const fetchMock = causedApi(['SUPERVISOR'], done, done);
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-mark-other-fault', undefined, SLOW));
      const ok = await screen.findByTestId('change-mark-fault-ok', undefined, SLOW);
      // a case must be chosen first
      fireEvent.click(ok);
      expect(await within(modal()).findByText('请选择故障工单。', undefined, SLOW)).toBeTruthy();
      expect(postedTo(fetchMock, 'api/changes/12/caused-faults')).toHaveLength(0);

      const input = screen.getByTestId('change-mark-fault-picker').querySelector('input')!;
      fireEvent.mouseDown(input);
      fireEvent.change(input, { target: { value: 'INC-000305' } });
      fireEvent.click(await screen.findByTestId('link-case-option-305', undefined, SLOW));
      fireEvent.click(ok);
      await waitFor(() => expect(postedTo(fetchMock, 'api/changes/12/caused-faults')).toHaveLength(1), SLOW);
      expect(postedTo(fetchMock, 'api/changes/12/caused-faults')[0]).toEqual({ ticketId: 305, note: null });
    },
    TEST_TIMEOUT,
  );

  it(
    'asks before withdrawing a judgement, then sends DELETE and shows the list as the server now has it',
    async () => {
      const marked: ChangeView = { ...done, causedFaults: [CAUSED_301], causedFaultCount: 1 };
      const fetchMock = causedApi(['SUPERVISOR'], marked, undefined, done);
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-unmark-fault-301', undefined, SLOW));
      expect(await screen.findByText('撤销对 INC-000301 的判定？', undefined, SLOW)).toBeTruthy();
      expect(sentDeletes(fetchMock)).toEqual([]);
      fireEvent.click(await screen.findByTestId('change-unmark-fault-ok-301', undefined, SLOW));
      await waitFor(() => expect(screen.queryByTestId('change-caused-301')).toBeNull(), SLOW);
      expect(sentDeletes(fetchMock)).toEqual(['api/changes/12/caused-faults/301']);
      expect(screen.getByTestId('change-caused-faults').textContent).toContain('尚未判定由此变更引起的故障');
      expect(screen.getByTestId('change-mark-fault-301')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the judged faults to other staff without a way to judge or withdraw',
    async () => {
      causedApi(['ENGINEER'], { ...done, causedFaults: [CAUSED_301], causedFaultCount: 1, actions: NO_ACTIONS });
      renderChanges('/changes/12');
      expect(await screen.findByTestId('change-caused-301', undefined, SLOW)).toBeTruthy();
      expect(screen.getByTestId('change-case-caused-301').textContent).toBe('由此变更引起');
      expect(screen.queryByTestId('change-unmark-fault-301')).toBeNull();
      expect(screen.queryByTestId('change-mark-other-fault')).toBeNull();
      expect(screen.queryByTestId('change-mark-fault-302')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'has no section for staff without the right when nothing was judged',
    async () => {
      causedApi(['ENGINEER'], { ...done, actions: NO_ACTIONS });
      renderChanges('/changes/12');
      await screen.findByTestId('change-case-301', undefined, SLOW);
      expect(screen.queryByTestId('change-caused-faults')).toBeNull();
      expect(screen.queryByTestId('change-mark-fault-301')).toBeNull();
    },
    TEST_TIMEOUT,
  );
});

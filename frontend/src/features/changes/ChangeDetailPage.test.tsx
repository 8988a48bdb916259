import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import type { ChangeView } from './api';
import { changeView, customerView, json, mockApi, NOW, postedTo, problem, renderChanges } from './testSupport';

const SLOW = { timeout: 30_000 };
const TEST_TIMEOUT = 90_000;

const ALL_ACTIONS = {
  decide: true,
  test: true,
  reschedule: true,
  cancel: true,
  recordOutcome: true,
  confirm: false,
  markCausedFault: false,
};

const submitted = changeView({ actions: { ...ALL_ACTIONS, test: false, recordOutcome: false } });
const rejected = changeView({
  status: 'REJECTED',
  decidedBy: 'supervisor',
  decidedAt: '2026-12-01T03:00:00Z',
  decisionNote: '回退方案不完整',
});
const inProgressOverrun = changeView({
  status: 'IN_PROGRESS',
  plannedStart: '2026-11-30T14:00:00Z',
  plannedEnd: '2026-11-30T16:00:00Z',
  decidedBy: 'supervisor',
  decidedAt: '2026-11-28T02:00:00Z',
  announcedAt: '2026-11-28T02:00:00Z',
  overrun: true,
  actions: {
    decide: false,
    test: false,
    reschedule: false,
    cancel: false,
    recordOutcome: true,
    confirm: false,
    markCausedFault: false,
  },
});
const scheduledMajor = changeView({
  major: true,
  testPlan: '先在备用交换机上演练',
  status: 'SCHEDULED',
  decidedBy: 'supervisor',
  decidedAt: '2026-12-01T03:00:00Z',
  decisionNote: '同意，注意夜间实施',
  testedBy: 'engineer',
  testedAt: '2026-12-02T03:00:00Z',
  testPassed: true,
  testNote: '演练通过',
  announcedAt: '2026-12-02T03:05:00Z',
  leadHours: 72,
});

/** GET answers the change as it is now; a POST to `action` answers `after` (or the given response) and keeps it. */
function detailApi(roles: Role[], first: ChangeView, action?: string, after?: ChangeView | (() => Promise<Response>)) {
  let current = first;
  return mockApi(roles, (url, init) => {
    if (url === 'api/changes/12' && (init?.method ?? 'GET') === 'GET') return json(current);
    if (action && url === `api/changes/12/${action}` && init?.method === 'POST') {
      if (typeof after === 'function') return after();
      if (after) current = after;
      return json(current);
    }
    if (url === 'api/mentionable-users') return json([{ username: 'supervisor', displayName: '刘强' }]);
    return undefined;
  });
}

const ITEMS: ChangeView['configItems'] = [
  { id: 5, number: 'CI-000005', name: '视频监控平台', kind: 'APPLICATION', version: '2.1', status: 'IN_SERVICE' },
  { id: 6, number: 'CI-000006', name: '公安专网链路', kind: 'NETWORK', status: 'PLANNED' },
];

/** Carried out and recorded: its items updated, a fault reported since, the customer not yet asked. */
const finished = changeView({
  ...inProgressOverrun,
  status: 'DONE',
  overrun: false,
  outcome: 'SUCCEEDED',
  outcomeNote: '升级完成',
  finishedBy: 'engineer',
  finishedAt: '2026-11-30T16:00:00Z',
  configItems: [{ ...ITEMS[0], version: '2.2' }, ITEMS[1]],
  itemChanges: [
    {
      itemId: 5,
      itemNumber: 'CI-000005',
      itemName: '视频监控平台',
      field: 'version',
      oldValue: '2.1',
      newValue: '2.2',
    },
    { itemId: 5, itemNumber: 'CI-000005', itemName: '视频监控平台', field: 'parameters', oldValue: 'a', newValue: 'b' },
  ],
  casesAfter: [
    {
      id: 301,
      number: 'INC-000301',
      title: '指挥中心视频黑屏',
      status: 'AWAITING_DISPATCH',
      reportedAt: '2026-12-01T01:30:00Z',
      deviceName: '核心交换机',
    },
  ],
  actions: {
    decide: false,
    test: false,
    reschedule: false,
    cancel: false,
    recordOutcome: false,
    confirm: true,
    markCausedFault: false,
  },
});

const signedOff = (overrides: Partial<NonNullable<ChangeView['confirmation']>> = {}): ChangeView => ({
  ...finished,
  actions: { ...finished.actions, confirm: false },
  confirmation: {
    accepted: false,
    opinion: '升级后夜间画面偶有卡顿',
    confirmedByName: '李科长',
    confirmedAt: '2026-12-01T03:00:00Z',
    recordedBy: 'desk',
    recordedByName: '王芳',
    onBehalf: true,
    ...overrides,
  },
});

const modal = () => document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal') as HTMLElement;

describe('ChangeDetailPage', () => {
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
    'offers the buttons the server allows and no others',
    async () => {
      detailApi(['SUPERVISOR'], submitted);
      renderChanges('/changes/12');
      const actions = await screen.findByTestId('change-actions', undefined, SLOW);
      expect(
        within(actions)
          .getAllByRole('button')
          .map((b) => b.textContent?.replace(/\s/g, '')),
      ).toEqual(['批准', '驳回', '改期', '取消变更']);
      expect(screen.queryByTestId('change-test')).toBeNull();
      expect(screen.queryByTestId('change-outcome')).toBeNull();
      expect(screen.getByTestId('change-status').textContent).toBe('待审批');
      expect(screen.getByTestId('change-progress').textContent).toContain('等待主管审批');
      expect(screen.getByTestId('change-fact-window').textContent).toBe('12月10日 14:00–16:00（2 小时）');
      expect(screen.getByTestId('change-fact-devices').textContent).toBe('核心交换机、存储服务器');
      // each device links to its own page (设备档案)
      expect(
        within(screen.getByTestId('change-fact-devices'))
          .getAllByRole('link')
          .map((a) => a.getAttribute('href')),
      ).toEqual(['/devices/21', '/devices/22']);
      expect(screen.getByTestId('change-fact-reason').textContent).toBe('厂商通报安全漏洞');
      expect(screen.queryByTestId('change-fact-rescheduled')).toBeNull();
      expect(screen.queryByTestId('change-clashes')).toBeNull();
      // a minor change has no test step
      expect(screen.getByTestId('change-progress').textContent).not.toContain('测试');
    },
    TEST_TIMEOUT,
  );

  it(
    'says how often the window moved and why the last time, and says nothing of it when it never moved',
    async () => {
      detailApi(['SUPERVISOR'], { ...scheduledMajor, timesRescheduled: 2, rescheduleNote: '用户要求改到周四' });
      renderChanges('/changes/12');
      expect((await screen.findByTestId('change-fact-rescheduled', undefined, SLOW)).textContent).toBe(
        '已改期 2 次，最近一次原因：用户要求改到周四',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'shows no action bar when the server allows nothing',
    async () => {
      detailApi(['ENGINEER'], changeView());
      renderChanges('/changes/12');
      await screen.findByTestId('change-facts', undefined, SLOW);
      expect(screen.queryByTestId('change-actions')).toBeNull();
      expect(screen.queryByRole('button', { name: '批准' })).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'warns of the other changes of the unit whose windows overlap, each linked',
    async () => {
      detailApi(['SUPERVISOR'], {
        ...submitted,
        clashes: [
          {
            id: 14,
            number: 'CHG-000014',
            title: '视频平台升级',
            status: 'SCHEDULED',
            plannedStart: '2026-12-10T07:00:00Z',
            plannedEnd: '2026-12-10T09:00:00Z',
          },
        ],
      });
      renderChanges('/changes/12');
      const clashes = await screen.findByTestId('change-clashes', undefined, SLOW);
      expect(clashes.textContent).toContain('CHG-000014 视频平台升级（12月10日 15:00–17:00，已排期）');
      expect(clashes.querySelector('a')?.getAttribute('href')).toBe('/changes/14');
    },
    TEST_TIMEOUT,
  );

  it(
    "names the configuration items the change's devices carry (RP-4), under each device, and nothing for a device without",
    async () => {
      mockApi(['ENGINEER'], (url) => {
        if (url === 'api/changes/12') return json(submitted);
        if (url === 'api/devices/21/config-items')
          return json([
            {
              itemId: 5,
              itemNumber: 'CI-000005',
              itemName: '视频监控平台',
              itemKind: 'APPLICATION',
              itemStatus: 'IN_SERVICE',
              relation: 'CONNECTS_TO',
              depth: 1,
            },
          ]);
        if (url === 'api/devices/22/config-items') return json([]);
        return undefined;
      });
      renderChanges('/changes/12');
      const impact = await screen.findByTestId('device-impact', undefined, SLOW);
      expect(impact.textContent).toContain('受影响的配置项');
      expect(screen.getByTestId('device-impact-21').textContent).toBe('核心交换机视频监控平台应用系统· 连接至');
      expect(screen.queryByTestId('device-impact-22')).toBeNull();
      expect(impact.querySelector('a')?.getAttribute('href')).toBe('/config-items/5');
    },
    TEST_TIMEOUT,
  );

  it(
    'will not save a move that leaves the window as it is (it would tell the customer again of nothing new)',
    async () => {
      const fetchMock = detailApi(['SUPERVISOR'], submitted, 'reschedule', submitted);
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-reschedule', undefined, SLOW));
      fireEvent.click(await screen.findByTestId('change-reschedule-ok', undefined, SLOW));
      await waitFor(() => expect(modal().textContent).toContain('计划时间与原来相同，无需改期'), SLOW);
      expect(postedTo(fetchMock, 'api/changes/12/reschedule')).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'will not reject without a note, then sends the note and shows the change as rejected',
    async () => {
      const fetchMock = detailApi(['SUPERVISOR'], submitted, 'decision', rejected);
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-reject', undefined, SLOW));
      const ok = await screen.findByTestId('change-reject-ok', undefined, SLOW);
      fireEvent.click(ok);
      await waitFor(() => expect(modal().textContent).toContain('请填写驳回理由。'), SLOW);
      expect(postedTo(fetchMock, 'api/changes/12/decision')).toEqual([]);

      fireEvent.change(screen.getByTestId('change-decision-note'), { target: { value: '  回退方案不完整 ' } });
      fireEvent.click(ok);
      fireEvent.click(ok);
      await waitFor(() => expect(screen.getByTestId('change-status').textContent).toBe('已驳回'), SLOW);
      expect(postedTo(fetchMock, 'api/changes/12/decision')).toEqual([{ approve: false, note: '回退方案不完整' }]);
      const progress = screen.getByTestId('change-progress');
      expect(progress.textContent).toContain('已驳回');
      expect(progress.textContent).toContain('刘强');
      expect(progress.textContent).toContain('说明：回退方案不完整');
      // the steps after a rejection are not shown
      expect(progress.textContent).not.toContain('告知用户');
      expect(screen.queryByTestId('change-actions')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'says in Chinese that someone acted first when the approval gets a 409 worded in English',
    async () => {
      const fetchMock = detailApi(['SUPERVISOR'], submitted, 'decision', () =>
        problem(409, { detail: 'Change CHG-000012 is REJECTED, not SUBMITTED' }),
      );
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-approve', undefined, SLOW));
      fireEvent.click(await screen.findByTestId('change-approve-ok', undefined, SLOW));
      const error = await screen.findByTestId('change-action-error', undefined, SLOW);
      expect(error.textContent).toBe('变更状态已变化（可能已被他人处理），页面已刷新，请确认后再操作。');
      expect(document.body.textContent).not.toContain('not SUBMITTED');
      expect(postedTo(fetchMock, 'api/changes/12/decision')).toEqual([{ approve: true, note: null }]);
      // the page asks for the change again
      await waitFor(
        () =>
          expect(
            fetchMock.mock.calls.filter(([u, i]) => String(u) === 'api/changes/12' && (i?.method ?? 'GET') === 'GET')
              .length,
          ).toBeGreaterThan(1),
        SLOW,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'tells that the approval came too late for the lead time when the 409 names plannedStart',
    async () => {
      detailApi(['SUPERVISOR'], submitted, 'decision', () =>
        problem(409, { errors: [{ field: 'plannedStart', message: 'must be at least 24 hours ahead' }] }),
      );
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-approve', undefined, SLOW));
      fireEvent.click(await screen.findByTestId('change-approve-ok', undefined, SLOW));
      expect((await screen.findByTestId('change-action-error', undefined, SLOW)).textContent).toBe(
        '距计划开始已不足 24 小时，无法按时告知用户，请先改期。',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'warns of a window that ended without an outcome and records the rollback',
    async () => {
      const done = changeView({
        ...inProgressOverrun,
        status: 'DONE',
        overrun: false,
        outcome: 'ROLLED_BACK',
        outcomeNote: '升级后链路丢包，已回刷 V5.1',
        finishedBy: 'engineer',
        finishedAt: '2026-12-01T02:00:00Z',
        actions: {
          decide: false,
          test: false,
          reschedule: false,
          cancel: false,
          recordOutcome: false,
          confirm: false,
          markCausedFault: false,
        },
      });
      const fetchMock = detailApi(['ENGINEER'], inProgressOverrun, 'outcome', done);
      renderChanges('/changes/12');
      expect((await screen.findByTestId('change-overrun', undefined, SLOW)).textContent).toBe(
        '变更窗口已结束，尚未登记实施结果',
      );
      expect(screen.getByTestId('change-status').textContent).toBe('实施中');
      fireEvent.click(screen.getByTestId('change-outcome'));
      fireEvent.click(await screen.findByText('已回退', { selector: '.ant-radio-button-wrapper *' }, SLOW));
      fireEvent.change(screen.getByTestId('change-outcome-note'), { target: { value: '升级后链路丢包，已回刷 V5.1' } });
      fireEvent.click(screen.getByTestId('change-outcome-ok'));
      await waitFor(() => expect(screen.getByTestId('change-status').textContent).toBe('已完成'), SLOW);
      expect(postedTo(fetchMock, 'api/changes/12/outcome')).toEqual([
        { outcome: 'ROLLED_BACK', note: '升级后链路丢包，已回刷 V5.1', itemUpdates: null },
      ]);
      expect(screen.queryByTestId('change-overrun')).toBeNull();
      const progress = screen.getByTestId('change-progress');
      expect(progress.textContent).toContain('已回退');
      expect(progress.textContent).toContain('张伟 · 2026-12-01 10:00');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a customer the change read-only, without the internal rows, on a phone',
    async () => {
      setViewportWidth(390);
      // even if actions came as true, a customer gets no buttons
      const fetchMock = detailApi(['CUSTOMER'], { ...customerView(scheduledMajor), actions: ALL_ACTIONS });
      renderChanges('/changes/12');
      const facts = await screen.findByTestId('change-facts', undefined, SLOW);
      expect(screen.queryByTestId('change-actions')).toBeNull();
      expect(
        screen.queryAllByRole('button').filter((b) => /批准|驳回|改期|取消|登记/.test(b.textContent ?? '')),
      ).toEqual([]);
      expect(screen.getByTestId('change-announced').textContent).toBe('维保方已于 2026-12-02 11:05 告知贵单位');
      expect(screen.getByTestId('change-status').textContent).toBe('已排期');
      // the internal fields come as null: their rows are left out, not shown empty
      expect(facts.textContent).not.toContain('变更原因');
      expect(facts.textContent).not.toContain('申请人');
      expect(screen.queryByTestId('change-fact-reason')).toBeNull();
      expect(screen.queryByTestId('change-fact-requester')).toBeNull();
      expect(facts.textContent).toContain('回退方案');
      expect(screen.queryByTestId('change-fact-testPlan')).toBeNull();
      const progress = screen.getByTestId('change-progress');
      // from the notice on: not the request, the approval or the test, which are the provider's own
      expect(progress.textContent).toContain('告知用户');
      expect(progress.textContent).not.toContain('审批');
      expect(progress.textContent).not.toContain('测试');
      expect(progress.textContent).not.toContain('演练通过');
      expect(progress.textContent).not.toContain('同意，注意夜间实施');
      expect(document.body.textContent).not.toMatch(/null|undefined|SCHEDULED|changes\./);
      // one column on a phone
      expect(facts.querySelectorAll('tr').length).toBeGreaterThan(6);
      expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/mentionable-users')).toBe(false);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the items the change names, what its outcome updated, the faults reported since and the sign-off, in Chinese',
    async () => {
      detailApi(['SUPERVISOR'], signedOff());
      renderChanges('/changes/12');
      const items = await screen.findByTestId('change-items', undefined, SLOW);
      expect(items.textContent).toContain('涉及配置项');
      const item5 = screen.getByTestId('change-item-5');
      expect(within(item5).getByRole('link').getAttribute('href')).toBe('/config-items/5');
      expect(item5.textContent).toContain('CI-000005 视频监控平台');
      expect(item5.textContent).toContain('应用系统');
      expect(item5.textContent).toContain('版本 2.2');
      expect(item5.textContent).toContain('本次变更已更新');
      expect(screen.getByTestId('change-item-update-5-version').textContent).toBe('版本：2.1 → 2.2');
      expect(screen.getByTestId('change-item-update-5-parameters').textContent).toBe('核心参数：已更新');
      const item6 = screen.getByTestId('change-item-6');
      expect(item6.textContent).toContain('网络链路');
      expect(item6.textContent).toContain('规划中');
      expect(item6.textContent).not.toContain('本次变更已更新');

      const cases = screen.getByTestId('change-cases-after');
      expect(cases.textContent).toContain('变更后报修的工单');
      expect(cases.textContent).toContain('窗口开始至结束后7天内，涉及设备上报的故障，可能与本变更有关');
      const fault = screen.getByTestId('change-case-301');
      expect(within(fault).getByRole('link').getAttribute('href')).toBe('/tickets/301');
      expect(fault.textContent).toContain('INC-000301');
      expect(fault.textContent).toContain('指挥中心视频黑屏');
      expect(fault.textContent).toContain('待派单');
      expect(fault.textContent).toContain('核心交换机 · 报修于 2026-12-01 09:30');

      const confirmation = screen.getByTestId('change-confirmation');
      expect(confirmation.textContent).toContain('用户确认');
      expect(screen.getByTestId('change-confirmation-result').textContent).toBe('不通过');
      expect(screen.getByTestId('change-confirmation-opinion').textContent).toBe('升级后夜间画面偶有卡顿');
      expect(screen.getByTestId('change-confirmation-by').textContent).toBe('李科长');
      expect(screen.getByTestId('change-confirmation-at').textContent).toBe('2026-12-01 11:00');
      expect(screen.getByTestId('change-confirmation-on-behalf').textContent).toBe('由 王芳 代为记录');
      // signed off already: no button to do it again
      expect(screen.queryByTestId('change-confirm')).toBeNull();
      expect(document.body.textContent).not.toMatch(
        /APPLICATION|NETWORK|IN_SERVICE|PLANNED|AWAITING|SUCCEEDED|changes\.|configKind|null|undefined/,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'says nothing of items, faults or a sign-off a change does not have, and an accepted sign-off by the customer themselves',
    async () => {
      detailApi(['SUPERVISOR'], {
        ...signedOff({ accepted: true, opinion: null, confirmedByName: '陈静', onBehalf: false }),
        configItems: [],
        itemChanges: [],
        casesAfter: [],
      });
      renderChanges('/changes/12');
      expect((await screen.findByTestId('change-confirmation-result', undefined, SLOW)).textContent).toBe('通过');
      expect(screen.queryByTestId('change-confirmation-opinion')).toBeNull();
      expect(screen.queryByTestId('change-confirmation-on-behalf')).toBeNull();
      expect(screen.queryByTestId('change-items')).toBeNull();
      // staff, window started: the section says there is none so far
      expect(screen.getByTestId('change-cases-after').textContent).toContain('目前没有涉及设备的报修');
    },
    TEST_TIMEOUT,
  );

  it(
    "asks for the items' new versions and parameters only for 变更成功, sends only those given, and shows a 400 under its item",
    async () => {
      const recorded = changeView({ ...finished, actions: { ...finished.actions, confirm: false } });
      // the first answer refuses the item update; the second records the outcome (and the page reads it so)
      let current: ChangeView = { ...inProgressOverrun, configItems: ITEMS };
      let refuse = true;
      const fetchMock = mockApi(['ENGINEER'], (url, init) => {
        if (url === 'api/changes/12' && (init?.method ?? 'GET') === 'GET') return json(current);
        if (url === 'api/changes/12/outcome' && init?.method === 'POST') {
          if (refuse)
            return problem(400, { errors: [{ field: 'itemUpdates[0].version', message: '版本最多 100 个字符' }] });
          current = recorded;
          return json(current);
        }
        return undefined;
      });
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-outcome', undefined, SLOW));
      fireEvent.click(await screen.findByText('已回退', { selector: '.ant-radio-button-wrapper *' }, SLOW));
      expect(screen.queryByTestId('change-outcome-items')).toBeNull();
      fireEvent.click(screen.getByText('变更成功', { selector: '.ant-radio-button-wrapper *' }));
      const items = await screen.findByTestId('change-outcome-items', undefined, SLOW);
      expect(screen.getByTestId('change-outcome-item-5').textContent).toContain('视频监控平台（CI-000005）');
      expect(screen.getByTestId('change-outcome-item-5').textContent).toContain('当前版本：2.1');
      expect(screen.getByTestId('change-outcome-item-6').textContent).toContain('当前版本：（空）');
      expect(items.textContent).toContain('核心参数');
      expect((screen.getByTestId('change-outcome-version-5') as HTMLInputElement).value).toBe('');

      fireEvent.change(screen.getByTestId('change-outcome-version-6'), { target: { value: ' 3.0 ' } });
      fireEvent.change(screen.getByTestId('change-outcome-parameters-6'), { target: { value: '带宽 100M' } });
      fireEvent.change(screen.getByTestId('change-outcome-note'), { target: { value: '升级完成' } });
      fireEvent.click(screen.getByTestId('change-outcome-ok'));
      // the server's check of the first sent update (item 6) under item 6's version
      await waitFor(
        () =>
          expect(
            (screen.getByTestId('change-outcome-version-6').closest('.ant-form-item') as HTMLElement).textContent,
          ).toContain('版本最多 100 个字符'),
        SLOW,
      );
      expect(screen.queryByTestId('change-action-error')).toBeNull();

      refuse = false;
      fireEvent.click(screen.getByTestId('change-outcome-ok'));
      await waitFor(() => expect(screen.getByTestId('change-status').textContent).toBe('已完成'), SLOW);
      const body = {
        outcome: 'SUCCEEDED',
        note: '升级完成',
        itemUpdates: [{ itemId: 6, version: '3.0', parameters: '带宽 100M' }],
      };
      expect(postedTo(fetchMock, 'api/changes/12/outcome')).toEqual([body, body]);
    },
    TEST_TIMEOUT,
  );

  it(
    'records the sign-off for the customer: a result, a reason when 不通过, and who confirmed, in the exact body',
    async () => {
      const fetchMock = detailApi(['SERVICE_DESK'], finished, 'confirmation', signedOff());
      renderChanges('/changes/12');
      fireEvent.click(await screen.findByTestId('change-confirm', undefined, SLOW));
      const ok = await screen.findByTestId('change-confirm-ok', undefined, SLOW);
      expect(modal().textContent).toContain('代用户记录（如电话确认）');
      fireEvent.click(ok);
      await waitFor(() => expect(modal().textContent).toContain('请选择确认结果。'), SLOW);
      expect(modal().textContent).toContain('请填写确认人（用户方）。');

      fireEvent.click(screen.getByText('不通过', { selector: '.ant-radio-button-wrapper *' }));
      fireEvent.change(screen.getByTestId('change-confirm-by'), { target: { value: ' 李科长 ' } });
      fireEvent.click(ok);
      await waitFor(() => expect(modal().textContent).toContain('请说明不通过的原因。'), SLOW);
      expect(postedTo(fetchMock, 'api/changes/12/confirmation')).toEqual([]);

      fireEvent.change(screen.getByTestId('change-confirm-opinion'), { target: { value: '升级后夜间画面偶有卡顿' } });
      fireEvent.click(ok);
      fireEvent.click(ok);
      expect((await screen.findByTestId('change-confirmation-on-behalf', undefined, SLOW)).textContent).toBe(
        '由 王芳 代为记录',
      );
      expect(postedTo(fetchMock, 'api/changes/12/confirmation')).toEqual([
        { accepted: false, opinion: '升级后夜间画面偶有卡顿', confirmedByName: '李科长' },
      ]);
      expect(screen.queryByTestId('change-confirm')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    "lets a customer sign off on a phone without asking who, and shows the server's 409 in its words",
    async () => {
      setViewportWidth(390);
      const fetchMock = detailApi(
        ['CUSTOMER'],
        { ...customerView(finished), actions: { ...ALL_ACTIONS, confirm: true } },
        'confirmation',
        () => problem(409, { detail: '该变更已确认，不能重复确认' }),
      );
      renderChanges('/changes/12');
      const actions = await screen.findByTestId('change-actions', undefined, SLOW);
      // the sign-off only: never the staff's buttons
      expect(
        within(actions)
          .getAllByRole('button')
          .map((b) => b.textContent?.replace(/\s/g, '')),
      ).toEqual(['用户确认']);
      // the faults after the change are the provider's own: nothing for a customer
      expect(screen.queryByTestId('change-cases-after')).toBeNull();
      fireEvent.click(screen.getByTestId('change-confirm'));
      const ok = await screen.findByTestId('change-confirm-ok', undefined, SLOW);
      expect(modal().textContent).toContain('请确认本次变更的实施结果是否符合贵单位的要求。');
      expect(screen.queryByTestId('change-confirm-by')).toBeNull();
      expect(modal().textContent).not.toContain('确认人');
      fireEvent.click(screen.getByText('验收通过', { selector: '.ant-radio-button-wrapper *' }));
      fireEvent.click(ok);
      expect((await screen.findByTestId('change-action-error', undefined, SLOW)).textContent).toBe(
        '该变更已确认，不能重复确认',
      );
      expect(postedTo(fetchMock, 'api/changes/12/confirmation')).toEqual([
        { accepted: true, opinion: null, confirmedByName: null },
      ]);
    },
    TEST_TIMEOUT,
  );
});

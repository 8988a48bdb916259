import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import type { HotlineCallView } from './api';
import {
  emptySummary,
  json,
  MISSED_URL,
  missedCall,
  mockApi,
  NOW,
  OPEN_URL,
  postedTo,
  problem,
  renderHotline,
  summary,
  SUMMARY_URL,
  timesAsked,
} from './testSupport';

// jsdom has no layout for ECharts to measure: the chart library itself is replaced, the page is not
const setOption = vi.fn();
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ on: vi.fn(), setOption, resize: vi.fn(), dispose: vi.fn() })),
}));

// antd tables, tabs and modals: slow on a loaded two-core machine
const SLOW = { timeout: 30_000 };
const TEST_TIMEOUT = 90_000;

const open31 = missedCall();
const open32 = missedCall({
  id: 32,
  callId: 'CTI-20261209-0032',
  callerNumber: '0571-88886666',
  startedAt: '2026-12-09T12:05:00Z', // 20:05
  endedAt: '2026-12-09T12:05:15Z',
  replyDueAt: '2026-12-09T12:35:15Z',
  waitSeconds: 15,
  callerName: null,
  callerUnit: null,
});
// absent fields as the server leaves them out: no name, no unit, no wait
const {
  callerName: _n,
  callerUnit: _u,
  waitSeconds: _w,
  ...bare
} = missedCall({
  id: 33,
  callerNumber: '13911112222',
  startedAt: '2026-12-08T03:00:00Z',
  endedAt: '2026-12-08T03:00:30Z',
  replyDueAt: '2026-12-08T03:30:30Z',
});
const open33: HotlineCallView = bare;
const calledBack = missedCall({
  id: 34,
  callerNumber: '13700001111',
  startedAt: '2026-12-09T06:30:00Z', // 14:30
  endedAt: '2026-12-09T06:30:42Z',
  callbackBy: 'desk',
  callbackByName: '王芳',
  callbackAt: '2026-12-09T07:00:00Z', // 15:00, within the half hour
  callbackNote: '已联系，故障已登记为工单',
  replyDueAt: '2026-12-09T07:00:42Z',
  repliedAt: '2026-12-09T07:00:00Z',
  replyLate: false,
});
const answeredLater = missedCall({
  id: 35,
  callerNumber: '13600002222',
  startedAt: '2026-12-08T02:00:00Z',
  endedAt: '2026-12-08T02:00:42Z',
  callerName: null,
  callerUnit: null,
  laterAnswered: true,
  // got through 52 minutes after hanging up: late
  replyDueAt: '2026-12-08T02:30:42Z',
  repliedAt: '2026-12-08T02:52:42Z',
  replyLate: true,
});

// missed at 09:50, hung up at 09:50:20: its half hour runs to 10:20, after NOW, and nobody has replied yet
const pending36 = missedCall({
  id: 36,
  callerNumber: '13522223333',
  startedAt: '2026-12-10T01:50:00Z',
  endedAt: '2026-12-10T01:50:20Z',
  replyDueAt: '2026-12-10T02:20:20Z',
  replyLate: false,
});

/** The server's calls: the callback of one changes what both lists answer. */
function deskApi(overrides: { summary?: ReturnType<typeof summary>; callback?: () => Promise<Response> } = {}) {
  let calls: HotlineCallView[] = [open31, open32, open33, calledBack, answeredLater];
  return mockApi(['SERVICE_DESK'], (url, init) => {
    if (url === SUMMARY_URL) return json(overrides.summary ?? summary());
    if (url === OPEN_URL) return json(calls.filter((c) => !c.callbackAt && !c.laterAnswered));
    if (url === MISSED_URL) return json(calls);
    const callback = /^api\/hotline\/calls\/(\d+)\/callback$/.exec(url);
    if (callback && init?.method === 'POST') {
      if (overrides.callback) return overrides.callback();
      const body = JSON.parse(String(init.body)) as { note?: string | null };
      const done: HotlineCallView = {
        ...calls.find((c) => c.id === Number(callback[1]))!,
        callbackBy: 'desk',
        callbackByName: '王芳',
        callbackAt: NOW.toISOString(),
        repliedAt: NOW.toISOString(),
        ...(body.note ? { callbackNote: body.note } : {}),
      };
      calls = calls.map((c) => (c.id === done.id ? done : c));
      return json(done);
    }
    return undefined;
  });
}

const rowIds = () =>
  Array.from(document.querySelectorAll('[data-testid^="hotline-call-"]')).map((r) => r.getAttribute('data-testid'));

describe('HotlinePage', () => {
  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    setOption.mockClear();
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
    'shows the month’s answer rate against the 90% target as met, in words and colour, with the counts and the days',
    async () => {
      const fetchMock = deskApi();
      renderHotline();
      const rate = await screen.findByTestId('hotline-rate', undefined, SLOW);
      expect(rate.textContent).toBe('93.5%');
      const figure = screen.getByTestId('hotline-figure');
      expect(figure.textContent).toContain('接通率');
      expect(screen.getByTestId('hotline-target').textContent).toBe('目标 90%');
      const met = screen.getByTestId('hotline-met');
      expect(met.textContent).toBe('已达标');
      expect(met.className).toContain('success');
      expect(screen.getByTestId('hotline-offered').textContent).toBe('呼入200');
      expect(screen.getByTestId('hotline-answered').textContent).toBe('接通187');
      expect(screen.getByTestId('hotline-missed').textContent).toBe('未接13');
      expect(screen.getByTestId('hotline-missed-open').textContent).toBe('待回拨2');
      // the current month in the service zone, by default
      expect(timesAsked(fetchMock, SUMMARY_URL)).toBe(1);
      // the days as bars, offered and answered, labelled in Chinese
      await waitFor(() => expect(setOption).toHaveBeenCalled(), SLOW);
      const option = setOption.mock.calls.at(-1)![0] as {
        xAxis: { data: string[] };
        series: { name: string; data: number[] }[];
      };
      expect(option.xAxis.data.slice(0, 3)).toEqual(['1日', '2日', '3日']);
      expect(option.series.map((s) => s.name)).toEqual(['呼入', '接通']);
      expect(option.series[1].data[3]).toBe(7);
      expect(document.body.textContent).not.toMatch(/NaN|undefined|hotline\.|Target/);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows beside the answer rate the share of missed calls replied to within 30 minutes, red when one was late',
    async () => {
      deskApi();
      renderHotline();
      const rate = await screen.findByTestId('hotline-reply-rate', undefined, SLOW);
      expect(rate.textContent).toBe('90.9%');
      expect(rate.style.color).toBe('rgb(207, 19, 34)');
      const figure = screen.getByTestId('hotline-reply-figure');
      expect(figure.textContent).toContain('30分钟内回复率');
      expect(screen.getByTestId('hotline-reply-count').textContent).toBe('10/11 个未接来电在 30 分钟内回复');
      expect(screen.getByTestId('hotline-reply-target').textContent).toBe('目标：未接来电均在 30 分钟内回复');
      const late = screen.getByTestId('hotline-reply-met');
      expect(late.textContent).toBe('1 个回复超时');
      expect(late.className).toContain('error');
      // the answer rate is still there, beside it
      expect(screen.getByTestId('hotline-rate').textContent).toBe('93.5%');
      expect(document.body.textContent).not.toMatch(/NaN|undefined|hotline\.|Replied|replyRate/);
    },
    TEST_TIMEOUT,
  );

  it(
    'takes the reply time from the server, and is green when every missed call was replied to in time',
    async () => {
      const due60 = missedCall({
        startedAt: '2026-12-09T23:20:00Z',
        endedAt: '2026-12-09T23:20:42Z',
        replyDueAt: '2026-12-10T00:20:42Z',
      });
      mockApi(['SERVICE_DESK'], (url) => {
        if (url === SUMMARY_URL)
          return json(summary({ replyDue: 8, repliedInTime: 8, replyRate: 1, replyMinutes: 60 }));
        if (url === OPEN_URL) return json([due60]);
        return undefined;
      });
      renderHotline();
      const rate = await screen.findByTestId('hotline-reply-rate', undefined, SLOW);
      expect(rate.textContent).toBe('100.0%');
      expect(rate.style.color).toBe('rgb(56, 158, 13)');
      expect(screen.getByTestId('hotline-reply-figure').textContent).toContain('60分钟内回复率');
      expect(screen.getByTestId('hotline-reply-count').textContent).toBe('8/8 个未接来电在 60 分钟内回复');
      expect(screen.getByTestId('hotline-reply-target').textContent).toBe('目标：未接来电均在 60 分钟内回复');
      const met = screen.getByTestId('hotline-reply-met');
      expect(met.textContent).toBe('均已及时回复');
      expect(met.className).toContain('success');
      // the call's own reply time: its due time is an hour after the caller hung up
      expect((await screen.findByTestId('hotline-reply-31', undefined, SLOW)).textContent).toBe('已超 60 分钟未回复');
      expect(document.body.textContent).not.toMatch(/30 ?分钟/);
    },
    TEST_TIMEOUT,
  );

  it(
    'says there is no missed call to reply to yet, not 0%, when the month has none to count',
    async () => {
      // the one missed call is still inside its half hour: nothing to count either way
      const { replyRate: _r, ...noReplyRate } = summary({ missed: 1, missedOpen: 1, replyDue: 0, repliedInTime: 0 });
      mockApi(['SERVICE_DESK'], (url) => {
        if (url === SUMMARY_URL) return json(noReplyRate);
        if (url === OPEN_URL) return json([pending36]);
        return undefined;
      });
      renderHotline();
      const none = await screen.findByTestId('hotline-reply-none', undefined, SLOW);
      expect(none.textContent).toContain('本月暂无需回复的未接来电');
      expect(screen.getByTestId('hotline-reply-target').textContent).toBe('目标：未接来电均在 30 分钟内回复');
      expect(screen.queryByTestId('hotline-reply-rate')).toBeNull();
      expect(screen.queryByTestId('hotline-reply-count')).toBeNull();
      const figure = screen.getByTestId('hotline-reply-figure');
      expect(figure.textContent).not.toMatch(/%|NaN|0\/0/);
      expect(screen.getByTestId('hotline-rate').textContent).toBe('93.5%');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows each missed call’s reply: 已超 30 分钟未回复, 待回复 by its due time in Beijing time, 回复及时, 回复超时 after how long',
    async () => {
      mockApi(['SERVICE_DESK'], (url) => {
        if (url === SUMMARY_URL) return json(summary());
        if (url === OPEN_URL) return json([pending36, open31]);
        if (url === MISSED_URL) return json([pending36, open31, calledBack, answeredLater]);
        return undefined;
      });
      renderHotline();
      const late = await screen.findByTestId('hotline-reply-31', undefined, SLOW);
      expect(late.textContent).toBe('已超 30 分钟未回复');
      expect(late.getAttribute('data-state')).toBe('lateOpen');
      expect(within(late).getByText('已超 30 分钟未回复').className).toContain('error');
      // due 02:20:20Z: 10:20 in Beijing, whatever the browser's zone
      const pending = screen.getByTestId('hotline-reply-36');
      expect(pending.textContent).toBe('待回复（2026-12-10 10:20 前）');
      expect(pending.getAttribute('data-state')).toBe('pending');
      expect(within(pending).getByText('待回复（2026-12-10 10:20 前）').className).toContain('warning');

      fireEvent.click(screen.getByRole('tab', { name: '全部未接' }));
      const inTime = await screen.findByTestId('hotline-reply-34', undefined, SLOW);
      expect(inTime.textContent).toBe('回复及时');
      expect(inTime.getAttribute('data-state')).toBe('inTime');
      expect(within(inTime).getByText('回复及时').className).toContain('success');
      // got through 52 minutes after hanging up
      const replyLate = screen.getByTestId('hotline-reply-35');
      expect(replyLate.textContent).toBe('回复超时52分钟后回复');
      expect(replyLate.getAttribute('data-state')).toBe('late');
      expect(within(replyLate).getByText('回复超时').className).toContain('error');
      expect(screen.getByTestId('hotline-reply-31').textContent).toBe('已超 30 分钟未回复');
      expect(screen.getByTestId('hotline-reply-36').textContent).toBe('待回复（2026-12-10 10:20 前）');
      expect(document.body.textContent).not.toMatch(/replyLate|repliedAt|hotline\.|undefined|null|Reply|late/);
    },
    TEST_TIMEOUT,
  );

  it(
    'says 未达标 in red when the rate is below the target',
    async () => {
      deskApi({ summary: summary({ offered: 50, answered: 40, missed: 10, rate: 0.8, met: false, missedOpen: 6 }) });
      renderHotline();
      expect((await screen.findByTestId('hotline-rate', undefined, SLOW)).textContent).toBe('80.0%');
      const met = screen.getByTestId('hotline-met');
      expect(met.textContent).toBe('未达标');
      expect(met.className).toContain('error');
      expect(screen.getByTestId('hotline-target').textContent).toBe('目标 90%');
      expect(screen.queryByText('已达标')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'says there were no calls in an empty month, with no rate and no NaN',
    async () => {
      mockApi(['SUPERVISOR'], (url) => {
        if (url === SUMMARY_URL) return json(emptySummary());
        if (url === OPEN_URL) return json([]);
        return undefined;
      });
      renderHotline();
      const none = await screen.findByTestId('hotline-no-calls', undefined, SLOW);
      expect(none.textContent).toContain('本月暂无呼入电话');
      expect(screen.getByTestId('hotline-target').textContent).toBe('目标 90%');
      expect(screen.queryByTestId('hotline-rate')).toBeNull();
      expect(screen.queryByTestId('hotline-met')).toBeNull();
      expect(screen.getByTestId('hotline-offered').textContent).toBe('呼入0');
      expect(screen.getByTestId('hotline-reply-none').textContent).toContain('本月暂无需回复的未接来电');
      expect(screen.queryByTestId('hotline-reply-rate')).toBeNull();
      expect(await screen.findByText('没有待回拨的未接来电', undefined, SLOW)).toBeTruthy();
      expect(document.body.textContent).not.toMatch(/NaN|%\s*$|undefined|null/);
      expect(document.body.textContent).not.toContain('已达标');
      expect(document.body.textContent).not.toContain('未达标');
    },
    TEST_TIMEOUT,
  );

  it(
    'lists the missed calls to call back with the number to dial, the known caller and the wait, then all missed ones with their status in Chinese',
    async () => {
      const fetchMock = deskApi();
      renderHotline();
      const row = await screen.findByTestId('hotline-call-31', undefined, SLOW);
      expect(rowIds()).toEqual(['hotline-call-31', 'hotline-call-32', 'hotline-call-33']);
      expect(timesAsked(fetchMock, OPEN_URL)).toBe(1);
      const dial = within(row).getByTestId('hotline-dial-31');
      expect(dial.getAttribute('href')).toBe('tel:13800138000');
      expect(row.textContent).toContain('李明 · 示范市公安局');
      expect(row.textContent).toContain('2026-12-10 09:20');
      expect(row.textContent).toContain('等待 42 秒');
      expect(screen.getByTestId('hotline-status-31').textContent).toBe('待回拨');
      expect(within(row).getByTestId('hotline-callback-31').textContent).toBe('登记回拨');
      // the caller reached reports a fault: the new case opens with their number
      expect(within(row).getByTestId('hotline-new-ticket-31').getAttribute('href')).toBe(
        '/tickets/new?phone=13800138000',
      );
      expect(within(row).getByTestId('hotline-new-ticket-31').textContent).toBe('新建工单');
      // an unknown caller: the number alone, and no wait when the server sent none
      expect(screen.getByTestId('hotline-dial-32').getAttribute('href')).toBe('tel:0571-88886666');
      expect(screen.getByTestId('hotline-call-33').textContent).toContain('—');

      fireEvent.click(screen.getByRole('tab', { name: '全部未接' }));
      await screen.findByTestId('hotline-call-34', undefined, SLOW);
      expect(timesAsked(fetchMock, MISSED_URL)).toBe(1);
      expect(screen.getByTestId('hotline-status-34').textContent).toBe(
        '已回拨王芳 于 2026-12-09 15:00 回拨已联系，故障已登记为工单',
      );
      expect(screen.queryByTestId('hotline-callback-34')).toBeNull();
      expect(screen.getByTestId('hotline-status-35').textContent).toBe('已再次来电接通');
      // no code name and no English reaches a Chinese reader
      expect(document.body.textContent).not.toMatch(/CTI-|laterAnswered|callback|hotline\.|null|undefined|Called/);
    },
    TEST_TIMEOUT,
  );

  it(
    '登记回拨 sends the note once, however often OK is clicked, and the call leaves the list to call back',
    async () => {
      const fetchMock = deskApi();
      renderHotline();
      fireEvent.click(await screen.findByTestId('hotline-callback-31', undefined, SLOW));
      const modal = await screen.findByTestId('hotline-callback-modal', undefined, SLOW);
      expect(within(modal).getByText('登记回拨：13800138000')).toBeTruthy();
      fireEvent.change(within(modal).getByTestId('hotline-callback-note'), {
        target: { value: '  已联系李明，故障已登记  ' },
      });
      const ok = within(modal).getByTestId('hotline-callback-ok');
      fireEvent.click(ok);
      fireEvent.click(ok);
      await waitFor(() => expect(screen.queryByTestId('hotline-call-31')).toBeNull(), SLOW);
      expect(postedTo(fetchMock, 'api/hotline/calls/31/callback')).toEqual([{ note: '已联系李明，故障已登记' }]);
      expect(rowIds()).toEqual(['hotline-call-32', 'hotline-call-33']);
      expect(await screen.findByText('已登记回拨', undefined, SLOW)).toBeTruthy();
      // the figures are read again too (the 待回拨 count)
      await waitFor(() => expect(timesAsked(fetchMock, SUMMARY_URL)).toBe(2), SLOW);

      // under 全部未接 the call now says who called back, when, and the note
      fireEvent.click(screen.getByRole('tab', { name: '全部未接' }));
      const status = await screen.findByTestId('hotline-status-31', undefined, SLOW);
      expect(status.textContent).toBe('已回拨王芳 于 2026-12-10 10:00 回拨已联系李明，故障已登记');
    },
    TEST_TIMEOUT,
  );

  it(
    'sends no note when none is written',
    async () => {
      const fetchMock = deskApi();
      renderHotline();
      fireEvent.click(await screen.findByTestId('hotline-callback-32', undefined, SLOW));
      const modal = await screen.findByTestId('hotline-callback-modal', undefined, SLOW);
      fireEvent.click(within(modal).getByTestId('hotline-callback-ok'));
      await waitFor(() => expect(postedTo(fetchMock, 'api/hotline/calls/32/callback')).toEqual([{ note: null }]), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the server’s sentence when someone recorded the callback first, and reads the calls again',
    async () => {
      const fetchMock = deskApi({
        callback: () => problem(409, { reason: 'hotlineCallbackDone', detail: '王芳已于 09:40 登记回拨 13800138000' }),
      });
      renderHotline();
      fireEvent.click(await screen.findByTestId('hotline-callback-31', undefined, SLOW));
      const modal = await screen.findByTestId('hotline-callback-modal', undefined, SLOW);
      fireEvent.click(within(modal).getByTestId('hotline-callback-ok'));
      const error = await within(modal).findByTestId('hotline-callback-error', undefined, SLOW);
      expect(error.textContent).toBe('王芳已于 09:40 登记回拨 13800138000');
      await waitFor(() => expect(timesAsked(fetchMock, OPEN_URL)).toBe(2), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'words a 409 in Chinese when the server’s sentence is English',
    async () => {
      deskApi({ callback: () => problem(409, { detail: 'problem.hotlineCallbackDone {}' }) });
      renderHotline();
      fireEvent.click(await screen.findByTestId('hotline-callback-31', undefined, SLOW));
      const modal = await screen.findByTestId('hotline-callback-modal', undefined, SLOW);
      fireEvent.click(within(modal).getByTestId('hotline-callback-ok'));
      const error = await within(modal).findByTestId('hotline-callback-error', undefined, SLOW);
      expect(error.textContent).toBe('这通未接来电已登记过回拨，列表已刷新。');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the missed calls as cards on a phone, the number still a link to dial',
    async () => {
      setViewportWidth(390);
      deskApi();
      renderHotline();
      const card = await screen.findByTestId('hotline-call-31', undefined, SLOW);
      expect(screen.getByTestId('hotline-calls').getAttribute('data-layout')).toBe('cards');
      expect(within(card).getByTestId('hotline-dial-31').getAttribute('href')).toBe('tel:13800138000');
      expect(card.textContent).toContain('等待 42 秒');
      expect(card.textContent).toContain('待回拨');
      expect(within(card).getByTestId('hotline-reply-31').textContent).toBe('已超 30 分钟未回复');
      expect(screen.getByTestId('hotline-rate').textContent).toBe('93.5%');
      expect(screen.getByTestId('hotline-reply-rate').textContent).toBe('90.9%');
    },
    TEST_TIMEOUT,
  );
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import type { SecurityIncidentView } from './api';
import {
  fieldOf,
  incidentView,
  investigating,
  json,
  mockApi,
  NOW,
  problem,
  renderSecurityIncidents,
  sentTo,
  SLOW,
  TEST_TIMEOUT,
} from './testSupport';

const VIEW = 'api/security-incidents/1';

/**
 * Incident 1 as `view`; `answers[action]` answers the POST to /{action}, else the server takes it and from then on
 * reads `after`.
 */
function detailApi(
  roles: Role[],
  view: SecurityIncidentView,
  answers: Record<string, () => Promise<Response>> = {},
  after: SecurityIncidentView = view,
) {
  let current = view;
  return mockApi(roles, (url, init) => {
    if (url === VIEW && (init?.method ?? 'GET') === 'GET') return json(current);
    const action = /^api\/security-incidents\/1\/([\w-]+)$/.exec(url)?.[1];
    if (action && init?.method === 'POST') {
      const answer = answers[action];
      if (answer) return answer();
      current = after;
      return json(after);
    }
    return undefined;
  });
}

/** A button's words: antd spaces out two Chinese characters (结 案). */
const words = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\s/g, '');

const timesRead = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.filter(([u, i]) => String(u) === VIEW && (i?.method ?? 'GET') === 'GET').length;

const closedView = investigating({
  status: 'CLOSED',
  impact: 'MINOR',
  closedAt: '2026-12-10T01:00:00Z',
  measures: '收回 U 盘并删除拷贝；全员重新签署保密承诺书',
  conclusion: '录像未外传，定为一般事件',
  canHandle: false,
  revision: 6,
});

describe('SecurityIncidentDetailPage', () => {
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
    'shows the facts in Chinese and Beijing time, the linked case, and the timeline newest first',
    async () => {
      detailApi(['SUPERVISOR'], investigating());
      renderSecurityIncidents('/security-incidents/1');
      expect(await screen.findByText('工程师拷走监控录像', { selector: 'h3 span' }, SLOW)).toBeTruthy();
      expect(screen.getByTestId('sec-status').textContent).toBe('调查中');
      expect(screen.getByTestId('sec-impact').textContent).toBe('严重');
      expect(screen.getByTestId('sec-fact-kind').textContent).toBe('泄密');
      expect(screen.getByTestId('sec-fact-occurred').textContent).toBe('2026-12-09 14:30');
      expect(screen.getByTestId('sec-fact-reported').textContent).toBe('王芳 · 2026-12-09 16:00');
      expect(screen.getByTestId('sec-fact-handler').textContent).toBe('刘强');
      expect(screen.getByTestId('sec-fact-told').textContent).toBe('2026-12-09 17:00 · 电话告知信息中心张主任');
      expect(screen.getByTestId('sec-fact-involved').textContent).toBe('李强（驻场工程师）');
      expect(screen.getByTestId('sec-description').textContent).toContain('U 盘');
      expect(screen.getByTestId('sec-ticket-link').getAttribute('href')).toBe('/tickets/55');
      expect(screen.getByTestId('sec-ticket-link').textContent).toBe('T-000055');
      // not closed: no measures or conclusion yet
      expect(screen.queryByTestId('sec-outcome')).toBeNull();

      const lines = Array.from(document.querySelectorAll('[data-testid^="sec-event-action-"]')).map(
        (e) => e.textContent,
      );
      expect(lines).toEqual(['调查记录', '已告知用户单位', '接手调查', '报告']);
      const note = screen.getByTestId('sec-event-4');
      expect(note.textContent).toContain('刘强 · 2026-12-09 18:00');
      expect(note.textContent).toContain('已收回 U 盘，录像未外传');
      expect(document.body.textContent).not.toMatch(
        /LEAK|SERIOUS|INVESTIGATING|CUSTOMER_TOLD|TAKEN|securityIncidents\./,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'says 用户单位自行报告 when the unit reported it itself, and gives the unit’s user no action',
    async () => {
      detailApi(
        ['CUSTOMER'],
        incidentView({ reportedByCustomer: true, customerToldAt: '2026-12-09T08:00:00Z', canTake: false }),
      );
      renderSecurityIncidents('/security-incidents/1');
      expect((await screen.findByTestId('sec-fact-told', undefined, SLOW)).textContent).toBe('用户单位自行报告');
      expect(screen.queryByTestId('sec-actions')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the measures and conclusion of a closed incident, and no action',
    async () => {
      detailApi(['SUPERVISOR'], closedView);
      renderSecurityIncidents('/security-incidents/1');
      const outcome = await screen.findByTestId('sec-outcome', undefined, SLOW);
      expect(within(outcome).getByTestId('sec-measures').textContent).toBe(
        '收回 U 盘并删除拷贝；全员重新签署保密承诺书',
      );
      expect(within(outcome).getByTestId('sec-conclusion').textContent).toBe('录像未外传，定为一般事件');
      expect(screen.getByTestId('sec-status').textContent).toBe('已结案');
      expect(screen.getByTestId('sec-fact-closed').textContent).toBe('2026-12-10 09:00');
      expect(screen.queryByTestId('sec-actions')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'offers only 接手调查 while it may be taken (canTake), and takes it',
    async () => {
      const fetchMock = detailApi(['SUPERVISOR'], incidentView(), {}, investigating());
      renderSecurityIncidents('/security-incidents/1');
      const take = await screen.findByTestId('sec-take', undefined, SLOW);
      expect(words('sec-take')).toBe('接手调查');
      expect(screen.queryByTestId('sec-note')).toBeNull();
      expect(screen.queryByTestId('sec-told')).toBeNull();
      expect(screen.queryByTestId('sec-close')).toBeNull();
      expect(screen.getByTestId('sec-fact-told').textContent).toBe('尚未告知');
      expect(screen.getByTestId('sec-fact-handler').textContent).toBe('尚未接手');

      fireEvent.click(take);
      fireEvent.click(await screen.findByTestId('sec-take-ok', undefined, SLOW));
      await waitFor(() => expect(screen.getByTestId('sec-status').textContent).toBe('调查中'), SLOW);
      expect(sentTo(fetchMock, 'POST', 'api/security-incidents/1/take')).toEqual([{}]);
      expect(screen.queryByTestId('sec-take')).toBeNull();
      expect(screen.getByTestId('sec-close')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'offers no action to those the server does not let act (neither canTake nor canHandle)',
    async () => {
      detailApi(['SERVICE_DESK'], investigating({ canHandle: false }));
      renderSecurityIncidents('/security-incidents/1');
      await screen.findByTestId('sec-facts', undefined, SLOW);
      expect(screen.queryByTestId('sec-actions')).toBeNull();
      expect(screen.queryAllByRole('button')).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'offers the note, 记录已告知用户单位 and 结案 while investigating (canHandle), and sends a note',
    async () => {
      const fetchMock = detailApi(
        ['SUPERVISOR'],
        investigating({ customerToldAt: undefined, customerToldHow: undefined }),
      );
      renderSecurityIncidents('/security-incidents/1');
      await screen.findByTestId('sec-note', undefined, SLOW);
      expect(words('sec-note')).toBe('添加调查记录');
      expect(words('sec-told')).toBe('记录已告知用户单位');
      expect(words('sec-close')).toBe('结案');
      expect(screen.queryByTestId('sec-take')).toBeNull();

      fireEvent.click(screen.getByTestId('sec-note'));
      fireEvent.change(await screen.findByTestId('sec-note-text', undefined, SLOW), {
        target: { value: ' 调取了门禁记录 ' },
      });
      fireEvent.click(screen.getByTestId('sec-note-ok'));
      await waitFor(
        () => expect(sentTo(fetchMock, 'POST', 'api/security-incidents/1/notes')).toEqual([{ note: '调取了门禁记录' }]),
        SLOW,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'records when and how the unit was told, and hides the button once it is recorded',
    async () => {
      const fetchMock = detailApi(
        ['SUPERVISOR'],
        investigating({ customerToldAt: undefined, customerToldHow: undefined }),
        {},
        investigating(),
      );
      renderSecurityIncidents('/security-incidents/1');
      fireEvent.click(await screen.findByTestId('sec-told', undefined, SLOW));
      const modal = await screen.findByTestId('sec-told-modal', undefined, SLOW);
      expect((within(modal).getByTestId('sec-told-at') as HTMLInputElement).value).toBe('2026-12-10 10:00');
      fireEvent.change(within(modal).getByTestId('sec-told-how'), { target: { value: '电话告知信息中心张主任' } });
      fireEvent.click(screen.getByTestId('sec-told-ok'));
      await waitFor(
        () =>
          expect(sentTo(fetchMock, 'POST', 'api/security-incidents/1/customer-told')).toEqual([
            { toldAt: '2026-12-10T02:00:00.000Z', how: '电话告知信息中心张主任' },
          ]),
        SLOW,
      );
      // the answer (the mock's view) has the unit told: the button goes
      await waitFor(() => expect(screen.queryByTestId('sec-told')).toBeNull(), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'closes with the final impact, measures, conclusion and the revision it read',
    async () => {
      const fetchMock = detailApi(['ADMIN'], investigating(), {}, closedView);
      renderSecurityIncidents('/security-incidents/1');
      fireEvent.click(await screen.findByTestId('sec-close', undefined, SLOW));
      const modal = await screen.findByTestId('sec-close-modal', undefined, SLOW);
      // the unit was told: no warning
      expect(within(modal).queryByTestId('sec-close-not-told')).toBeNull();
      fireEvent.click(within(within(modal).getByTestId('sec-close-impact')).getByText('一般'));
      fireEvent.change(within(modal).getByTestId('sec-close-measures'), {
        target: { value: '收回 U 盘并删除拷贝；全员重新签署保密承诺书' },
      });
      fireEvent.change(within(modal).getByTestId('sec-close-conclusion'), {
        target: { value: '录像未外传，定为一般事件' },
      });
      fireEvent.click(screen.getByTestId('sec-close-ok'));
      await waitFor(() => expect(screen.getByTestId('sec-status').textContent).toBe('已结案'), SLOW);
      expect(sentTo(fetchMock, 'POST', 'api/security-incidents/1/close')).toEqual([
        {
          impact: 'MINOR',
          measures: '收回 U 盘并删除拷贝；全员重新签署保密承诺书',
          conclusion: '录像未外传，定为一般事件',
          revision: 5,
        },
      ]);
      expect(screen.getByTestId('sec-outcome')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a 409 in the server’s Chinese words and reads the incident again',
    async () => {
      const fetchMock = detailApi(
        ['SUPERVISOR'],
        investigating({ customerToldAt: undefined, customerToldHow: undefined }),
        {
          close: () => problem(409, { detail: '安全事件 SEC-000001 尚未告知用户单位，请先记录告知情况再结案' }),
        },
      );
      renderSecurityIncidents('/security-incidents/1');
      fireEvent.click(await screen.findByTestId('sec-close', undefined, SLOW));
      const modal = await screen.findByTestId('sec-close-modal', undefined, SLOW);
      expect(within(modal).getByTestId('sec-close-not-told').textContent).toContain('尚未记录告知用户单位');
      fireEvent.change(within(modal).getByTestId('sec-close-measures'), { target: { value: '约谈' } });
      fireEvent.change(within(modal).getByTestId('sec-close-conclusion'), { target: { value: '一般' } });
      fireEvent.click(screen.getByTestId('sec-close-ok'));
      const error = await within(modal).findByTestId('sec-action-error', undefined, SLOW);
      expect(error.textContent).toBe('安全事件 SEC-000001 尚未告知用户单位，请先记录告知情况再结案');
      await waitFor(() => expect(timesRead(fetchMock)).toBeGreaterThan(1), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'words a 409 in Chinese when the server’s sentence is not',
    async () => {
      detailApi(['SUPERVISOR'], incidentView(), {
        take: () => problem(409, { detail: 'problem.securityIncidentNotReported {number=SEC-000001}' }),
      });
      renderSecurityIncidents('/security-incidents/1');
      fireEvent.click(await screen.findByTestId('sec-take', undefined, SLOW));
      fireEvent.click(await screen.findByTestId('sec-take-ok', undefined, SLOW));
      const error = await screen.findByTestId('sec-action-error', undefined, SLOW);
      expect(error.textContent).toBe('安全事件的状态已变化（可能已被他人处理），页面已刷新，请确认后再操作。');
      expect(document.body.textContent).not.toContain('problem.');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the server’s field error under its field',
    async () => {
      detailApi(['SUPERVISOR'], investigating({ customerToldAt: undefined, customerToldHow: undefined }), {
        'customer-told': () => problem(400, { errors: [{ field: 'toldAt', message: '告知时间不能早于事件发生时间' }] }),
      });
      renderSecurityIncidents('/security-incidents/1');
      fireEvent.click(await screen.findByTestId('sec-told', undefined, SLOW));
      fireEvent.change(await screen.findByTestId('sec-told-how', undefined, SLOW), { target: { value: '电话' } });
      fireEvent.click(screen.getByTestId('sec-told-ok'));
      await waitFor(() => expect(fieldOf('sec-told-at').textContent).toContain('告知时间不能早于事件发生时间'), SLOW);
      expect(screen.queryByTestId('sec-action-error')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'fits a phone: the facts one under another',
    async () => {
      setViewportWidth(390);
      detailApi(['SUPERVISOR'], investigating());
      renderSecurityIncidents('/security-incidents/1');
      const facts = await screen.findByTestId('sec-facts', undefined, SLOW);
      expect(
        facts.querySelector('.ant-descriptions-item-label')?.closest('tr')?.querySelectorAll('th, td').length,
      ).toBe(1);
      expect(screen.getByTestId('sec-close')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );
});

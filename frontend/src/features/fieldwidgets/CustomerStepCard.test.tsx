import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { CustomerCaseFile } from '../../api/types';
import i18n from '../../i18n';
import { fireEvent, screen, waitFor, within } from '../../test/render';
import { callsTo, renderTicketPage } from '../../test/renderTicketPage';
import { attachment, formParts, json, SLOW, stubObjectUrls } from './testSupport';

const caseFile: CustomerCaseFile = {
  id: 12,
  number: 'INC-2026-000012',
  title: 'Camera offline',
  status: 'IN_PROGRESS',
  category: 'DEFECT',
  level: 2,
  siteId: 1,
  siteName: 'Demo City Command Center',
  region: 'CITY',
  deviceId: 7,
  deviceName: 'Gate camera 3',
  assignee: 'engineer',
  createdAt: '2026-03-10T01:00:00Z',
  responseDue: '2026-03-10T01:30:00Z',
  resolutionDue: '2026-03-11T13:00:00Z',
  respondedAt: '2026-03-10T01:20:00Z',
  resolvedAt: null,
  closedAt: null,
  responseOverdue: false,
  resolutionOverdue: false,
  escalated: false,
  channel: 'WEB',
  requesterName: 'Wang Fang',
  requesterUnit: 'Demo City',
  requesterPhone: '010-5555-0101',
  impact: 'MEDIUM',
  urgency: 'HIGH',
  description: 'No picture since 9:00',
  solution: null,
  callbackOutcome: null,
  satisfaction: null,
  customerFeedback: null,
  callbackOpen: false,
};

const planWaiting: CustomerCaseFile = {
  ...caseFile,
  customerStep: { kind: 'PLAN_REVIEW', recoveryPlan: '更换 PoE 供电模块并重新配置录像计划' },
};
const confirmationWaiting: CustomerCaseFile = {
  ...caseFile,
  customerStep: { kind: 'COMPLETION_CONFIRMATION', workDone: 'Replaced the PoE injector; recording checked' },
};

interface Options {
  /** Answers for GET /api/tickets/12, in turn; the last one repeats. */
  tickets: CustomerCaseFile[];
  answer?: () => Promise<Response>;
}

function mockApi({ tickets, answer }: Options) {
  let loads = 0;
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url === 'api/me') return json({ username: 'customer', displayName: 'Wang Fang', roles: ['CUSTOMER'] });
    if (method === 'GET' && url === 'api/tickets/12') return json(tickets[Math.min(loads++, tickets.length - 1)]);
    if (method === 'GET' && url === 'api/tickets/12/clocks') return json({ clocks: [] });
    if (method === 'POST' && (url === 'api/tickets/12/plan-review' || url === 'api/tickets/12/completion-confirmation'))
      return answer ? answer() : Promise.resolve(new Response(null, { status: 204 }));
    if (method === 'POST' && url === 'api/tickets/12/attachments')
      return json(attachment(88, 'SIGNATURE', 'signature.png'), 201);
    if (url === 'api/tickets/12/attachments/88') return Promise.resolve(new Response(new Blob([new Uint8Array([1])])));
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const bodyOf = (fetchMock: ReturnType<typeof mockApi>, url: string, n = 0) =>
  JSON.parse(String(callsTo(fetchMock, 'POST', url)[n][1]?.body));

const loadsOfCase = (fetchMock: ReturnType<typeof mockApi>) => callsTo(fetchMock, 'GET', 'api/tickets/12').length;

describe('field steps in the customer portal', () => {
  beforeEach(() => authStore.set('Basic Y3VzdG9tZXI6ZGVtbw=='));
  afterEach(async () => {
    authStore.clear();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows nothing of the field steps when no step waits for the customer', async () => {
    mockApi({ tickets: [caseFile] });
    renderTicketPage();
    await screen.findByTestId('customer-ticket-view', undefined, SLOW);
    expect(screen.queryByTestId('plan-review')).toBeNull();
    expect(screen.queryByTestId('completion-confirmation')).toBeNull();
  });

  it('approves the recovery plan in Chinese, then shows the refreshed case', async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = mockApi({ tickets: [planWaiting, caseFile] });
    renderTicketPage();

    const card = await screen.findByTestId('plan-review', undefined, SLOW);
    expect(within(card).getByText('恢复方案待您确认')).toBeTruthy();
    expect(within(card).getByTestId('plan-review-plan').textContent).toBe('更换 PoE 供电模块并重新配置录像计划');
    fireEvent.click(within(card).getByText('同意方案'));

    await waitFor(() => expect(callsTo(fetchMock, 'POST', 'api/tickets/12/plan-review')).toHaveLength(1), SLOW);
    expect(bodyOf(fetchMock, 'api/tickets/12/plan-review')).toEqual({ approved: true, reason: '' });
    await waitFor(() => expect(screen.queryByTestId('plan-review')).toBeNull(), SLOW);
    expect(loadsOfCase(fetchMock)).toBe(2);
  });

  it('sends the plan back only with a reason', async () => {
    const fetchMock = mockApi({ tickets: [planWaiting, caseFile] });
    renderTicketPage();

    const card = await screen.findByTestId('plan-review', undefined, SLOW);
    fireEvent.click(within(card).getByTestId('plan-reject'));
    fireEvent.click(within(card).getByTestId('plan-reject-submit'));
    expect(await within(card).findByText('Please give a reason.', undefined, SLOW)).toBeTruthy();
    expect(callsTo(fetchMock, 'POST', 'api/tickets/12/plan-review')).toHaveLength(0);

    fireEvent.change(within(card).getByTestId('plan-review-reason'), { target: { value: '  需要先停机报备  ' } });
    fireEvent.click(within(card).getByTestId('plan-reject-submit'));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', 'api/tickets/12/plan-review')).toHaveLength(1), SLOW);
    expect(bodyOf(fetchMock, 'api/tickets/12/plan-review')).toEqual({ approved: false, reason: '需要先停机报备' });
  });

  it('reloads the case when the plan was already reviewed (409)', async () => {
    const fetchMock = mockApi({
      tickets: [planWaiting, caseFile],
      answer: () => json({ status: 409, title: 'Conflict', detail: 'No plan waits for review' }, 409),
    });
    renderTicketPage();
    fireEvent.click(within(await screen.findByTestId('plan-review', undefined, SLOW)).getByTestId('plan-approve'));
    expect(await screen.findByText(/already answered/, undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('plan-review')).toBeNull(), SLOW);
    expect(loadsOfCase(fetchMock)).toBe(2);
  });

  it('confirms completion with the tester name and a drawn signature', async () => {
    // jsdom has no canvas: a context that accepts every call, and a PNG for toBlob
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => new Proxy({}, { get: () => () => {}, set: () => true }) as unknown as CanvasRenderingContext2D,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((cb: BlobCallback) =>
      cb(new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' })),
    );
    stubObjectUrls();
    const fetchMock = mockApi({ tickets: [confirmationWaiting, caseFile] });
    renderTicketPage();

    const card = await screen.findByTestId('completion-confirmation', undefined, SLOW);
    expect(within(card).getByTestId('completion-work-done').textContent).toBe(
      'Replaced the PoE injector; recording checked',
    );
    // name and signature are required
    fireEvent.click(within(card).getByTestId('completion-submit'));
    expect(await within(card).findByText('Please fill in Tester name.', undefined, SLOW)).toBeTruthy();
    expect(within(card).getByText('Please sign and press "Confirm signature".')).toBeTruthy();

    fireEvent.change(within(card).getByTestId('completion-tester'), { target: { value: '李工' } });
    const pad = within(card).getByTestId('completion-signature-pad');
    fireEvent.pointerDown(pad, { pointerId: 1, buttons: 1, clientX: 5, clientY: 5 });
    fireEvent.pointerMove(window, { pointerId: 1, buttons: 1, clientX: 80, clientY: 50 });
    fireEvent.pointerUp(window, { pointerId: 1, buttons: 0, clientX: 80, clientY: 50 });
    fireEvent.click(within(card).getByTestId('completion-signature-confirm'));
    await screen.findByTestId('completion-signature-image', undefined, SLOW);
    expect(formParts(callsTo(fetchMock, 'POST', 'api/tickets/12/attachments')[0][1])).toMatchObject({
      kind: 'SIGNATURE',
      visibility: 'PUBLIC',
      fileName: 'signature.png',
    });

    fireEvent.click(within(card).getByTestId('completion-submit'));
    await waitFor(
      () => expect(callsTo(fetchMock, 'POST', 'api/tickets/12/completion-confirmation')).toHaveLength(1),
      SLOW,
    );
    expect(bodyOf(fetchMock, 'api/tickets/12/completion-confirmation')).toEqual({
      testerName: '李工',
      confirmed: true,
      signatureAttachmentId: 88,
      remark: '',
    });
    await waitFor(() => expect(screen.queryByTestId('completion-confirmation')).toBeNull(), SLOW);
  });

  it('says "not completed" with a reason and no signature, and shows server field errors', async () => {
    await i18n.changeLanguage('zh');
    let answers = 0;
    const fetchMock = mockApi({
      tickets: [confirmationWaiting, caseFile],
      answer: () =>
        answers++ === 0
          ? json({ status: 400, title: 'Bad Request', errors: [{ field: 'remark', message: '原因太短' }] }, 400)
          : Promise.resolve(new Response(null, { status: 204 })),
    });
    renderTicketPage();

    const card = await screen.findByTestId('completion-confirmation', undefined, SLOW);
    fireEvent.click(within(card).getByText('未完成（说明原因）'));
    expect(within(card).queryByTestId('completion-signature-pad')).toBeNull();
    fireEvent.change(within(card).getByTestId('completion-tester'), { target: { value: '李工' } });
    fireEvent.click(within(card).getByTestId('completion-submit'));
    expect(await within(card).findByText('请填写原因。', undefined, SLOW)).toBeTruthy();

    fireEvent.change(within(card).getByTestId('completion-remark'), { target: { value: '3 号机' } });
    fireEvent.click(within(card).getByTestId('completion-submit'));
    expect(await within(card).findByText('原因太短', undefined, SLOW)).toBeTruthy();
    expect(screen.getByTestId('completion-confirmation')).toBeTruthy();

    fireEvent.change(within(card).getByTestId('completion-remark'), { target: { value: '3 号机仍无图像' } });
    fireEvent.click(within(card).getByTestId('completion-submit'));
    await waitFor(
      () => expect(callsTo(fetchMock, 'POST', 'api/tickets/12/completion-confirmation')).toHaveLength(2),
      SLOW,
    );
    expect(bodyOf(fetchMock, 'api/tickets/12/completion-confirmation', 1)).toEqual({
      testerName: '李工',
      confirmed: false,
      signatureAttachmentId: null,
      remark: '3 号机仍无图像',
    });
    await waitFor(() => expect(screen.queryByTestId('completion-confirmation')).toBeNull(), SLOW);
  });
});

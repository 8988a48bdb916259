import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { WarrantyView } from './api';
import { WarrantyPanel } from './WarrantyPanel';

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const charged: WarrantyView = {
  ticketId: 12,
  assessed: true,
  warrantyEnd: '2025-12-31',
  inWarranty: false,
  freeReason: null,
  repeatOfNumber: null,
  cost: { freeOfCharge: false, freeReason: null, parts: 320.5, labour: 100, total: 420.5 },
  lines: [
    {
      id: 1,
      kind: 'PART',
      description: '电源板',
      amount: 320.5,
      recordedBy: 't-eng',
      recordedAt: '2026-03-10T02:00:00Z',
    },
    {
      id: 2,
      kind: 'LABOUR',
      description: '上门',
      amount: 100,
      recordedBy: 't-eng',
      recordedAt: '2026-03-10T02:00:00Z',
    },
  ],
  quote: null,
  replacement: null,
  handovers: [],
  waitingFor: 'QUOTE',
};

function show(staff: boolean) {
  return render(
    <App>
      <MemoryRouter>
        <WarrantyPanel ticketId={12} staff={staff} />
      </MemoryRouter>
    </App>,
  );
}

/** jsdom has no canvas: a 2D context that accepts every call, for the hand-over's signature pad. */
const noopContext = new Proxy({}, { get: (_t, prop) => (prop === 'canvas' ? undefined : () => {}), set: () => true });

describe('WarrantyPanel', () => {
  beforeEach(async () => {
    authStore.set('Basic x');
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => noopContext as unknown as CanvasRenderingContext2D,
    );
    Object.assign(URL, { createObjectURL: () => 'blob:test/1', revokeObjectURL: () => {} });
    await i18n.changeLanguage('zh');
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the charged cost and lets the customer approve the quote', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const url = String(input);
      if (url.endsWith('/quote-approval')) return json(null, 204);
      if (url.endsWith('/warranty')) return json(charged);
      return json({}, 404);
    });
    show(false);
    expect((await screen.findByTestId('warranty-charge')).textContent).toContain('收费：合计 ¥420.50');
    expect(screen.getByTestId('warranty-status').textContent).toContain('已过保修期');
    expect(screen.getByTestId('warranty-approval-lines').textContent).toContain('备件 · 电源板 · ¥320.50');
    expect(screen.queryByTestId('cost-line-add')).toBeNull();
    fireEvent.click(screen.getByTestId('warranty-approve'));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('api/tickets/12/quote-approval'))).toBe(true),
    );
    const call = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/quote-approval'));
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ approved: true, reason: '' });
  });

  it('flags a repeat repair and offers staff the line and hand-over forms', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(() =>
      json({
        ...charged,
        inWarranty: false,
        freeReason: 'REPEAT_REPAIR',
        repeatOfNumber: 'INC-2026-000001',
        cost: { freeOfCharge: true, freeReason: 'REPEAT_REPAIR', parts: 0, labour: 0, total: 0 },
        waitingFor: null,
      }),
    );
    show(true);
    expect((await screen.findByTestId('warranty-repeat')).textContent).toContain('INC-2026-000001');
    expect(screen.getByTestId('warranty-charge').textContent).toContain('免费（返修）');
    expect(screen.getByTestId('cost-line-add')).not.toBeNull();
    expect(screen.getByTestId('handover-add')).not.toBeNull();
    expect(screen.queryByTestId('warranty-approval')).toBeNull();
  });

  it('names who answered the quote by their name, not their account', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation((input) =>
      String(input).endsWith('/warranty')
        ? json({
            ...charged,
            waitingFor: null,
            quote: { answer: 'APPROVED', reason: null, by: 'cust-li', byName: '李主任', at: '2026-03-10T03:00:00Z' },
          })
        : json([]),
    );
    show(true);
    const answer = await screen.findByTestId('warranty-quote-answer');
    expect(answer.textContent).toContain('李主任');
    expect(answer.textContent).not.toContain('cust-li');
  });

  it('shows staff the signed hand-over and the batches the case took from stock', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const url = String(input);
      if (url.endsWith('/warranty'))
        return json({
          ...charged,
          waitingFor: null,
          handovers: [
            {
              id: 3,
              part: '旧电源板',
              handedTo: '王工（业主代表）',
              handedAt: '2026-03-10T02:00:00Z',
              recordedBy: 't-eng',
              recordedAt: '2026-03-10T02:05:00Z',
              signatureAttachmentId: 77,
            },
          ],
        });
      if (url.endsWith('/stock-parts'))
        return json({
          ticketId: 12,
          ownerApproved: true,
          requisitions: [
            {
              id: 5,
              partId: 1,
              partNumber: 'PN-PSU',
              partName: '电源板',
              unit: '块',
              warehouseId: 1,
              warehouseCode: 'W-1',
              quantity: 2,
              ticketId: 12,
              status: 'ISSUED',
              issuedAt: '2026-03-10T01:00:00Z',
              issuedFrom: [
                { batchId: 8, receivedOn: '2026-01-05', quantity: 1 },
                { batchId: 9, receivedOn: '2026-03-01', quantity: 1 },
              ],
            },
          ],
        });
      if (url.endsWith('/attachments/77')) return Promise.resolve(new Response(new Blob(['png']), { status: 200 }));
      return json({}, 404);
    });
    show(true);
    const line = await screen.findByTestId('handover-line');
    expect(line.textContent).toContain('旧电源板 → 王工（业主代表）');
    expect(line.textContent).toContain('t-eng 于');
    expect(line.textContent).toContain('王工（业主代表） 签收');
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('api/tickets/12/attachments/77'))).toBe(true),
    );
    const part = await screen.findByTestId('case-stock-part');
    expect(part.textContent).toContain('电源板（PN-PSU） × 2 块');
    expect(part.textContent).toContain('已发料');
    expect(screen.getByTestId('case-stock-part-batches').textContent).toContain(
      '批次 #8（2026-01-05 入库）× 1；批次 #9（2026-03-01 入库）× 1',
    );
    expect(screen.queryByTestId('case-stock-parts-waiting')).toBeNull();
  });

  it("does not record a hand-over before the owner's representative signed", async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const url = String(input);
      if (url.endsWith('/warranty')) return json({ ...charged, waitingFor: null });
      if (url.endsWith('/stock-parts')) return json({ ticketId: 12, ownerApproved: false, requisitions: [] });
      return json({}, 404);
    });
    show(true);
    fireEvent.change(await screen.findByTestId('handover-part'), { target: { value: '旧电源板' } });
    fireEvent.change(screen.getByTestId('handover-to'), { target: { value: '王工' } });
    fireEvent.click(screen.getByTestId('handover-add'));
    expect(await screen.findByText('请业主代表签字并点“确认签名”', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('/part-handovers'))).toBe(false);
    expect(screen.queryByTestId('case-stock-parts')).toBeNull();
  });
});

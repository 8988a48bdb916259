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

describe('WarrantyPanel', () => {
  beforeEach(async () => {
    authStore.set('Basic x');
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
});

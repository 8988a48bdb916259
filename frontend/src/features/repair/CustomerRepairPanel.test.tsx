import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { render, screen, within } from '../../test/render';
import type { Repair, RepairSlip } from './api';
import { CustomerRepairPanel } from './CustomerRepairPanel';

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const DAY = 86_400_000;

/** A slip as the server answers it to a customer: no fault text, no notes, no staff names. */
function slip(over: Partial<RepairSlip>): RepairSlip {
  return {
    id: 1,
    deviceName: '大门摄像机',
    deviceModel: 'DS-2CD3T46',
    vendorName: '大华',
    slipNumber: 'RS-7',
    sentAt: new Date(Date.now() - 3 * DAY).toISOString(),
    expectedReturnAt: new Date(Date.now() + 2 * DAY + 3_600_000).toISOString(),
    returnRule: 'FIVE_WORKING_DAYS',
    outcome: 'AWAY',
    overdue: false,
    progressReports: [],
    ...over,
  };
}

const free = {
  ticketId: 12,
  assessed: true,
  inWarranty: false,
  freeReason: 'REPEAT_REPAIR',
  repeatOfNumber: 'INC-2026-000003',
  cost: { freeOfCharge: true, freeReason: 'REPEAT_REPAIR', parts: 0, labour: 0, total: 0 },
  lines: [],
  handovers: [],
};

const charged = {
  ...free,
  freeReason: null,
  repeatOfNumber: null,
  cost: { freeOfCharge: false, freeReason: null, parts: 320.5, labour: 100, total: 420.5 },
};

function mock(repair: Repair, warranty: unknown) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'api/tickets/12/repair') return json(repair);
    if (url === 'api/tickets/12/warranty') return json(warranty);
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('CustomerRepairPanel', () => {
  beforeEach(async () => {
    authStore.set('Basic x');
    await i18n.changeLanguage('zh');
  });
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('tells the customer the device is at the vendor, due in 3 days, with the loaner in use, the reports newest first and a free repeat repair', async () => {
    mock(
      {
        ticketId: 12,
        ticketNumber: 'INC-2026-000012',
        slips: [
          slip({
            loaner: { id: 4, model: 'DS-2CD3T46', serial: 'LN-9' },
            loanerInstalledAt: new Date(Date.now() - 2 * DAY).toISOString(),
            progressReports: [
              { body: '厂家已收到设备', writtenAt: '2026-11-02T02:00:00Z' },
              { body: '传感器板已更换，测试中', writtenAt: '2026-11-05T02:00:00Z' },
            ],
          }),
        ],
      },
      free,
    );
    render(<CustomerRepairPanel ticketId={12} />);

    const status = await screen.findByTestId('portal-repair-status');
    expect(status.getAttribute('data-state')).toBe('AWAY');
    expect(status.textContent).toContain('设备已送大华维修，预计 3 天内返回。');
    expect(screen.getByTestId('portal-repair-vendor').textContent).toBe('大华');
    expect(screen.getByTestId('portal-repair-slip-number').textContent).toBe('RS-7');
    expect(screen.getByTestId('portal-repair-sent-at').textContent).not.toBe('—');
    expect(screen.queryByTestId('portal-repair-overdue')).toBeNull();
    expect(screen.getByText('未超期')).toBeTruthy();
    const loaner = screen.getByTestId('portal-repair-loaner').textContent ?? '';
    expect(loaner).toContain('备机在用');
    expect(loaner).toContain('DS-2CD3T46 · LN-9');
    expect(loaner).toContain('服务已恢复');
    const reports = within(screen.getByTestId('portal-repair-reports')).getAllByRole('listitem');
    expect(reports.map((r) => r.textContent)).toEqual([
      expect.stringContaining('传感器板已更换，测试中'),
      expect.stringContaining('厂家已收到设备'),
    ]);
    const charge = await screen.findByTestId('portal-repair-charge');
    expect(charge.textContent).toBe('免费（返修）');
    expect(charge.getAttribute('data-free')).toBe('true');
    expect(screen.getByTestId('portal-repair-repeat').textContent).toContain('INC-2026-000003');
  });

  it('says the device is late by whole days, with no loaner and no report yet, and shows the charged total', async () => {
    mock(
      {
        ticketId: 12,
        ticketNumber: 'INC-2026-000012',
        slips: [slip({ overdue: true, expectedReturnAt: new Date(Date.now() - 2 * DAY + 3_600_000).toISOString() })],
      },
      charged,
    );
    render(<CustomerRepairPanel ticketId={12} />);

    const status = await screen.findByTestId('portal-repair-status');
    expect(status.getAttribute('data-state')).toBe('OVERDUE');
    expect(status.textContent).toContain('已超过应返回日期 2 天');
    expect(screen.getByTestId('portal-repair-overdue').textContent).toBe('已超期');
    expect(screen.getByTestId('portal-repair-loaner').textContent).toBe('未安装备机');
    expect(screen.getByText(/尚无进度报告/)).toBeTruthy();
    const charge = await screen.findByTestId('portal-repair-charge');
    expect(charge.textContent).toBe('收费：合计 ¥420.50');
    expect(charge.getAttribute('data-free')).toBe('false');
  });

  it('shows the return and the collected loaner once the device is back', async () => {
    mock(
      {
        ticketId: 12,
        ticketNumber: 'INC-2026-000012',
        slips: [
          slip({
            returnedAt: '2026-11-09T02:00:00Z',
            outcome: 'REPAIRED',
            loaner: { id: 4, model: 'DS-2CD3T46', serial: 'LN-9' },
            loanerInstalledAt: '2026-11-03T02:00:00Z',
            loanerCollectedAt: '2026-11-10T02:00:00Z',
          }),
        ],
      },
      charged,
    );
    render(<CustomerRepairPanel ticketId={12} />);

    const status = await screen.findByTestId('portal-repair-status');
    expect(status.getAttribute('data-state')).toBe('RETURNED');
    expect(status.textContent).toContain('已修复');
    expect(screen.getByTestId('portal-repair-loaner').textContent).toBe('备机 DS-2CD3T46 · LN-9 已在设备返回后回收');
  });

  it('shows nothing for a case that never went to a vendor', async () => {
    const fetchMock = mock({ ticketId: 12, ticketNumber: 'INC-2026-000012', slips: [] }, charged);
    const { container } = render(<CustomerRepairPanel ticketId={12} />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith('api/tickets/12/repair', expect.anything()));
    expect(container.querySelector('[data-testid="portal-repair-panel"]')).toBeNull();
  });
});

import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { Repair } from './api';
import { RepairSlipPage } from './RepairSlipPage';

const repair: Repair = {
  ticketId: 12,
  ticketNumber: 'INC-2026-000012',
  customerName: '市公安局交警支队',
  siteName: '北门卡口',
  siteAddress: '人民路 100 号',
  slips: [
    {
      id: 3,
      deviceName: '卡口摄像机 C-01',
      deviceModel: 'DS-2CD7A',
      deviceSerial: 'SN-88231',
      fault: '传感器板损坏',
      vendorName: '海康威视',
      slipNumber: 'RS-2026-001',
      sentAt: '2026-11-02T02:00:00Z',
      expectedReturnAt: '2026-11-09T02:00:00Z',
      returnRule: 'FIVE_WORKING_DAYS',
      outcome: 'AWAY',
      overdue: false,
      progressReports: [],
    },
  ],
};

function renderPage() {
  const fetchMock = vi.fn((input: RequestInfo | URL) =>
    String(input).includes('.pdf')
      ? Promise.resolve(
          new Response(new Blob(['%PDF-1.7']), {
            headers: {
              'Content-Type': 'application/pdf',
              'Content-Disposition':
                'attachment; filename="repair-slip-INC-2026-000012.pdf"; filename*=UTF-8\'\'%E9%80%81%E4%BF%AE%E5%8D%95-INC-2026-000012.pdf',
            },
          }),
        )
      : Promise.resolve(new Response(JSON.stringify(repair), { headers: { 'Content-Type': 'application/json' } })),
  );
  vi.stubGlobal('fetch', fetchMock);
  render(
    <App>
      <MemoryRouter initialEntries={['/tickets/12/repair-slip']}>
        <Routes>
          <Route path="/tickets/:id/repair-slip" element={<RepairSlipPage />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
  return fetchMock;
}

describe('the repair slip page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('prints the slip in Chinese with the device, fault, vendor and deadline rule', async () => {
    await i18n.changeLanguage('zh');
    renderPage();
    const sheet = await screen.findByTestId('repair-slip-sheet');
    expect(sheet.textContent).toContain('送修单');
    expect(screen.getByTestId('rs-ticket').textContent).toBe('INC-2026-000012');
    expect(screen.getByTestId('rs-deviceSerial').textContent).toBe('SN-88231');
    expect(screen.getByTestId('rs-fault').textContent).toBe('传感器板损坏');
    expect(screen.getByTestId('rs-returnRule').textContent).toBe('送出后 5 个工作日');
    expect(screen.getByTestId('rs-returnedAt').textContent).toBe('');
    expect(screen.getByTestId('repair-slip-print')).toBeTruthy();
  });

  it('follows the UI language', async () => {
    await i18n.changeLanguage('en');
    renderPage();
    const sheet = await screen.findByTestId('repair-slip-sheet');
    expect(sheet.textContent).toContain('Repair slip');
    expect(screen.getByTestId('rs-returnRule').textContent).toBe('5 working days after sending');
  });

  it("downloads the server's PDF in the page's language under the server's file name", async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = renderPage();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pdf'), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await screen.findByTestId('repair-slip-sheet');
    expect(screen.getByTestId('repair-slip-pdf').textContent).toContain('下载 PDF');
    fireEvent.click(screen.getByTestId('repair-slip-pdf'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/tickets/12/repair-slip.pdf?lang=zh-CN');
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('送修单-INC-2026-000012.pdf');
  });
});

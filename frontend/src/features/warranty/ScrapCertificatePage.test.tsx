import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { ScrapCertificate } from './api';
import { ScrapCertificatePage } from './ScrapCertificatePage';

const certificate: ScrapCertificate = {
  certificateNo: 'BF-INC-2026-000012',
  ticketNumber: 'INC-2026-000012',
  customerName: '市公安局交警支队',
  siteName: '北门卡口',
  siteAddress: '人民路 100 号',
  scrapped: { name: '卡口摄像机 C-01', type: 'CAMERA', model: 'DS-2CD7A', serialNumber: 'SN-OLD' },
  replacement: { name: '卡口摄像机 C-01（新）', type: 'CAMERA', model: 'DS-2CD7B', serialNumber: 'SN-NEW' },
  cause: 'UNREPAIRABLE',
  scrappedAt: '2026-11-20T02:00:00Z',
};

function renderPage(status = 200) {
  const fetchMock = vi.fn((input: RequestInfo | URL) =>
    String(input).includes('.pdf')
      ? Promise.resolve(new Response(new Blob(['%PDF-1.7']), { headers: { 'Content-Type': 'application/pdf' } }))
      : Promise.resolve(
          new Response(JSON.stringify(status === 200 ? certificate : { status, title: 'Not Found' }), {
            status,
            headers: { 'Content-Type': status === 200 ? 'application/json' : 'application/problem+json' },
          }),
        ),
  );
  vi.stubGlobal('fetch', fetchMock);
  render(
    <App>
      <MemoryRouter initialEntries={['/tickets/12/scrap-certificate']}>
        <Routes>
          <Route path="/tickets/:id/scrap-certificate" element={<ScrapCertificatePage />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
  return fetchMock;
}

describe('the scrap certificate page', () => {
  beforeEach(async () => {
    authStore.set('Basic x');
    await i18n.changeLanguage('zh');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('prints the certificate in Chinese and downloads the PDF in the language chosen on the sheet', async () => {
    const fetchMock = renderPage();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pdf'), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const sheet = await screen.findByTestId('scrap-certificate-sheet');
    expect(sheet.textContent).toContain('报废证明');
    expect(sheet.textContent).toContain('BF-INC-2026-000012');
    expect(sheet.textContent).toContain('厂家无法修复');

    fireEvent.click(screen.getByTestId('scrap-certificate-page-pdf'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/tickets/12/scrap-certificate.pdf?lang=zh-CN');

    fireEvent.click(screen.getByText('English'));
    await waitFor(() =>
      expect(screen.getByTestId('scrap-certificate-sheet').textContent).toContain('Scrap certificate'),
    );
    fireEvent.click(screen.getByTestId('scrap-certificate-page-pdf'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/tickets/12/scrap-certificate.pdf?lang=en');
  });

  it('says the case has no scrapped device on 404', async () => {
    renderPage(404);
    expect((await screen.findByTestId('scrap-certificate-error')).textContent).toContain('本工单没有报废的设备。');
    expect(screen.queryByTestId('scrap-certificate-sheet')).toBeNull();
  });
});

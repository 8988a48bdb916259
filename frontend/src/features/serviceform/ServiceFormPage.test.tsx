import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import type { ServiceForm } from './api';
import { ServiceFormPage } from './ServiceFormPage';

/** A 1x1 PNG, as the server sends the customer's signature: a data: URL. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const form = (language: 'zh-CN' | 'en'): ServiceForm => ({
  ticketId: 12,
  language,
  title: language === 'en' ? 'Service form' : '维修服务单',
  zone: language === 'en' ? 'Times in China Standard Time' : '时间按 北京时间 显示',
  printedAt: '2026-03-02 16:00',
  caseInfo: {
    number: 'INC-2026-000012',
    title: '北门卡口摄像机黑屏',
    customerUnit: '市公安局交警支队',
    site: '北门卡口',
    address: '人民路 100 号',
    reporter: '李雷',
    reporterPhone: '139 0000 0000',
    reportedAt: '2026-03-01 09:30',
    level: language === 'en' ? 'Level 3' : '3级',
  },
  device: { name: '卡口摄像机 C-01', model: 'DS-2CD7A', serial: 'SN-88231', location: '北门卡口' },
  visits: [
    {
      visitNo: 1,
      engineer: '张工',
      checkedInAt: '2026-03-01 11:05',
      emergency: false,
      symptom: '摄像机画面全黑，指示灯不亮',
      cause: '电源适配器被雷击烧毁',
      workDone: '更换电源适配器并重新接线',
      planReview: language === 'en' ? 'Approved by the customer' : '客户已同意',
      testerName: '赵测试',
      confirmedAt: '2026-03-01 13:10',
      confirmation: language === 'en' ? 'Confirmed on site' : '现场确认',
      signature: { attachmentId: 501, fileName: 'signature.png', contentType: 'image/png', dataUrl: PNG },
      audit: language === 'en' ? 'Awaiting audit' : '待审核',
    },
    { visitNo: 2, emergency: false, audit: language === 'en' ? 'Awaiting audit' : '待审核' },
  ],
  photos: [{ attachmentId: 601, fileName: 'c01.jpg', contentType: 'image/jpeg', dataUrl: PNG }],
});

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

function mockApi(status = 200) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    const lang = url.endsWith('lang=en') ? 'en' : 'zh-CN';
    if (url.startsWith('api/tickets/12/service-form.pdf'))
      return Promise.resolve(
        new Response(new Blob(['%PDF-1.7']), {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition':
              'attachment; filename="service-form-INC-2026-000012.pdf"; filename*=UTF-8\'\'%E7%BB%B4%E4%BF%AE%E6%9C%8D%E5%8A%A1%E5%8D%95-INC-2026-000012.pdf',
          },
        }),
      );
    if (url.startsWith('api/tickets/12/service-form'))
      return status === 200 ? json(form(lang)) : json({ status, title: 'Not Found' }, status);
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage() {
  render(
    <App>
      <MemoryRouter initialEntries={['/tickets/12/service-form']}>
        <Routes>
          <Route path="/tickets/:id/service-form" element={<ServiceFormPage />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
}

describe('the service form page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await i18n.changeLanguage('en');
  });

  it('shows one sheet per visit in Chinese, with findings, blank lines, the signature and page numbers', async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = mockApi();
    renderPage();

    const sheets = await screen.findAllByTestId('service-form-sheet');
    expect(sheets).toHaveLength(2);
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/tickets/12/service-form?lang=zh-CN');
    const first = within(sheets[0]);
    expect(first.getByRole('heading', { level: 1 }).textContent).toContain('维修服务单');
    expect(first.getByText('故障现象')).toBeTruthy();
    expect(first.getByText('客户签字')).toBeTruthy();
    expect(first.getByTestId('sf-symptom').textContent).toContain('摄像机画面全黑，指示灯不亮');
    expect(first.getByTestId('sf-cause').textContent).toContain('电源适配器被雷击烧毁');
    expect(first.getByTestId('sf-confirmedAt').textContent).toContain('2026-03-01 13:10 现场确认');
    expect(first.getByTestId('sf-planReview').textContent).toContain('客户已同意');
    expect(first.getByAltText('客户签字').getAttribute('src')).toBe(PNG);
    expect(first.getByText('第 1 / 2 页')).toBeTruthy();
    // nothing recorded on the second visit yet: blank lines to fill by hand, no signature; photos on the last sheet
    const second = within(sheets[1]);
    expect(second.getByTestId('sf-symptom').classList.contains('sf-blank')).toBe(true);
    expect(second.getByTestId('sf-symptom').textContent).toBe('');
    expect(second.queryByAltText('客户签字')).toBeNull();
    expect(second.getByTestId('sf-photos').querySelectorAll('img')).toHaveLength(1);
    expect(first.queryByTestId('sf-photos')).toBeNull();
    expect(second.getByText('第 2 / 2 页')).toBeTruthy();
    // no English word and no code on a Chinese form
    expect(sheets[0].textContent).not.toMatch(/APPROVED|ON_SITE|symptom|Service form/);
  });

  it('prints with the browser and downloads the PDF under the server file name', async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = mockApi();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const createObjectURL = vi.fn(() => 'blob:pdf');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage();
    await screen.findAllByTestId('service-form-sheet');

    fireEvent.click(screen.getByTestId('service-form-print'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('service-form-print').textContent).toContain('打印');

    fireEvent.click(screen.getByTestId('service-form-pdf'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/tickets/12/service-form.pdf?lang=zh-CN');
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('维修服务单-INC-2026-000012.pdf');
  });

  it('asks for the English form when the page is in English', async () => {
    const fetchMock = mockApi();
    renderPage();
    const sheets = await screen.findAllByTestId('service-form-sheet');
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/tickets/12/service-form?lang=en');
    expect(within(sheets[0]).getByRole('heading', { level: 1 }).textContent).toContain('Service form');
    expect(within(sheets[0]).getByText('Symptom')).toBeTruthy();
    expect(within(sheets[0]).getByText('Page 1 of 2')).toBeTruthy();
    expect(screen.getByTestId('service-form-pdf').textContent).toContain('Download PDF');
  });

  it('says "not found" for a ticket the user may not see', async () => {
    mockApi(404);
    renderPage();
    expect((await screen.findByTestId('service-form-error')).textContent).toContain('Not found.');
    expect(screen.queryByTestId('service-form-sheet')).toBeNull();
  });
});

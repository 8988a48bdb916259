import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { HolidayBanner } from './HolidayBanner';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function mockApi(roles: Role[], missingYears: number[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'u', displayName: 'U', roles });
    if (url === 'api/calendar/holidays') return json({ yearsCovered: [2024, 2025, 2026], missingYears });
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? <div data-testid="signed-in">{children}</div> : null;
}

function renderBanner(path = '/tasks') {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <SignedIn>
            <HolidayBanner />
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

const askedCoverage = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.some(([u]) => String(u) === 'api/calendar/holidays');

describe('missing-holidays reminder', () => {
  beforeEach(async () => {
    authStore.set('Basic x');
    sessionStorage.removeItem('aftercare.holidayReminder.u');
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    sessionStorage.removeItem('aftercare.holidayReminder.u');
    await i18n.changeLanguage('en');
  });

  it('tells an admin that 2027 is missing with a link to the import; closed, it stays away this session', async () => {
    mockApi(['ADMIN'], [2027]);
    renderBanner();
    const banner = await screen.findByTestId('holiday-banner', {}, SLOW);
    expect(banner.textContent).toContain('2027 年的法定节假日尚未导入：按工作时间计算的时限会把这些节假日当作工作日。');
    expect(screen.getByTestId('holiday-banner-link').textContent).toBe('去导入');
    expect(screen.getByTestId('holiday-banner-link').getAttribute('href')).toBe('/admin?tab=calendar');

    fireEvent.click(banner.querySelector('.ant-alert-close-icon')!);
    await waitFor(() => expect(screen.queryByTestId('holiday-banner')).toBeNull());
    expect(sessionStorage.getItem('aftercare.holidayReminder.u')).toBe('2027');
  }, 60_000);

  it('tells the desk whom to ask, without a link', async () => {
    mockApi(['SERVICE_DESK'], [2027]);
    renderBanner();
    const banner = await screen.findByTestId('holiday-banner', {}, SLOW);
    expect(banner.textContent).toContain('请联系系统管理员导入');
    expect(screen.queryByTestId('holiday-banner-link')).toBeNull();
  }, 60_000);

  it('is not shown when every year is there', async () => {
    const fetchMock = mockApi(['SUPERVISOR'], []);
    renderBanner();
    await screen.findByTestId('signed-in', {}, SLOW);
    await waitFor(() => expect(askedCoverage(fetchMock)).toBe(true));
    expect(screen.queryByTestId('holiday-banner')).toBeNull();
  }, 60_000);

  it('is not shown on the calendar tab, which says it next to the import', async () => {
    const fetchMock = mockApi(['ADMIN'], [2027]);
    renderBanner('/admin?tab=calendar');
    await screen.findByTestId('signed-in', {}, SLOW);
    await waitFor(() => expect(askedCoverage(fetchMock)).toBe(true));
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByTestId('holiday-banner')).toBeNull();
  }, 60_000);

  it('is not shown to an engineer, who is not even asked about it', async () => {
    const fetchMock = mockApi(['ENGINEER'], [2027]);
    renderBanner();
    await screen.findByTestId('signed-in', {}, SLOW);
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByTestId('holiday-banner')).toBeNull();
    expect(askedCoverage(fetchMock)).toBe(false);
  }, 60_000);
});

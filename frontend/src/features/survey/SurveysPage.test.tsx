import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { lastQuarter, type Survey } from './api';
import { SurveysPage } from './SurveysPage';

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const SAMPLE: Survey = {
  id: 7,
  kind: 'SAMPLE',
  customerId: 3,
  customerName: '交警支队',
  ticketId: 12,
  ticketNumber: 'INC-2026-000012',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  dueAt: '2026-11-30T16:00:00Z',
  status: 'OPEN',
  overdue: false,
  createdAt: '2026-11-01T00:00:00Z',
};

function mockApi(roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'u', displayName: 'U', roles });
    if (url === 'api/surveys/7/answer' && init?.method === 'POST')
      return json({ ...SAMPLE, status: 'ANSWERED', ...JSON.parse(String(init.body)) });
    if (url === 'api/surveys') return json([SAMPLE]);
    if (url === 'api/customers') return json([{ id: 3, name: '交警支队' }]);
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderPage() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter>
          <SignedIn>
            <SurveysPage />
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

describe('SurveysPage (CB-1..CB-3)', () => {
  beforeEach(async () => {
    authStore.set('Basic x');
    await i18n.changeLanguage('zh');
  });
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('knows the quarter before today', () => {
    expect(lastQuarter(new Date(2026, 9, 1))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastQuarter(new Date(2027, 0, 15))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('the desk scores intake, handling and support on the phone and sends them once with an idempotency key', async () => {
    const fetchMock = mockApi(['SERVICE_DESK']);
    renderPage();
    expect(await screen.findByText('回访与满意度调查')).toBeTruthy();
    fireEvent.click(await screen.findByTestId('survey-answer-7'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('受理')).toBeTruthy();
    expect(within(drawer).getByText('处理')).toBeTruthy();
    expect(within(drawer).getByText('服务支持')).toBeTruthy();

    // nothing scored: the form names what is missing and sends nothing
    fireEvent.click(within(drawer).getByTestId('survey-submit'));
    await waitFor(() => expect(within(drawer).getAllByText('请填写此项').length).toBe(3), { timeout: 30_000 });
    expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/surveys/7/answer')).toBe(false);

    for (const [id, stars] of [
      ['survey-intakeScore', 5],
      ['survey-handlingScore', 4],
      ['survey-supportScore', 3],
    ] as const) {
      const rate = within(drawer).getByTestId(id);
      fireEvent.click(rate.querySelectorAll('li > div')[stars - 1]);
    }
    fireEvent.change(within(drawer).getByTestId('survey-comment'), { target: { value: '工程师很及时' } });
    fireEvent.click(within(drawer).getByTestId('survey-submit'));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([u, init]) => String(u) === 'api/surveys/7/answer' && init?.method === 'POST'),
      ).toBe(true),
    );
    const [, init] = fetchMock.mock.calls.find(([u]) => String(u) === 'api/surveys/7/answer')!;
    expect(JSON.parse(String(init!.body))).toEqual({
      intakeScore: 5,
      handlingScore: 4,
      supportScore: 3,
      comment: '工程师很及时',
    });
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toBeTruthy();
  }, 150_000);

  it("a customer's user sees their unit's surveys to answer, without the desk's results tab", async () => {
    mockApi(['CUSTOMER']);
    renderPage();
    expect(await screen.findByText('满意度调查')).toBeTruthy();
    expect(await screen.findByTestId('survey-answer-7')).toBeTruthy();
    expect(screen.queryByText('调查结果')).toBeNull();
  }, 60_000);
});

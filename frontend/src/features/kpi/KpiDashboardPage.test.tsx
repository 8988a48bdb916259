import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import type { Dashboard } from './api';
import KpiDashboardPage from './KpiDashboardPage';

// jsdom has no layout for ECharts to measure: the chart library itself is replaced, the page is not
const setOption = vi.fn();
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ on: vi.fn(), setOption, resize: vi.fn(), dispose: vi.fn() })),
}));

const SLOW = { timeout: 120_000 };

const figure = (kpi: string, unit: string, numerator: number, denominator: number) => ({
  kpi,
  unit,
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

const dashboard: Dashboard = {
  customerId: 7,
  customerName: '示范市公安局',
  month: {
    month: '2026-09',
    from: '2026-08-31T16:00:00Z',
    to: '2026-09-30T16:00:00Z',
    figures: [
      figure('SATISFACTION', 'CASES', 3, 4),
      figure('CYCLE_COMPLIANCE', 'CASES', 3, 5),
      figure('REPEAT_SERVICE', 'CASES', 1, 5),
      figure('REPAIR_TIMELINESS', 'CASES', 4, 5),
      figure('FIRST_LINE', 'CASES', 0, 0),
      figure('AVAILABILITY', 'DEVICE_MINUTES', 121_195, 129_600),
      figure('GOOD_ORDER', 'DEVICES', 2, 3),
    ] as Dashboard['month']['figures'],
    incidents: {
      total: 5,
      byCategory: [
        { code: 'CONSULTATION', count: 1 },
        { code: 'DEFECT', count: 4 },
      ],
      byLevel: [{ code: '3', count: 5 }],
    },
  },
  trend: [{ month: '2026-09', figures: [], incidents: 5 }],
};

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function mockApi(roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'api/me')
      return json({ username: 'u', displayName: '陈静', roles, customerId: roles.includes('CUSTOMER') ? 7 : null });
    if (url.startsWith('api/customers')) return json([{ id: 7, name: '示范市公安局' }]);
    if (url.startsWith('api/kpi/cases'))
      return json([
        {
          id: 41,
          number: 'INC-2026-000041',
          title: '路口1摄像机黑屏',
          status: 'CLOSED',
          level: '3',
          siteName: '指挥中心',
        },
      ]);
    if (url.startsWith('api/kpi')) return json(dashboard);
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
        <MemoryRouter initialEntries={['/kpi']}>
          <Routes>
            <Route
              path="/kpi"
              element={
                <SignedIn>
                  <KpiDashboardPage />
                </SignedIn>
              }
            />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

beforeEach(async () => {
  authStore.set('Basic ZGVzazpkZW1v');
  await i18n.changeLanguage('zh');
});
afterEach(async () => {
  await i18n.changeLanguage('en');
  authStore.clear();
  vi.unstubAllGlobals();
});

describe('KpiDashboardPage', () => {
  it('shows every figure in Chinese with its fraction and drills down into the cases behind one', SLOW, async () => {
    const fetchMock = mockApi(['SUPERVISOR']);
    renderPage();
    const satisfaction = await screen.findByTestId('kpi-SATISFACTION', {}, { timeout: 30_000 });
    expect(within(satisfaction).getByText('用户满意率')).toBeTruthy();
    expect(screen.getByTestId('kpi-rate-SATISFACTION').textContent).toBe('75.0%');
    expect(within(satisfaction).getByText('3 单 / 4 单')).toBeTruthy();
    expect(screen.getByTestId('kpi-rate-AVAILABILITY').textContent).toBe('93.5%');
    expect(
      within(screen.getByTestId('kpi-AVAILABILITY')).getByText('2,019.9 设备·小时 / 2,160 设备·小时'),
    ).toBeTruthy();
    expect(screen.getByTestId('kpi-rate-GOOD_ORDER').textContent).toBe('66.7%');
    expect(screen.getByTestId('kpi-rate-FIRST_LINE').textContent).toBe('无数据');
    expect(screen.getByText('故障修复及时率')).toBeTruthy();
    expect(screen.getByText('近12个月趋势')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/SATISFACTION|DEVICE_MINUTES|CONSULTATION|kpiPage\./);

    fireEvent.click(screen.getByTestId('kpi-drill-SATISFACTION-NUMERATOR'));
    expect(await screen.findByText('INC-2026-000041', {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.getByText('用户满意率 · 计入分子的工单')).toBeTruthy();
    const drillUrl = fetchMock.mock.calls.map(([u]) => String(u)).find((u) => u.startsWith('api/kpi/cases'))!;
    const q = new URL(drillUrl, 'http://x').searchParams;
    expect(q.get('kpi')).toBe('SATISFACTION');
    expect(q.get('part')).toBe('NUMERATOR');
    expect(q.get('month')).toMatch(/^\d{4}-\d{2}$/);
  });

  it("a customer's user has no unit picker and asks for no unit: the server answers with their own", SLOW, async () => {
    const fetchMock = mockApi(['CUSTOMER']);
    renderPage();
    await screen.findByTestId('kpi-SATISFACTION', {}, { timeout: 30_000 });
    expect(screen.queryByTestId('kpi-customer')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('kpi-scope').textContent).toContain('示范市公安局'));
    const asked = fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('api/kpi'));
    expect(asked.every((u) => !u.includes('customerId'))).toBe(true);
    expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('api/customers'))).toBe(false);
  });
});

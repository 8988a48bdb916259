import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { render, screen } from '../../test/render';
import { SupervisorBoardPage } from './SupervisorBoardPage';

const SLOW = { timeout: 10_000 };
const emptyBoard = {
  generatedAt: '2026-11-10T02:00:00Z',
  counts: { total: 0, byLevel: [], byClock: [] },
  rows: [],
};

const json = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

/** The board's server, with the given counts of late reports and late surveys (ADR 0050). */
function mockApi(
  reports: number,
  surveys: number,
  changes = { awaitingApproval: 0, awaitingTest: 0, overrun: 0, awaitingSignOff: 0 },
) {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = String(input);
      if (url.startsWith('api/sla/board')) return json(emptyBoard);
      if (url.startsWith('api/service-reports/overdue-count')) return json({ overdue: reports });
      if (url.startsWith('api/surveys/overdue-count')) return json({ overdue: surveys });
      if (url.startsWith('api/inspections/overdue-count')) return json({ overdue: 0 });
      if (url.startsWith('api/changes/counts')) return json(changes);
      if (url.startsWith('api/engineers') || url.startsWith('api/notifications')) return json([]);
      return Promise.resolve(new Response(null, { status: 404 }));
    }),
  );
}

function renderBoard() {
  render(
    <App>
      <MemoryRouter initialEntries={['/supervisor']}>
        <Routes>
          <Route path="/supervisor" element={<SupervisorBoardPage />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
}

describe('the board lines about late reports and late surveys', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('count each and link to the list filtered to overdue', async () => {
    mockApi(2, 5);
    await i18n.changeLanguage('zh');
    renderBoard();
    const reports = await screen.findByTestId('board-reports-overdue', undefined, SLOW);
    expect(reports.textContent).toContain('2 份定期报告已逾期未生成');
    expect(reports.querySelector('a')?.getAttribute('href')).toBe('/reports?overdue=true');
    const surveys = await screen.findByTestId('board-surveys-overdue', undefined, SLOW);
    expect(surveys.textContent).toContain('5 项回访或调查已逾期');
    expect(surveys.querySelector('a')?.getAttribute('href')).toBe('/surveys?overdue=true');
    expect(screen.queryByTestId('board-reports-none')).toBeNull();
  }, 90_000);

  it('say quietly that nothing is late when none is', async () => {
    mockApi(0, 0);
    renderBoard();
    expect((await screen.findByTestId('board-reports-none', undefined, SLOW)).textContent).toBe(
      'Scheduled reports: none overdue',
    );
    expect((await screen.findByTestId('board-surveys-none', undefined, SLOW)).textContent).toBe(
      'Callbacks and surveys: none overdue',
    );
    expect(screen.queryByTestId('board-reports-overdue')).toBeNull();
    expect(screen.queryByTestId('board-surveys-overdue')).toBeNull();
    expect(screen.queryByTestId('board-changes-pending')).toBeNull();
  }, 90_000);

  it('count the changes waiting for approval, a test or an outcome, each linking to its filter', async () => {
    mockApi(0, 0, { awaitingApproval: 2, awaitingTest: 0, overrun: 1, awaitingSignOff: 0 });
    await i18n.changeLanguage('zh');
    renderBoard();
    const line = await screen.findByTestId('board-changes-pending', undefined, SLOW);
    const links = Array.from(line.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['2 个变更待审批', '/changes?status=SUBMITTED'],
      ['1 个变更窗口已结束，未登记结果', '/changes?status=IN_PROGRESS'],
    ]);
  }, 90_000);

  it('count the changes waiting more than 3 days for the sign-off, linking to that list', async () => {
    mockApi(0, 0, { awaitingApproval: 0, awaitingTest: 0, overrun: 0, awaitingSignOff: 3 });
    await i18n.changeLanguage('zh');
    renderBoard();
    const line = await screen.findByTestId('board-changes-pending', undefined, SLOW);
    const links = Array.from(line.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([['3 个变更待用户确认超过 3 天', '/changes?awaiting=signOff']]);
  }, 90_000);
});

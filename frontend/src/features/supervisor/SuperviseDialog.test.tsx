import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { SuperviseDialog } from './SuperviseDialog';

const SLOW = { timeout: 15_000 };

const json = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

describe('SuperviseDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reassigns several cases in one request, shows region and open jobs, and each row’s outcome in words', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL, _init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith('api/supervision/engineers'))
        return json([{ username: 'engineer2', displayName: 'Li Na', region: 'COUNTY', openJobs: 3 }]);
      if (url.startsWith('api/supervision/bulk'))
        return json({
          action: 'REASSIGN',
          done: 1,
          failed: 1,
          replayed: false,
          rows: [
            { ticketId: 1, number: 'INC-1', ok: true },
            { ticketId: 2, number: 'INC-2', ok: false, code: 'CLOSED' },
          ],
        });
      return Promise.resolve(new Response(null, { status: 404 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    render(
      <App>
        <SuperviseDialog
          action="REASSIGN"
          targets={[
            { ticketId: 1, number: 'INC-1' },
            { ticketId: 2, number: 'INC-2' },
          ]}
          levels={['1', '2']}
          onClose={() => {}}
          onDone={onDone}
        />
      </App>,
    );

    const select = await screen.findByTestId('supervise-engineer', undefined, SLOW);
    fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
    const option = await screen.findByText(
      i18n.t('supervise.engineerOption', { name: 'Li Na', region: i18n.t('region.COUNTY'), jobs: 3 }),
      undefined,
      SLOW,
    );
    fireEvent.click(option);
    const submit = screen.getByTestId('supervise-submit');
    fireEvent.click(submit);
    fireEvent.click(submit);

    const outcome = await screen.findByTestId('supervise-outcome', undefined, SLOW);
    expect(within(outcome).getByText(i18n.t('supervise.refusal.CLOSED'))).toBeTruthy();
    expect(within(outcome).getByTestId('supervise-summary').textContent).toContain(
      i18n.t('supervise.done', { done: 1, failed: 1 }),
    );
    const bulkCalls = fetchMock.mock.calls.filter(([url]) => String(url).startsWith('api/supervision/bulk'));
    expect(bulkCalls).toHaveLength(1);
    const init = bulkCalls[0][1] ?? {};
    expect(JSON.parse(String(init.body))).toMatchObject({
      action: 'REASSIGN',
      ticketIds: [1, 2],
      engineer: 'engineer2',
    });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBeTruthy();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  }, 90_000);
});

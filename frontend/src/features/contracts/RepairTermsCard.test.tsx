import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { RepairTermsCard } from './RepairTermsCard';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

/** The server of contract 3: no repair terms stored yet (5 working days); PUT answers what it stored. */
function mockApi(putAnswer?: () => Promise<Response>) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/contracts/3/repair-terms' && init?.method === 'GET')
      return json({ vendorReturnRule: 'FIVE_WORKING_DAYS' });
    if (url === 'api/contracts/3/repair-terms' && init?.method === 'PUT')
      return putAnswer ? putAnswer() : json(JSON.parse(String(init.body)));
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.filter(([u, i]) => String(u) === 'api/contracts/3/repair-terms' && i?.method === 'PUT');

function renderCard() {
  render(
    <App>
      <RepairTermsCard contractId={3} />
    </App>,
  );
}

/** Opens the select and picks the option with this visible text. */
async function choose(label: string) {
  const select = screen.getByTestId('repair-terms-rule');
  fireEvent.mouseDown(within(select).getByRole('combobox'));
  fireEvent.click(await screen.findByTitle(label, undefined, SLOW));
}

describe('RepairTermsCard', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows the stored rule in Chinese and saves "before the second weekend" for the contract', async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = mockApi();
    renderCard();
    const card = await screen.findByTestId('repair-terms', undefined, SLOW);
    expect(within(card).getByText('返修条款')).toBeTruthy();
    expect(await within(card).findByText('5 个工作日', undefined, SLOW)).toBeTruthy();
    // nothing changed yet: nothing to save
    expect((screen.getByTestId('repair-terms-save') as HTMLButtonElement).disabled).toBe(true);

    await choose('送修后第二个周末前');
    fireEvent.click(screen.getByTestId('repair-terms-save'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1), SLOW);
    expect(JSON.parse(String(puts(fetchMock)[0][1]?.body))).toEqual({ vendorReturnRule: 'BEFORE_SECOND_WEEKEND' });
    expect(await screen.findByText('返修条款已保存，对此后送修的设备生效。', undefined, SLOW)).toBeTruthy();
    // the stored rule is now the shown one, so the button rests again
    await waitFor(() => expect((screen.getByTestId('repair-terms-save') as HTMLButtonElement).disabled).toBe(true));
    // the chosen rule reads as words, not its code
    expect(within(screen.getByTestId('repair-terms-rule')).getByTitle('送修后第二个周末前')).toBeTruthy();
  });

  it('shows what the server refused', async () => {
    mockApi(() =>
      json(
        {
          status: 400,
          title: 'Bad Request',
          detail: 'vendorReturnRule: must be FIVE_WORKING_DAYS or BEFORE_SECOND_WEEKEND',
          errors: [{ field: 'vendorReturnRule', message: 'must be FIVE_WORKING_DAYS or BEFORE_SECOND_WEEKEND' }],
        },
        400,
      ),
    );
    renderCard();
    await screen.findByText('5 working days', undefined, SLOW);
    await choose('Before the second weekend after sending');
    fireEvent.click(screen.getByTestId('repair-terms-save'));
    expect(await screen.findByTestId('repair-terms-error', undefined, SLOW)).toBeTruthy();
  });
});

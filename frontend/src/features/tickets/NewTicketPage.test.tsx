import { App } from 'antd';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewTicketPage } from './NewTicketPage';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function mockApi() {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/sites')
      return json([{ id: 1, customerId: 1, customerName: 'Demo City', name: 'Demo City Command Center', region: 'CITY' }]);
    if (url.startsWith('api/devices')) return json([]);
    if (url === 'api/tickets' && init?.method === 'POST') return json({ id: 99, number: 'INC-2026-000099' }, 201);
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function fillRequiredFields() {
  fireEvent.change(screen.getByTestId('ticket-requesterName'), { target: { value: 'Li Lei' } });
  fireEvent.change(screen.getByTestId('ticket-requesterPhone'), { target: { value: '010-5555-0101' } });
  fireEvent.mouseDown(screen.getByTestId('ticket-site').querySelector('.ant-select-selector')!);
  fireEvent.click(await screen.findByText('Demo City Command Center · Demo City', undefined, SLOW));
  fireEvent.click(screen.getByTestId('ticket-category-DEFECT'));
  fireEvent.click(screen.getByTestId('ticket-impact-MEDIUM'));
  fireEvent.click(screen.getByTestId('ticket-urgency-MEDIUM'));
  fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Camera offline' } });
  fireEvent.change(screen.getByTestId('ticket-description'), { target: { value: 'Taken by phone earlier' } });
}

/** Types a "YYYY-MM-DD HH:mm" time into the received-at picker and confirms it with Enter. */
function typeDateTime(text: string) {
  const picker = screen.getByTestId('ticket-receivedAt') as HTMLInputElement;
  fireEvent.mouseDown(picker);
  fireEvent.focus(picker);
  fireEvent.change(picker, { target: { value: text } });
  fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const postedTicket = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.find(([u, i]) => String(u) === 'api/tickets' && i?.method === 'POST')?.[1];

function renderPage() {
  render(
    <App>
      <MemoryRouter initialEntries={['/tickets/new']}>
        <Routes>
          <Route path="/tickets/new" element={<NewTicketPage />} />
          <Route path="/tickets/:id" element={<div data-testid="ticket-page" />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
}

describe('NewTicketPage — received at', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows now in service time and leaves "now" to the server when untouched', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T02:00:00Z'), toFake: ['Date'] });
    const fetchMock = mockApi();
    renderPage();
    const picker = screen.getByTestId('ticket-receivedAt') as HTMLInputElement;
    expect(picker.value).toBe('2026-03-10 10:00'); // Asia/Shanghai

    await fillRequiredFields();
    fireEvent.click(screen.getByTestId('ticket-submit'));
    await screen.findByTestId('ticket-page', undefined, SLOW);

    const body = JSON.parse(String(postedTicket(fetchMock)?.body));
    expect(body).not.toHaveProperty('receivedAt');
    expect(body).toMatchObject({ siteId: 1, impact: 'MEDIUM', urgency: 'MEDIUM', title: 'Camera offline' });
  });

  it('sends a call taken earlier as an ISO instant', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T02:00:00Z'), toFake: ['Date'] });
    const fetchMock = mockApi();
    renderPage();
    await fillRequiredFields();
    typeDateTime('2026-03-10 09:35'); // service time = 01:35 UTC
    fireEvent.click(screen.getByTestId('ticket-submit'));
    await screen.findByTestId('ticket-page', undefined, SLOW);

    expect(JSON.parse(String(postedTicket(fetchMock)?.body)).receivedAt).toBe('2026-03-10T01:35:00.000Z');
  });

  it('refuses a time in the future', async () => {
    const fetchMock = mockApi();
    renderPage();
    await fillRequiredFields();
    const future = new Date(Date.now() + 3 * 3600_000);
    typeDateTime(
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(future)
        .replace(',', ''),
    );
    fireEvent.click(screen.getByTestId('ticket-submit'));
    expect(await screen.findByText('The time the call was received cannot be in the future.', undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(fetchMock.mock.calls.some(([, i]) => i?.method === 'POST')).toBe(false));
  });
});

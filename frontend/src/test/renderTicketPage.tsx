import { App } from 'antd';
import { render } from './render';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from '../auth/AuthContext';
import { TicketDetailPage } from '../features/tickets/TicketDetailPage';

/** The ticket page for ticket 12, signed in as whoever the test's mocked GET /api/me answers. */
export function renderTicketPage() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={['/tickets/12']}>
          <Routes>
            <Route path="/tickets/:id" element={<TicketDetailPage />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

/** The requests a mocked fetch received for one method and URL. */
export function callsTo<C extends unknown[]>(fetchMock: { mock: { calls: C[] } }, method: string, url: string): C[] {
  return fetchMock.mock.calls.filter(
    ([u, init]) => String(u) === url && ((init as RequestInit | undefined)?.method ?? 'GET') === method,
  );
}

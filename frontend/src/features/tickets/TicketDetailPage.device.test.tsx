import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { TicketDetail } from '../../api/types';
import { screen } from '../../test/render';
import { renderTicketPage } from '../../test/renderTicketPage';

const SLOW = { timeout: 30_000 };

/** A staff case on device 21 (the rest as little as the page needs). */
const ticket = {
  id: 12,
  number: 'INC-2026-000012',
  title: 'Camera offline',
  status: 'DISPATCHED',
  category: 'DEFECT',
  level: 2,
  siteId: 1,
  siteName: 'Demo City Command Center',
  region: 'CITY',
  deviceId: 21,
  deviceName: 'Gate camera 3',
  assignee: 'engineer',
  createdAt: '2026-03-10T01:00:00Z',
  responseDue: '2026-03-10T01:30:00Z',
  resolutionDue: '2026-03-11T13:00:00Z',
  respondedAt: null,
  resolvedAt: null,
  closedAt: null,
  responseOverdue: false,
  resolutionOverdue: false,
  escalated: false,
  channel: 'HOTLINE',
  requesterName: 'Li Lei',
  requesterUnit: null,
  requesterPhone: '010-5555-0101',
  impact: 'MEDIUM',
  urgency: 'MEDIUM',
  description: 'No picture',
  symptom: null,
  cause: null,
  solution: null,
  prevention: null,
  thirdPartyName: null,
  callbackOutcome: null,
  satisfaction: null,
  customerFeedback: null,
  availableActions: [],
  timeline: [],
  openTasks: [],
  probeResults: [],
} satisfies TicketDetail;

describe('the staff case page', () => {
  beforeEach(() => authStore.set('Basic dGVzdDp0ZXN0'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it("links the case's device to the device's own page (设备档案)", async () => {
    const json = (body: unknown, status = 200) =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        const url = String(input);
        if (url === 'api/me') return json({ username: 'desk', displayName: 'Desk', roles: ['SERVICE_DESK'] });
        if (url === 'api/tickets/12') return json(ticket);
        return json({ status: 404, title: 'Not Found' }, 404);
      }),
    );
    renderTicketPage();
    const link = await screen.findByTestId('ticket-device-link', undefined, SLOW);
    expect(link.textContent).toBe('Gate camera 3');
    expect(link.getAttribute('href')).toBe('/devices/21');
  }, 60_000);
});

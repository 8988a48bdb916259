import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import { render, screen, waitFor } from '../../test/render';
import { AlarmSourcesTab } from './AlarmSourcesTab';

const SLOW = { timeout: 10_000 };

const source = (id: number, name: string, lastRefusedAt?: string) => ({
  id,
  name,
  kind: 'ZABBIX',
  customerId: 1,
  customerName: 'City police',
  keyPrefix: 'ak_12',
  createdAt: '2026-12-01T02:00:00Z',
  createdBy: 'admin',
  events: 4,
  cases: 2,
  lastEventAt: '2026-12-07T01:00:00Z',
  requestsPerMinute: 3000,
  ...(lastRefusedAt ? { lastRefusedAt } : {}),
});

describe('the monitoring sources tab', () => {
  beforeEach(() => authStore.set('Basic YWRtaW46ZGVtbw=='));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('says which source was turned away for its requests a minute, and when', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) =>
        Promise.resolve(
          new Response(
            JSON.stringify(
              String(input) === 'api/admin/alarm-sources'
                ? [source(1, 'Zabbix HQ', '2026-12-07T02:30:00Z'), source(2, 'Branch Zabbix')]
                : [],
            ),
            { status: 200, headers: { 'Content-Type': 'application/json' } },
          ),
        ),
      ),
    );
    render(
      <App>
        <AlarmSourcesTab canEdit={false} />
      </App>,
    );
    await waitFor(() => expect(screen.getByTestId('alarm-source-refused-1')).toBeTruthy(), SLOW);
    expect(screen.getByTestId('alarm-source-refused-1').textContent).toContain('3,000 requests a minute');
    expect(screen.queryByTestId('alarm-source-refused-2')).toBeNull();
  });
});

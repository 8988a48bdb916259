import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { ProbeAgentsTab, TokenOnce } from './ProbeAgentsTab';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const ROWS = [
  {
    id: 7,
    name: '东门机房代理',
    customerId: 1,
    customerName: '市交警支队',
    sites: [{ id: 3, name: '东门路口站' }],
    status: 'ONLINE',
    lastSeenAt: '2026-12-04T08:00:00Z',
    createdAt: '2026-12-01T08:00:00Z',
    createdBy: 'admin',
  },
  {
    id: 8,
    name: '旧代理',
    customerId: 1,
    customerName: '市交警支队',
    sites: [{ id: 4, name: '西门路口站' }],
    status: 'REVOKED',
    createdAt: '2026-11-01T08:00:00Z',
    createdBy: 'admin',
    revokedAt: '2026-11-20T08:00:00Z',
    revokedBy: 'admin',
  },
];

describe('probe agents tab', () => {
  beforeEach(async () => {
    authStore.set('Basic YWRtaW46ZGVtbw==');
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('lists agents with their sites and 在线 / 已吊销 in Chinese; only an active agent can be revoked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) =>
        json(String(input).includes('probe-agents') ? ROWS : [{ id: 1, name: '市交警支队', active: true }]),
      ),
    );
    render(
      <App>
        <ProbeAgentsTab canEdit />
      </App>,
    );
    expect((await screen.findByTestId('agent-status-7', {}, SLOW)).textContent).toBe('在线');
    expect(screen.getByTestId('agent-status-8').textContent).toBe('已吊销');
    expect(screen.getByText('东门路口站')).toBeTruthy();
    expect(screen.getByTestId('agent-revoke-7')).toBeTruthy();
    expect(screen.queryByTestId('agent-revoke-8')).toBeNull();
  });

  it('shows the new token once, with a copy button and how to start the agent', async () => {
    const token = 'acpa_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
    const onClose = vi.fn();
    render(
      <App>
        <TokenOnce created={{ agent: { ...ROWS[0], status: 'ONLINE' }, token }} onClose={onClose} />
      </App>,
    );
    expect((await screen.findByTestId('agent-token', {}, SLOW)).textContent).toContain(token);
    expect(screen.getByText(/令牌只显示这一次/)).toBeTruthy();
    expect(screen.getByLabelText('复制令牌')).toBeTruthy();
    expect(screen.getByText(/java -jar aftercare-probe-agent.jar --server/).textContent).not.toContain(token);
    fireEvent.click(screen.getByTestId('agent-token-done'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});

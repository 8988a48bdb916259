import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { render, screen } from '../../test/render';
import { ApiTokenOnce, ApiTokensTab } from './ApiTokensTab';

const SLOW = { timeout: 10_000 };

const json = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

const ROWS = [
  {
    id: 5,
    name: '总部 Zabbix 监控',
    tokenPrefix: 'act_AbC123',
    role: 'SERVICE_DESK',
    createdAt: '2026-12-01T08:00:00Z',
    createdBy: 'admin',
    lastUsedAt: '2026-12-04T08:00:00Z',
    active: true,
  },
  {
    id: 6,
    name: '交警门户',
    tokenPrefix: 'act_XyZ789',
    role: 'CUSTOMER',
    customerId: 1,
    createdAt: '2026-11-01T08:00:00Z',
    createdBy: 'admin',
    revokedAt: '2026-11-20T08:00:00Z',
    revokedBy: 'admin',
    active: false,
  },
];

describe('API tokens tab', () => {
  beforeEach(async () => {
    authStore.set('Basic YWRtaW46ZGVtbw==');
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('lists tokens with role, unit and 有效 / 已吊销 in Chinese; only an active token can be revoked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) =>
        json(String(input).includes('api-tokens') ? ROWS : [{ id: 1, name: '市交警支队', active: true }]),
      ),
    );
    render(
      <App>
        <ApiTokensTab canEdit />
      </App>,
    );
    expect((await screen.findByTestId('token-status-5', {}, SLOW)).textContent).toBe('有效');
    expect(screen.getByTestId('token-status-6').textContent).toBe('已吊销');
    expect(screen.getAllByText('服务台').length).toBeGreaterThan(0);
    expect(await screen.findByText('市交警支队', {}, SLOW)).toBeTruthy();
    expect(screen.getByTestId('token-revoke-5')).toBeTruthy();
    expect(screen.queryByTestId('token-revoke-6')).toBeNull();
    expect(document.body.textContent).not.toMatch(/SERVICE_DESK|CUSTOMER/);
  }, 120_000); // the table of antd renders slowly on a loaded CI machine

  it('shows the new token once, with how a client sends it', () => {
    const token = 'act_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
    render(
      <App>
        <ApiTokenOnce created={{ apiToken: ROWS[0] as never, token }} onClose={() => undefined} />
      </App>,
    );
    expect(screen.getByTestId('token-value').textContent).toContain(token);
    expect(screen.getByText(/令牌只显示这一次/)).toBeTruthy();
    expect(screen.getByText(/Authorization: Bearer/)).toBeTruthy();
  });
});

import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import i18n from '../../i18n';
import { render, screen } from '../../test/render';
import { MailIntakeTab } from './MailIntakeTab';

const SLOW = { timeout: 10_000 };

const json = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

const STATUS = {
  enabled: true,
  host: 'imap.example.com',
  port: 993,
  ssl: true,
  username: 'service@example.com',
  folder: 'INBOX',
  pollIntervalSeconds: 60,
  triageSiteSet: true,
  auth: 'XOAUTH2',
  processedFolder: 'Aftercare/Processed',
  droppedFolder: 'Aftercare/Dropped',
  reopenWindowHours: 168,
  polledBy: '4242@node-2',
  lastPoll: { opened: 1, threaded: 2, reopened: 1, followUp: 0, dropped: 3, failed: 0, moved: 7 },
  lastPollAt: '2026-12-04T08:01:00Z',
  lastSuccessAt: '2026-12-04T08:00:00Z',
  lastError: 'SIGN_IN_FAILED',
  lastErrorDetail: 'LOGIN failed',
  lastErrorAt: '2026-12-04T08:01:00Z',
  recent: [
    {
      id: 2,
      receivedAt: '2026-12-04T07:59:00Z',
      sender: 'zhang@customer.example',
      subject: '自动回复：休假中',
      outcome: 'DROPPED',
      reason: 'AUTO_REPLY',
    },
    {
      id: 1,
      receivedAt: '2026-12-04T07:50:00Z',
      sender: 'zhang@customer.example',
      subject: '摄像头无画面',
      outcome: 'OPENED',
      ticketId: 12,
      ticketNumber: 'INC-2026-000012',
    },
  ],
};

describe('mail intake tab', () => {
  beforeEach(async () => {
    authStore.set('Basic YWRtaW46ZGVtbw==');
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows the last error and each dropped mail with its reason in Chinese, and links a case', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => json(STATUS)),
    );
    render(
      <MemoryRouter>
        <MailIntakeTab />
      </MemoryRouter>,
    );

    expect((await screen.findByTestId('mail-intake-error', {}, SLOW)).textContent).toContain(
      '邮箱账号或密码（令牌）错误',
    );
    expect(screen.getByTestId('mail-reason-2').textContent).toContain('自动回复（如休假/不在办公室）');
    expect(screen.getByTestId('mail-outcome-2').textContent).toContain('已丢弃');
    expect(screen.getByTestId('mail-outcome-1').textContent).toContain('已建单');
    expect(screen.getByText('INC-2026-000012')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/AUTO_REPLY|SIGN_IN_FAILED|DROPPED|XOAUTH2'|REOPENED/);
  });

  it('shows the shared poll status in Chinese: sign-in, folders, the reopen window, the node and the counts', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => json(STATUS)),
    );
    render(
      <MemoryRouter>
        <MailIntakeTab />
      </MemoryRouter>,
    );

    expect((await screen.findByTestId('mail-intake-auth', {}, SLOW)).textContent).toBe('OAuth2 令牌（XOAUTH2）');
    expect(screen.getByTestId('mail-intake-folders').textContent).toBe(
      '已处理的移到“Aftercare/Processed”，丢弃的移到“Aftercare/Dropped”',
    );
    expect(screen.getByTestId('mail-intake-reopen').textContent).toContain('关闭后 7 天内报修人回复则重新打开工单');
    // 08:01 UTC is 16:01 in Beijing, the service's zone
    expect(screen.getByTestId('mail-intake-last-poll').textContent).toBe('2026-12-04 16:01 · 收信节点 4242@node-2');
    expect(screen.getByTestId('mail-intake-counts').textContent).toBe(
      '建单 1 · 并入工单 2 · 重新打开 1 · 新建关联工单 0 · 丢弃 3 · 失败 0 · 已移走 7',
    );
  });

  it('says the intake is off without naming an error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => json({ ...STATUS, enabled: false, host: undefined, lastError: undefined, recent: [] })),
    );
    render(
      <MemoryRouter>
        <MailIntakeTab />
      </MemoryRouter>,
    );

    expect((await screen.findByTestId('mail-intake-off', {}, SLOW)).textContent).toContain('邮件接入未开启');
    expect(screen.queryByTestId('mail-intake-error')).toBeNull();
    expect(screen.getByText('还没有收到邮件。')).toBeTruthy();
  });
});

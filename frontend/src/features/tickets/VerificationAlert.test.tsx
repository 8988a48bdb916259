import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { ProbeResult, Task } from '../../api/types';
import { afterFailedVerification, VerificationAlert } from './VerificationAlert';

const failed: ProbeResult = {
  id: 2,
  startedAt: '2026-01-01T10:00:00Z',
  finishedAt: '2026-01-01T10:00:02Z',
  passed: false,
  summary: 'Device Cam does not work: 2 of 3 checks failed',
  checks: [
    { kind: 'TCP', target: '10.0.0.5:80', ok: true, detail: 'connected', durationMillis: 3 },
    { kind: 'TCP', target: '10.0.0.5:554', ok: false, detail: 'connection refused', durationMillis: 4 },
    { kind: 'HTTP', target: 'http://10.0.0.5/status', ok: false, detail: 'HTTP 503', durationMillis: 9 },
  ],
};
const passed: ProbeResult = { ...failed, id: 1, passed: true, checks: [] };

const fix: Task = {
  id: 't1',
  key: 'diagnoseAndFix',
  name: 'Diagnose',
  ticketId: 1,
  ticketNumber: 'AC-1',
  ticketTitle: 'Camera',
  assignee: 'engineer',
  candidateGroups: [],
  created: '2026-01-01T00:00:00Z',
  formFields: [
    { id: 'cause', label: 'cause', type: 'string', required: true, defaultValue: 'Bad cable' },
    { id: 'fixOutcome', label: 'fixOutcome', type: 'enum', required: true, defaultValue: 'FIXED' },
  ],
};

function show(results: ProbeResult[], verifying = false, onChanged = vi.fn(() => Promise.resolve())) {
  render(
    <App>
      <VerificationAlert ticketId={1} results={results} verifying={verifying} canRecheck onChanged={onChanged} />
    </App>,
  );
  return onChanged;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

describe('VerificationAlert', () => {
  it('names each failed check in Chinese, without codes or the probe’s English', async () => {
    await i18n.changeLanguage('zh');
    show([passed, failed]);
    const alert = screen.getByTestId('verification-failed');
    const checks = screen.getAllByTestId('verification-failed-check').map((li) => li.textContent);
    expect(checks).toEqual(['端口 554 无响应：连接被拒绝', '网页 http://10.0.0.5/status 无响应：返回错误状态 503']);
    expect(alert.textContent).toContain('立即重新检测');
    expect(alert.textContent).not.toMatch(/TCP|HTTP |connection|refused|checks failed/);
  });

  it('shows nothing when the latest check passed, and “checking” while a verification runs', () => {
    show([failed, { ...passed, id: 3 }]);
    expect(screen.queryByTestId('verification-failed')).toBeNull();
    show([failed], true);
    expect(screen.getByTestId('verification-checking').textContent).toContain('Checking the device');
    expect(screen.queryByTestId('verification-failed')).toBeNull();
  });

  it('checks again now through the server and reloads the case', async () => {
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(
      () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => resolve(new Response(JSON.stringify({ ...passed, id: 9 }), { status: 201 })), 50),
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onChanged = show([failed]);
    fireEvent.click(screen.getByTestId('verification-recheck'));
    expect(await screen.findByTestId('verification-checking')).toBeTruthy();
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('api/tickets/1/probe-results');
    expect((fetchMock.mock.calls[0][1] as RequestInit).method).toBe('POST');
  });

  it('at a site served by a probe agent says the recheck was handed to the agent, and shows checking while queued', async () => {
    const queued = {
      id: null,
      startedAt: null,
      finishedAt: null,
      passed: false,
      summary: 'queued',
      checks: [],
      queued: true,
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(JSON.stringify(queued), { status: 202 }))),
    );
    const onChanged = show([failed]);
    fireEvent.click(screen.getByTestId('verification-recheck'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled(), { timeout: 20_000 });
    expect(screen.queryByText(i18n.t('verification.stillFailing'))).toBeNull();
    // the case file then says recheckQueued: the page passes it as verifying, and the alert reads 检测中…
    show([failed], true);
    expect(screen.getAllByTestId('verification-checking').length).toBeGreaterThan(0);
  });

  it('clears the outcome of the engineer’s form after a failed verification, nothing else', () => {
    const cleared = afterFailedVerification(fix, [failed]);
    expect(cleared.formFields.map((f) => f.defaultValue)).toEqual(['Bad cable', null]);
    expect(afterFailedVerification(fix, [failed, { ...passed, id: 3 }])).toBe(fix);
    expect(afterFailedVerification({ ...fix, key: 'acceptAssignment' }, [failed]).formFields[1].defaultValue).toBe(
      'FIXED',
    );
  });
});

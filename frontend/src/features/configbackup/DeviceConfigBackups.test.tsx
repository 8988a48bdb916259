import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { DeviceConfigBackups } from './DeviceConfigBackups';

const SLOW = { timeout: 10_000 };

const backup = {
  id: 3,
  deviceId: 5,
  fileName: 'CORE-SW-01.cfg',
  contentType: 'text/plain',
  sizeBytes: 2048,
  sha256: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
  note: 'Before the firmware upgrade',
  uploadedBy: 'engineer',
  uploadedByName: 'Zhang Wei',
  uploadedAt: '2026-12-07T02:00:00Z',
};

// Newest first: explained by a change, by a case, by nothing (a security incident), and the device's first backup.
const history = [
  { ...backup, id: 13, fileName: 'after-change.cfg', explainedBy: 'CHG-000012' },
  { ...backup, id: 12, fileName: 'after-case.cfg', explainedBy: 'INC-2026-000001' },
  { ...backup, id: 11, fileName: 'unexplained.cfg', securityIncidentId: 3, securityIncidentNumber: 'SEC-000003' },
  { ...backup, id: 10, fileName: 'first.cfg' },
];

function mockApi(roles: Role[], list: unknown[] = [backup]) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const answer = (body: unknown, status = 200) =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    if (url === 'api/me') return answer({ username: 'user', displayName: 'User', roles });
    if (url === 'api/devices/5/config-backups' && init?.method === 'POST')
      return answer({ ...backup, id: 4, fileName: 'after.cfg' }, 201);
    if (url === 'api/devices/5/config-backups') return answer(list);
    return answer({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderIt() {
  render(
    <MemoryRouter>
      <App>
        <AuthProvider>
          <SignedIn>
            <DeviceConfigBackups deviceId={5} />
          </SignedIn>
        </AuthProvider>
      </App>
    </MemoryRouter>,
  );
}

describe('a device’s configuration backups', () => {
  beforeEach(() => authStore.set('Basic ZW5naW5lZXI6ZGVtbw=='));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('lists the kept files with who kept them and lets an engineer keep another with a note', async () => {
    const fetchMock = mockApi(['ENGINEER']);
    renderIt();
    const row = await screen.findByTestId('config-backup-3', undefined, SLOW);
    expect(row.textContent).toContain('CORE-SW-01.cfg');
    expect(row.textContent).toContain('Before the firmware upgrade');
    expect(row.textContent).toContain('Zhang Wei');
    expect(row.textContent).toContain('2.0 KB');
    expect(row.textContent).toContain('SHA-256 ab12cd34ef56…');

    fireEvent.change(screen.getByTestId('config-backup-note'), { target: { value: ' After the upgrade ' } });
    const file = new File(['sysname CORE-SW-01'], 'after.cfg', { type: 'text/plain' });
    fireEvent.change(screen.getByTestId('config-backup-file'), { target: { files: [file] } });
    await waitFor(() => {
      const post = fetchMock.mock.calls.find(
        ([u, i]) => String(u) === 'api/devices/5/config-backups' && i?.method === 'POST',
      );
      expect(post).toBeTruthy();
      const form = post![1]!.body as FormData;
      expect((form.get('file') as File).name).toBe('after.cfg');
      expect(form.get('note')).toBe('After the upgrade');
    }, SLOW);
  });

  it('offers the desk the files but no upload', async () => {
    mockApi(['SERVICE_DESK']);
    renderIt();
    await screen.findByTestId('config-backup-3', undefined, SLOW);
    expect(screen.queryByTestId('config-backup-choose')).toBeNull();
  });

  const hrefs = (row: HTMLElement) => Array.from(row.querySelectorAll('a')).map((a) => a.getAttribute('href'));
  const rowOf = async (id: number) => {
    mockApi(['ENGINEER'], history);
    renderIt();
    return screen.findByTestId(`config-backup-${id}`, undefined, SLOW);
  };

  it('says which change explains a changed configuration and links to it', async () => {
    const row = await rowOf(13);
    expect(row.textContent).toContain('Configuration changed');
    expect(row.textContent).toContain('By change CHG-000012');
    expect(row.textContent).not.toContain('Unrecorded configuration change');
    expect(hrefs(row)).toEqual(['/changes/12']);
  });

  it('says which case explains a changed configuration and links to the case list searching for it', async () => {
    const row = await rowOf(12);
    expect(row.textContent).toContain('Configuration changed');
    expect(row.textContent).toContain('By case INC-2026-000001');
    expect(hrefs(row)).toEqual(['/tickets?q=INC-2026-000001']);
  });

  it('marks a change nothing explains in red and shows an engineer the incident number without a link', async () => {
    const row = await rowOf(11);
    expect(within(row).getByText('Unrecorded configuration change').classList).toContain('ant-tag-red');
    expect(row.textContent).toContain('No change or case touched this device between the two backups');
    expect(row.textContent).not.toContain('Configuration changed');
    // only supervisors and admins may open a security incident someone else reported
    expect(hrefs(row)).toEqual([]);
    expect(screen.getByTestId('config-backup-incident-11').textContent).toBe(
      'Security incident SEC-000003 (reported to the supervisors for investigation)',
    );
  });

  it.each<Role>(['SUPERVISOR', 'ADMIN'])('links the security incident reported for it for %s', async (role) => {
    mockApi([role], history);
    renderIt();
    const row = await screen.findByTestId('config-backup-11', undefined, SLOW);
    expect(within(row).getByText('Unrecorded configuration change').classList).toContain('ant-tag-red');
    expect(row.textContent).toContain('Security incident SEC-000003');
    expect(row.textContent).toContain('No change or case touched this device between the two backups');
    expect(row.textContent).not.toContain('Configuration changed');
    expect(hrefs(row)).toEqual(['/security-incidents/3']);
  });

  it('shows nothing of the kind on the device’s first backup', async () => {
    const row = await rowOf(10);
    expect(row.textContent).toContain('first.cfg');
    expect(row.querySelector('.ant-tag')).toBeNull();
    expect(row.textContent).not.toContain('Security incident');
    expect(hrefs(row)).toEqual([]);
  });

  it('shows the same in Chinese', async () => {
    await i18n.changeLanguage('zh');
    try {
      mockApi(['ENGINEER'], history);
      renderIt();
      const byChange = await screen.findByTestId('config-backup-13', undefined, SLOW);
      expect(byChange.textContent).toContain('配置有变化');
      expect(byChange.textContent).toContain('对应变更 CHG-000012');
      expect(screen.getByTestId('config-backup-12').textContent).toContain('对应工单 INC-2026-000001');
      const unexplained = screen.getByTestId('config-backup-11');
      expect(unexplained.textContent).toContain('未登记的配置变化');
      expect(unexplained.textContent).toContain('安全事件 SEC-000003（已上报主管调查）');
      expect(unexplained.textContent).toContain('两次备份之间没有涉及该设备的变更或工单');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

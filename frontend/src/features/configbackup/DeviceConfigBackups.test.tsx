import { App } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { fireEvent, render, screen, waitFor } from '../../test/render';
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

function mockApi(roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const answer = (body: unknown, status = 200) =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    if (url === 'api/me') return answer({ username: 'user', displayName: 'User', roles });
    if (url === 'api/devices/5/config-backups' && init?.method === 'POST')
      return answer({ ...backup, id: 4, fileName: 'after.cfg' }, 201);
    if (url === 'api/devices/5/config-backups') return answer([backup]);
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
    <App>
      <AuthProvider>
        <SignedIn>
          <DeviceConfigBackups deviceId={5} />
        </SignedIn>
      </AuthProvider>
    </App>,
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
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '../test/render';
import { useStaffNames } from './useStaffNames';

function Names({ users, staff }: { users: (string | null)[]; staff?: boolean }) {
  const name = useStaffNames(staff);
  return (
    <ul>
      {users.map((u, i) => (
        <li key={i} data-testid={`name-${i}`}>
          {name(u) || '-'}
        </li>
      ))}
    </ul>
  );
}

function staffList() {
  return vi.fn((url: string) =>
    Promise.resolve(
      new Response(
        JSON.stringify(
          String(url).includes('mentionable-users')
            ? [
                { username: 'owner', displayName: '周敏' },
                { username: 'admin', displayName: '系统管理员' },
              ]
            : [],
        ),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
    ),
  );
}

describe('useStaffNames', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names staff by their display names, the engine as System, anyone else by user name', async () => {
    const fetchMock = staffList();
    vi.stubGlobal('fetch', fetchMock);
    render(<Names users={['owner', 'admin', 'system', 'customer', null]} />);
    await waitFor(() => expect(screen.getByTestId('name-0').textContent).toBe('周敏'));
    expect(screen.getByTestId('name-1').textContent).toBe('系统管理员');
    expect(screen.getByTestId('name-2').textContent).toBe('System');
    expect(screen.getByTestId('name-3').textContent).toBe('customer');
    expect(screen.getByTestId('name-4').textContent).toBe('-');
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('mentionable-users'))).toBe(true);
  });

  it('does not ask for the staff list on a page a customer sees', async () => {
    const fetchMock = staffList();
    vi.stubGlobal('fetch', fetchMock);
    render(<Names users={['owner']} staff={false} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('name-0').textContent).toBe('owner');
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('mentionable-users'))).toBe(false);
  });
});

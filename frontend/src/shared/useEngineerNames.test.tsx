import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '../test/render';
import { useEngineerNames } from './useEngineerNames';

function Names({ users }: { users: (string | null)[] }) {
  const name = useEngineerNames();
  return (
    <ul>
      {users.map((u, i) => (
        <li key={i} data-testid={`name-${i}`}>
          {name(u) ?? '-'}
        </li>
      ))}
    </ul>
  );
}

describe('useEngineerNames', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names engineers as people know them, the engine as System, anyone else by user name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(JSON.stringify([{ username: 'engineer', displayName: '张伟' }]), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          }),
        ),
      ),
    );
    render(<Names users={['engineer', 'system', 'desk', null]} />);
    await waitFor(() => expect(screen.getByTestId('name-0').textContent).toBe('张伟'));
    expect(screen.getByTestId('name-1').textContent).toBe('System');
    expect(screen.getByTestId('name-2').textContent).toBe('desk');
    expect(screen.getByTestId('name-3').textContent).toBe('-');
  });
});

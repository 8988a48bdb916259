import 'fake-indexeddb/auto';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { Task } from '../../api/types';
import { TaskForm } from '../tasks';
import { discard, keep, listOutbox, replay, type OutboxItem } from './outbox';
import { RETRY_MILLIS } from './OutboxBadge';

const SLOW = { timeout: 10_000 };

const task: Task = {
  id: 't-offline',
  key: 'diagnoseAndFix',
  name: 'Diagnose',
  ticketId: 7,
  ticketNumber: 'AC-7',
  ticketTitle: 'Camera offline',
  assignee: 'engineer',
  candidateGroups: [],
  created: '2026-01-01T00:00:00Z',
  formFields: [{ id: 'cause', label: 'cause', type: 'string', required: true }],
};

function item(key: string, createdAt: number, user = ''): OutboxItem {
  return {
    key,
    taskId: `task-${key}`,
    taskKey: 'diagnoseAndFix',
    ticketId: 7,
    user,
    values: { cause: key },
    createdAt,
  };
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const noSignal = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
const answer = (status: number): Promise<Response> =>
  Promise.resolve(
    status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify({ status, title: 'x' }), {
          status,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
  );

function sentKeys(fetchMock: { mock: { calls: Parameters<Fetch>[] } }): string[] {
  return fetchMock.mock.calls.map(
    ([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers['Idempotency-Key'],
  );
}

beforeEach(async () => {
  for (const i of await listOutbox()) await discard(i.key);
});

afterEach(() => vi.unstubAllGlobals());

describe('outbox', () => {
  it('keeps a form sent without signal, shows it waiting, and sends it once with the same key when the signal returns', async () => {
    const fetchMock = vi.fn<Fetch>(noSignal);
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    render(
      <App>
        <TaskForm task={task} onDone={onDone} loadEngineers={() => Promise.resolve([])} />
      </App>,
    );
    fireEvent.change(screen.getByTestId('input-cause'), { target: { value: 'loose cable' } });
    fireEvent.click(screen.getByTestId('complete-diagnoseAndFix'));

    expect(await screen.findByTestId('task-kept', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('Waiting to be sent (no signal)')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect((screen.getByTestId('complete-diagnoseAndFix') as HTMLButtonElement).disabled).toBe(true);
    const kept = await listOutbox();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ taskId: 't-offline', ticketId: 7, values: { cause: 'loose cable' } });
    const keyPressed = sentKeys(fetchMock)[0];
    expect(keyPressed).toBe(kept[0].key);

    // still no signal: nothing lost, nothing sent
    expect((await replay('')).stillWaiting).toBe(1);
    expect(await listOutbox()).toHaveLength(1);

    // the signal returns
    fetchMock.mockImplementation(() => answer(204));
    fetchMock.mockClear();
    const report = await replay('');
    expect(report.sent).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('api/tasks/t-offline/complete');
    expect(JSON.parse((fetchMock.mock.calls[0][1] as RequestInit).body as string)).toEqual({ cause: 'loose cable' });
    expect(sentKeys(fetchMock)).toEqual([keyPressed]);
    await waitFor(() => expect(screen.queryByTestId('task-kept')).toBeNull(), SLOW);

    // sent once: a later replay has nothing to send
    await replay('');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('sends in the order filled and stops at the first that does not get through', async () => {
    await keep(item('b', 2));
    await keep(item('a', 1));
    await keep(item('c', 3));
    const fetchMock = vi.fn<Fetch>((url: string) => (url.includes('task-c') ? noSignal() : answer(204)));
    vi.stubGlobal('fetch', fetchMock);
    const report = await replay('');
    expect(sentKeys(fetchMock)).toEqual(['a', 'b', 'c']);
    expect(report.sent.map((i) => i.key)).toEqual(['a', 'b']);
    expect(report.stillWaiting).toBe(1);
    expect((await listOutbox()).map((i) => i.key)).toEqual(['c']);
  });

  it('drops a form whose task was already completed, keeps a refused one marked, and sends only the user’s own', async () => {
    await keep(item('done', 1));
    await keep(item('reused', 2));
    await keep(item('someone-else', 3, 'engineer2'));
    const fetchMock = vi.fn<Fetch>((url: string) => answer(url.includes('task-done') ? 409 : 422));
    vi.stubGlobal('fetch', fetchMock);
    const report = await replay('');
    expect(report.alreadyDone.map((i) => i.key)).toEqual(['done']);
    expect(report.refused.map((i) => i.key)).toEqual(['reused']);
    expect(sentKeys(fetchMock)).toEqual(['done', 'reused']);
    const left = await listOutbox();
    expect(left.map((i) => [i.key, i.refused?.status ?? null])).toEqual([
      ['reused', 422],
      ['someone-else', null],
    ]);
    // a refused form is not sent again by itself
    fetchMock.mockClear();
    await replay('');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('runs one replay at a time, so two triggers at once send a form once', async () => {
    await keep(item('once', 1));
    const fetchMock = vi.fn<Fetch>(() => answer(204));
    vi.stubGlobal('fetch', fetchMock);
    await Promise.all([replay(''), replay(''), replay('')]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('tries kept forms again every 30 seconds while some wait (besides the online event)', () => {
    expect(RETRY_MILLIS).toBe(30_000);
  });
});

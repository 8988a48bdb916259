import { App } from 'antd';
import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../../api/types';
import { TaskForm } from './TaskForm';

// antd validates asynchronously; on a busy 2-core build machine that can exceed the 1 s default.
const SLOW = { timeout: 10_000 };

const task: Task = {
  id: 't1',
  key: 'diagnoseAndFix',
  name: 'Diagnose',
  ticketId: 1,
  ticketNumber: 'AC-1',
  ticketTitle: 'Camera offline',
  assignee: 'engineer',
  candidateGroups: [],
  created: '2026-01-01T00:00:00Z',
  formFields: [
    { id: 'cause', label: 'cause', type: 'string', required: true },
    {
      id: 'fixOutcome',
      label: 'fixOutcome',
      type: 'enum',
      required: true,
      defaultValue: 'FIXED',
      options: [{ id: 'FIXED', name: 'fixed' }],
    },
    { id: 'rebooted', label: 'Rebooted on site', type: 'boolean', required: true },
  ],
};

function renderForm(onDone = vi.fn()) {
  render(
    <App>
      <TaskForm task={task} onDone={onDone} loadEngineers={() => Promise.resolve([])} />
    </App>,
  );
  return onDone;
}

describe('TaskForm', () => {
  it('labels fields from translations, falling back to the server label', () => {
    renderForm();
    expect(screen.getByText('Cause')).toBeTruthy();
    expect(screen.getByText('Rebooted on site')).toBeTruthy();
    expect(screen.getByText('Fixed')).toBeTruthy(); // option.fixOutcome.FIXED, not the server's "fixed"
  });

  it('blocks an incomplete form, then posts typed values', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = renderForm();

    fireEvent.click(screen.getByTestId('complete-diagnoseAndFix'));
    expect(await screen.findByText('Please fill in Cause.', undefined, SLOW)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('input-cause'), { target: { value: ' loose cable ' } });
    fireEvent.click(screen.getByLabelText('No'));
    fireEvent.click(screen.getByTestId('complete-diagnoseAndFix'));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true), SLOW);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('api/tasks/t1/complete');
    expect(JSON.parse(init.body)).toEqual({ cause: 'loose cable', fixOutcome: 'FIXED', rebooted: false });
    vi.unstubAllGlobals();
  });

  it('shows server field errors on the matching field', async () => {
    const problem = { status: 400, title: 'Bad Request', errors: [{ field: 'cause', message: 'too vague' }] };
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify(problem), {
          status: 400,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    const onDone = renderForm();
    fireEvent.change(screen.getByTestId('input-cause'), { target: { value: 'x' } });
    fireEvent.click(screen.getByLabelText('Yes'));
    fireEvent.click(screen.getByTestId('complete-diagnoseAndFix'));

    expect(await screen.findByText('too vague', { selector: '.ant-form-item-explain-error' }, SLOW)).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('keeps a notice after a 409 even though the reload removes the form', async () => {
    const problem = { status: 409, title: 'Conflict', detail: 'Task t1 (Diagnose) is already completed' };
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify(problem), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    const onDone = vi.fn();
    // Like the ticket page: onDone reloads, and the handled task (with its form) disappears.
    function Page() {
      const [shown, setShown] = useState(true);
      return shown ? (
        <TaskForm
          task={task}
          onDone={(completed) => {
            onDone(completed);
            setShown(false);
          }}
          loadEngineers={() => Promise.resolve([])}
        />
      ) : (
        <div data-testid="reloaded" />
      );
    }
    render(
      <App>
        <Page />
      </App>,
    );
    fireEvent.change(screen.getByTestId('input-cause'), { target: { value: 'x' } });
    fireEvent.click(screen.getByLabelText('Yes'));
    fireEvent.click(screen.getByTestId('complete-diagnoseAndFix'));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(false), SLOW);
    expect(screen.getByTestId('reloaded')).toBeTruthy();
    expect(screen.queryByTestId('task-form-diagnoseAndFix')).toBeNull();
    expect(
      await screen.findByText(
        'Someone else has already handled this task (completed or claimed it). The page has been reloaded.',
        undefined,
        SLOW,
      ),
    ).toBeTruthy();
    vi.unstubAllGlobals();
  });

  it('lets an optional engineer stay empty and explains what that means', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    const dispatch: Task = {
      ...task,
      id: 't2',
      key: 'assignEngineer',
      assignee: null,
      candidateGroups: ['SERVICE_DESK'],
      formFields: [
        { id: 'engineer', label: 'Engineer', type: 'string', required: false, properties: { lookup: 'engineer' } },
        { id: 'vehicleNeeded', label: 'Vehicle needed', type: 'boolean', required: false, defaultValue: 'false' },
      ],
    };
    render(
      <App>
        <TaskForm
          task={dispatch}
          onDone={onDone}
          loadEngineers={() => Promise.resolve([{ username: 'engineer', displayName: 'Zhang Wei' }])}
        />
      </App>,
    );
    expect(
      screen.getByText('Leave empty to offer the job to all engineers; the first to claim it handles it.'),
    ).toBeTruthy();

    fireEvent.click(screen.getByTestId('complete-assignEngineer'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true), SLOW);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ vehicleNeeded: false });
    vi.unstubAllGlobals();
  });
});

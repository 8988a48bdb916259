import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { act, fireEvent, render, screen, waitFor, within } from '../test/render';
import { ActionModal } from './ActionModal';

interface Values {
  note?: string;
}

const problem = (status: number, detail: string, errors?: { field: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail, errors } as never);

/** The modal as a feature opens it: shown until it closes itself. */
function renderModal(send: (values: Values) => Promise<string>) {
  const onSent = vi.fn();
  const onConflict = vi.fn();
  function Host() {
    const [open, setOpen] = useState(true);
    return open ? (
      <ActionModal<Values, string>
        title="Add a note"
        okText="Save"
        cancelText="Close"
        testIds={{ modal: 'note-modal', ok: 'note-ok', error: 'note-error' }}
        initialValues={{ note: 'hello' }}
        send={send}
        onSent={onSent}
        done="Saved"
        onClose={() => setOpen(false)}
        onConflict={onConflict}
        fieldName={(field) => (field === 'note' ? 'note' : undefined)}
        describeError={(e) => `refused: ${(e as Error).message}`}
      >
        <Form.Item name="note" label="Note">
          <Input data-testid="note-text" />
        </Form.Item>
      </ActionModal>
    ) : null;
  }
  render(
    <App>
      <Host />
    </App>,
  );
  return { onSent, onConflict };
}

describe('ActionModal', () => {
  it('sends once however often OK is pressed, then calls onSent, says so and closes', async () => {
    let answer!: (view: string) => void;
    const sent = new Promise<string>((resolve) => (answer = resolve));
    const send = vi.fn(() => sent);
    const { onSent } = renderModal(send);

    const ok = screen.getByTestId('note-ok');
    fireEvent.click(ok);
    fireEvent.click(ok);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    fireEvent.click(ok);
    expect(send).toHaveBeenCalledWith({ note: 'hello' });

    await act(async () => {
      answer('the view');
      await sent;
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(onSent).toHaveBeenCalledWith('the view');
    expect(await screen.findByText('Saved')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('note-modal')).toBeNull());
  });

  it("puts a 400's field error under its field and one the form has no field for above the buttons", async () => {
    const send = vi.fn(() =>
      Promise.reject(
        problem(400, 'Bad Request', [
          { field: 'note', message: 'too long' },
          { field: 'revision', message: 'must not be null' },
        ]),
      ),
    );
    const { onSent, onConflict } = renderModal(send);

    fireEvent.click(screen.getByTestId('note-ok'));
    const modal = screen.getByTestId('note-modal');
    expect(await within(modal).findByText('too long', { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect((await screen.findByTestId('note-error')).textContent).toBe('must not be null');
    expect(onSent).not.toHaveBeenCalled();
    expect(onConflict).not.toHaveBeenCalled();
    expect(screen.getByTestId('note-modal')).toBeTruthy();
  });

  it('says any other refusal above the buttons, and after a 409 calls onConflict and stays open', async () => {
    const send = vi.fn(() => Promise.reject(problem(409, 'Someone else acted first')));
    const { onSent, onConflict } = renderModal(send);

    fireEvent.click(screen.getByTestId('note-ok'));
    expect((await screen.findByTestId('note-error')).textContent).toBe('refused: Someone else acted first');
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(onSent).not.toHaveBeenCalled();
    expect(screen.getByTestId('note-modal')).toBeTruthy();

    // the user may try again
    fireEvent.click(screen.getByTestId('note-ok'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
  });
});

import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { fireEvent, render, screen, waitFor, within } from '../test/render';
import { ActionModal, type ActionModalProps } from './ActionModal';

interface Values {
  kind?: string;
  note?: string;
}

const problem = (status: number, detail: string, errors?: { field: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', title: 'x', status, detail, errors } as never);

/** The modal with the options the simpler callers leave out: done from the result, fieldMessage, onValuesChange. */
function renderModal(
  send: (values: Values) => Promise<{ number: string }>,
  props: Partial<ActionModalProps<Values, { number: string }>> = {},
) {
  function Host() {
    const [open, setOpen] = useState(true);
    return open ? (
      <ActionModal<Values, { number: string }>
        title="Add a note"
        okText="Save"
        cancelText="Close"
        testIds={{ modal: 'note-modal', ok: 'note-ok', error: 'note-error' }}
        initialValues={{ kind: 'a', note: 'hello' }}
        send={send}
        done={(result) => `Saved ${result.number}`}
        onClose={() => setOpen(false)}
        fieldName={(field) => (field === 'note' || field === 'kind' ? field : undefined)}
        describeError={(e) => `refused: ${(e as Error).message}`}
        onValuesChange={(changed, form) => {
          if ('kind' in changed) form.setFieldValue('note', undefined);
        }}
        {...props}
      >
        <Form.Item name="kind" label="Kind">
          <Input data-testid="kind-text" />
        </Form.Item>
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
}

describe('ActionModal options', () => {
  it('says the success message made from what the call resolved to', async () => {
    renderModal(() => Promise.resolve({ number: 'T-7' }));
    fireEvent.click(screen.getByTestId('note-ok'));
    expect(await screen.findByText('Saved T-7')).toBeTruthy();
  });

  it('lets a changed field clear another', async () => {
    const send = vi.fn(() => Promise.resolve({ number: 'T-8' }));
    renderModal(send);
    fireEvent.change(screen.getByTestId('kind-text'), { target: { value: 'b' } });
    fireEvent.click(screen.getByTestId('note-ok'));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ kind: 'b', note: undefined }));
  });

  it('shows every message of a field under it, in the words fieldMessage gives', async () => {
    const send = vi.fn(() =>
      Promise.reject(
        problem(400, 'Bad Request', [
          { field: 'note', message: 'too long' },
          { field: 'note', message: 'bad char' },
          { field: 'kind', message: 'unknown' },
        ]),
      ),
    );
    renderModal(send, { fieldMessage: (fe) => `${fe.field}: ${fe.message}` });
    fireEvent.click(screen.getByTestId('note-ok'));
    const modal = screen.getByTestId('note-modal');
    expect(await within(modal).findByText('note: too long', { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(within(modal).getByText('note: bad char', { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(within(modal).getByText('kind: unknown', { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(screen.queryByTestId('note-error')).toBeNull();
  });
});

import { Alert, App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';
import { useIsPhone } from './useIsPhone';
import { useSendOnce } from './useSendOnce';

/** The test ids of an action's modal, as each feature's tests already know them. */
export interface ActionModalTestIds {
  /** The modal itself. */
  modal?: string;
  /** The OK button. */
  ok: string;
  /** The line above the buttons that says why the server refused. */
  error: string;
}

export interface ActionModalProps<V, R> {
  title: ReactNode;
  okText: ReactNode;
  cancelText: ReactNode;
  /** A red OK button: the action cannot be taken back (reject, cancel). */
  danger?: boolean;
  testIds: ActionModalTestIds;
  initialValues?: Partial<V>;
  /** The call, with the checked values; what it resolves to goes to `onSent`. */
  send: (values: V) => Promise<R>;
  /** After a successful call, before the success message and closing: show what the server now has. */
  onSent?: (result: R) => void;
  /** The success message; a function gets what the call resolved to (a number the server gave, say). */
  done: string | ((result: R) => string);
  onClose: () => void;
  /**
   * After a 409 (someone acted first, the thing moved on meanwhile), once the refusal is in the error line: read it
   * again, so the page shows it as it is now.
   */
  onConflict?: () => void;
  /** Where the server's 400 field error for `field` goes on the form; `undefined`: the form has no field for it. */
  fieldName: (field: string) => NamePath | undefined;
  /**
   * The words under a field for the server's 400 error on it, given as the server sent it; by default its message (a
   * neutral one on a Chinese page when the server's is not Chinese).
   */
  fieldMessage?: (error: FieldError) => string;
  /** Any other refusal as one line in the reader's language (the feature's own wording of a 409, say). */
  describeError: (error: unknown) => string;
  /** Desktop width in pixels; a phone always gets the whole width. */
  width?: number;
  /** A field was changed by the user: clear or set another that depends on it. */
  onValuesChange?: (changed: Partial<V>, form: FormInstance<V>) => void;
  /** The form's fields; a function gets the form, for rules that read another field. */
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/**
 * One action in a modal: its form, an OK button that shows it is sending and cannot send twice (useSendOnce), the
 * server's 400 field errors under their fields, any other refusal (and a field error the form has no field for) in a
 * line above the buttons, the whole width near the top on a phone. After success the feature shows what the server
 * now has (`onSent`), after a 409 it reads it again (`onConflict`).
 *
 * Why it exists: the changes and the security incidents each carried their own copy of this, alike to the line but for
 * test ids, wording and how the server's field names map to the form's; a fix to one (a double send, a field error
 * lost, the phone layout) had to be made to each. The features keep only what is theirs: the query they refresh, their
 * test ids, their error wording, their fields.
 */
export function ActionModal<V extends object, R = unknown>({
  title,
  okText,
  cancelText,
  danger,
  testIds,
  initialValues,
  send,
  onSent,
  done,
  onClose,
  onConflict,
  fieldName,
  fieldMessage,
  describeError,
  width = 520,
  onValuesChange,
  children,
}: ActionModalProps<V, R>) {
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [form] = Form.useForm<V>();
  const { ok, busy, error, setError } = useSendOnce(
    form,
    async (values) => {
      const result = await send(values);
      onSent?.(result);
      message.success(typeof done === 'function' ? done(result) : done);
      onClose();
    },
    (e) => {
      // as the server sent them (for fieldMessage) and as the reader may read them, in the same order
      const sent = e instanceof ApiError && e.status === 400 ? (e.problem.errors ?? []) : [];
      const shown = e instanceof ApiError && e.status === 400 ? e.fieldErrors : [];
      const placed = shown.flatMap((fe, i) => {
        const name = fieldName(fe.field);
        return name ? [{ name, message: fieldMessage ? fieldMessage(sent[i]) : fe.message }] : [];
      });
      if (placed.length > 0) {
        // every message of a field under it, in the server's order
        const byField = new Map<string, { name: NamePath; errors: string[] }>();
        for (const { name, message: text } of placed) {
          const key = JSON.stringify(name);
          const entry = byField.get(key) ?? { name, errors: [] };
          if (!entry.errors.includes(text)) entry.errors.push(text);
          byField.set(key, entry);
        }
        form.setFields([...byField.values()].map(({ name, errors }) => ({ name: name as never, errors })));
        // a check the form has no field for: in the line above the buttons
        const elsewhere = shown.filter((fe) => !fieldName(fe.field)).map((fe) => fe.message);
        setError(elsewhere.length > 0 ? [...new Set(elsewhere)].join('；') : null);
      } else {
        setError(describeError(e));
      }
      if (e instanceof ApiError && e.status === 409) onConflict?.();
    },
  );

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={cancelText}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger, disabled: busy, ...({ 'data-testid': testIds.ok } as object) }}
      width={phone ? '100%' : width}
      style={phone ? { top: 8, maxWidth: '100vw', paddingInline: 0 } : undefined}
      destroyOnHidden
      maskClosable={!busy}
      data-testid={testIds.modal}
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        preserve={false}
        onValuesChange={onValuesChange && ((changed: Partial<V>) => onValuesChange(changed, form))}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
      {error && (
        // a long word of the server's (a number, a code) wraps rather than run past a phone's edge
        <Alert type="error" showIcon message={error} style={{ overflowWrap: 'anywhere' }} data-testid={testIds.error} />
      )}
    </Modal>
  );
}

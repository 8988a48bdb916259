import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';

/** "skills[0]" or "roles.[0]" → "skills" / "roles": the form item a server's field error belongs to. */
export function formField(serverField: string): string {
  return serverField.replace(/\.?\[.*$/, '').split('.')[0];
}

/**
 * Puts the server's problem+json field errors under the fields they name; what names no field on this form is
 * returned as one line for an alert above it.
 */
export function showServerErrors(
  form: FormInstance,
  error: unknown,
  fields: string[],
  t: (k: string) => string,
): string | null {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    // a field named in full ("probe.rtspUrl", a flat form item) wins over its first segment
    const itemOf = (field: string) => (fields.includes(field) ? field : formField(field));
    const onForm = error.fieldErrors.filter((fe) => fields.includes(itemOf(fe.field)));
    form.setFields(onForm.map((fe) => ({ name: itemOf(fe.field), errors: [fe.message] })));
    const elsewhere = error.fieldErrors.filter((fe) => !fields.includes(itemOf(fe.field)));
    if (elsewhere.length === 0) return t('validation.serverRejected');
    return elsewhere.map((fe) => `${fe.field}: ${fe.message}`).join('; ');
  }
  return describeError(error, t as never);
}

interface Props<T> {
  open: boolean;
  title: ReactNode;
  initialValues?: Partial<T>;
  /** The form items' names: server errors naming them go under the field. */
  fields: string[];
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

/** A modal form for one administration change: client checks first, then the server's answer under each field. */
export function FormModal<T extends object>({
  open,
  title,
  initialValues,
  fields,
  onSubmit,
  onClose,
  testId,
  children,
}: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue((initialValues ?? {}) as never);
      setProblem(null);
    }
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps -- fill the form each time it opens, not on every new initialValues object

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the client-side errors under the fields
    }
    setSaving(true);
    setProblem(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setProblem(showServerErrors(form, e, fields, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
      onOk={submit}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': `${testId}-save` }}
      destroyOnHidden
      width={560}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
    >
      {problem && (
        <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid={`${testId}-problem`} />
      )}
      <Form form={form} layout="vertical" data-testid={testId} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

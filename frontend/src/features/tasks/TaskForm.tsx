import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Engineer, FormField, Task } from '../../api/types';
import { describeError } from '../../shared/errors';
import { referenceApi, referenceKeys } from '../../api/reference';
import { newIdempotencyKey } from '../../shared/idempotencyKey';
import { useOutbox } from '../offline';
import { LocationField, PhotosField, photosUploadedRule, SignatureField } from '../fieldwidgets';
import { fieldLabel, initialValues, maxLengthOf, optionLabel, taskName, toSubmitValues, widgetFor } from './formFields';

/** Seconds the "already handled by someone else" notice stays: it must outlive the reload that removes the form. */
const CONFLICT_NOTICE_SECONDS = 10;

interface Props {
  task: Task;
  /**
   * Called after a successful completion, and after a 409 so the caller can reload. The 409 notice
   * is shown through the surrounding antd <App>, so it stays visible when the reload removes this form.
   */
  onDone: (completed: boolean) => void;
  /** Loads the engineer list; injectable for tests. */
  loadEngineers?: () => Promise<Engineer[]>;
}

interface FieldInputProps {
  field: FormField;
  engineers: Engineer[] | undefined;
  /** The task's ticket: field-step widgets upload to it. */
  ticketId: number;
  /** value/checked, onChange and id, injected by the surrounding Form.Item. */
  [injected: string]: unknown;
}

function FieldInput({ field, engineers, ticketId, ...control }: FieldInputProps) {
  const { t } = useTranslation();
  const testId = `input-${field.id}`;
  switch (widgetFor(field)) {
    case 'photos':
      return <PhotosField {...control} ticketId={ticketId} fieldId={field.id} testId={testId} />;
    case 'location':
      return <LocationField {...control} testId={testId} />;
    case 'signature':
      // a task form goes through the offline outbox: a signature drawn without signal is kept on the phone
      return <SignatureField {...control} ticketId={ticketId} testId={testId} keepOffline />;
    case 'yesNo':
      return (
        <Radio.Group {...control} data-testid={testId}>
          <Radio value={true} data-testid={`${testId}-yes`}>
            {t('common.yes')}
          </Radio>
          <Radio value={false} data-testid={`${testId}-no`}>
            {t('common.no')}
          </Radio>
        </Radio.Group>
      );
    case 'switch':
      return <Switch {...control} data-testid={testId} />;
    case 'select':
      return (
        <Select
          {...control}
          data-testid={testId}
          allowClear={!field.required}
          options={(field.options ?? []).map((o) => ({
            value: o.id,
            label: optionLabel(t, field, o),
            'data-testid': `option-${field.id}-${o.id}`,
          }))}
        />
      );
    case 'engineer':
      return (
        <Select
          {...control}
          data-testid={testId}
          showSearch
          optionFilterProp="label"
          loading={!engineers}
          allowClear={!field.required}
          options={(engineers ?? []).map((e) => ({
            value: e.username,
            label: `${e.displayName} (${e.username})${e.team ? ` · ${e.team}` : ''}`,
            'data-testid': `option-${field.id}-${e.username}`,
          }))}
        />
      );
    case 'number':
      return <InputNumber {...control} data-testid={testId} precision={0} style={{ width: 200 }} />;
    case 'date':
      return <DatePicker {...control} data-testid={testId} />;
    case 'textarea':
      return <Input.TextArea {...control} data-testid={testId} rows={3} maxLength={maxLengthOf(field)} showCount />;
    default:
      return <Input {...control} data-testid={testId} maxLength={maxLengthOf(field)} />;
  }
}

/** Renders a BPMN user-task form from the field list the server sends with each task. */
export function TaskForm({ task, onDone, loadEngineers = referenceApi.engineers }: Props) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = useMemo(() => task.formFields ?? [], [task.formFields]);
  const needsEngineers = fields.some((f) => widgetFor(f) === 'engineer');
  const initial = useMemo(() => initialValues(fields), [fields]);
  // issue 12: without signal the completion is kept on the phone and sent when the signal returns
  const outbox = useOutbox(task.id);

  const engineersQuery = useQuery({
    queryKey: referenceKeys.engineers,
    queryFn: loadEngineers,
    enabled: needsEngineers,
  });
  const engineers = engineersQuery.data;
  const shownError = error ?? (engineersQuery.error ? describeError(engineersQuery.error, t) : null);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      // one key per press of the button: every later send of this form is the same request to the server
      const sent = await outbox.complete({
        taskId: task.id,
        taskKey: task.key,
        ticketId: task.ticketId ?? null,
        values: toSubmitValues(fields, values),
        idempotencyKey: newIdempotencyKey(),
      });
      if (sent === 'sent') onDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // The reload usually drops this task (and this form) from the page, so an inline alert
        // would vanish with it: tell the user through an app-level notice that survives it.
        notification.warning({
          key: `task-conflict-${task.id}`,
          message: taskName(t, task),
          description: t('tasks.alreadyHandled'),
          duration: CONFLICT_NOTICE_SECONDS,
          props: { 'data-testid': 'task-conflict-notice' },
        });
        setError(t('tasks.alreadyHandled'));
        onDone(false);
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        const known = new Set(fields.map((f) => f.id));
        form.setFields(
          e.fieldErrors.filter((fe) => known.has(fe.field)).map((fe) => ({ name: fe.field, errors: [fe.message] })),
        );
        setError(describeError(e, t));
      } else {
        setError(describeError(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const rules = (field: FormField): Rule[] => {
    const widget = widgetFor(field);
    // A photo still on its way would be missing from the ids: wait for it (required or not).
    const uploaded = widget === 'photos' ? [photosUploadedRule(t, task.ticketId, field.id)] : [];
    // A phone that shares no position must never block the step.
    if (!field.required || widget === 'location') return uploaded;
    const text = widget === 'input' || widget === 'textarea';
    const message = t(text || widget === 'number' ? 'validation.required' : 'validation.choose', {
      field: fieldLabel(t, field),
    });
    // Blank text is dropped on submit, so it must not count as an answer. The whitespace key is
    // only set for text: its presence makes the validator type-check the value as a string.
    return [text ? { required: true, whitespace: true, message } : { required: true, message }, ...uploaded];
  };

  /** Help under a field: an optional engineer means "offer the job to all engineers". */
  const helpText = (field: FormField): string | undefined =>
    widgetFor(field) === 'engineer' && !field.required ? t('formHelp.engineer') : undefined;

  return (
    <Form
      form={form}
      layout="vertical"
      name={`task-${task.key}`}
      initialValues={initial}
      onFinish={(values) => void submit(values)}
      data-testid={`task-form-${task.key}`}
    >
      {fields.map((field) => (
        <div key={field.id} data-testid={`field-${field.id}`}>
          <Form.Item
            name={field.id}
            label={fieldLabel(t, field)}
            rules={rules(field)}
            extra={helpText(field)}
            valuePropName={widgetFor(field) === 'switch' ? 'checked' : 'value'}
          >
            <FieldInput field={field} engineers={engineers} ticketId={task.ticketId} />
          </Form.Item>
        </div>
      ))}
      {shownError && (
        <Alert type="error" showIcon message={shownError} style={{ marginBottom: 16 }} data-testid="task-error" />
      )}
      {outbox.waiting && (
        <Alert
          type="warning"
          showIcon
          message={t('offline.keptOnForm')}
          description={t('offline.keptHelp')}
          style={{ marginBottom: 16 }}
          data-testid="task-kept"
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        loading={busy}
        disabled={!!outbox.waiting}
        data-testid={`complete-${task.key}`}
      >
        {t('detail.complete')}
      </Button>
    </Form>
  );
}

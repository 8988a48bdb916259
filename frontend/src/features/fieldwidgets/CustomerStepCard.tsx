import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CustomerStep } from '../../api/types';
import { describeError } from '../../shared/errors';
import { fieldWidgetsApi } from './api';
import { SignatureField } from './SignatureField';

/** Longest reason/remark the portal takes (the server checks too). */
const TEXT_MAX = 2000;
const NAME_MAX = 100;

interface Props {
  ticketId: number;
  step: CustomerStep;
  /** Reloads the case file after an answer (or when the step was answered elsewhere). */
  onDone: () => Promise<void>;
}

/** What a field step asks of the customer in the portal: review the recovery plan, or confirm the work. */
export function CustomerStepCard({ ticketId, step, onDone }: Props) {
  if (step.kind === 'PLAN_REVIEW')
    return <PlanReviewCard ticketId={ticketId} plan={step.recoveryPlan} onDone={onDone} />;
  if (step.kind === 'COMPLETION_CONFIRMATION') {
    return <CompletionCard ticketId={ticketId} workDone={step.workDone} onDone={onDone} />;
  }
  return null;
}

/**
 * Answers a submit's failure: 409 → the step is gone (answered elsewhere), reload; field errors → on the
 * form where the field is there; anything else → one line.
 */
function useAnswerErrors(onDone: () => Promise<void>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const handle = async (e: unknown, setFields: (errors: { field: string; message: string }[]) => string[]) => {
    if (e instanceof ApiError && e.status === 409) {
      message.warning(t('fieldWidgets.portal.gone'));
      setError(null);
      await onDone();
    } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
      const shown = new Set(setFields(e.fieldErrors));
      const elsewhere = e.fieldErrors.filter((fe) => !shown.has(fe.field));
      setError(elsewhere.length > 0 ? elsewhere.map((fe) => fe.message).join('; ') : t('validation.serverRejected'));
    } else {
      setError(t('fieldWidgets.portal.failed', { reason: describeError(e, t) }));
    }
  };
  return { error, setError, handle };
}

interface ReviewValues {
  reason?: string;
}

function PlanReviewCard({
  ticketId,
  plan,
  onDone,
}: {
  ticketId: number;
  plan?: string | null;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const { error, setError, handle } = useAnswerErrors(onDone);

  const send = async (approved: boolean, reason: string) => {
    setBusy(approved ? 'approve' : 'reject');
    setError(null);
    try {
      await fieldWidgetsApi.planReview(ticketId, { approved, reason });
      message.success(t(approved ? 'fieldWidgets.portal.planApproved' : 'fieldWidgets.portal.planRejected'));
      await onDone();
    } catch (e) {
      await handle(e, (errors) => {
        const onForm = errors.filter((fe) => fe.field === 'reason');
        form.setFields(onForm.map((fe) => ({ name: 'reason', errors: [fe.message] })));
        return onForm.map((fe) => fe.field);
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('fieldWidgets.portal.planTitle')} data-testid="plan-review">
      <Typography.Paragraph type="secondary">{t('fieldWidgets.portal.planIntro')}</Typography.Paragraph>
      <Typography.Paragraph
        data-testid="plan-review-plan"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: '#fafafa', padding: 12, borderRadius: 6 }}
      >
        {plan || t('common.empty')}
      </Typography.Paragraph>
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        name="plan-review"
        onFinish={(values) => void send(false, values.reason?.trim() ?? '')}
      >
        {rejecting && (
          <Form.Item
            name="reason"
            label={t('fieldWidgets.portal.rejectReason')}
            rules={[
              { required: true, whitespace: true, message: t('fieldWidgets.portal.reasonRequired') },
              {
                max: TEXT_MAX,
                message: t('validation.maxLength', { field: t('fieldWidgets.portal.rejectReason'), max: TEXT_MAX }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={TEXT_MAX} showCount data-testid="plan-review-reason" />
          </Form.Item>
        )}
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="plan-review-error" />
        )}
        <Space wrap>
          {!rejecting && (
            <Button
              type="primary"
              loading={busy === 'approve'}
              disabled={busy !== null}
              onClick={() => void send(true, '')}
              data-testid="plan-approve"
            >
              {t('fieldWidgets.portal.approve')}
            </Button>
          )}
          {rejecting ? (
            <>
              <Button danger htmlType="submit" loading={busy === 'reject'} data-testid="plan-reject-submit">
                {t('fieldWidgets.portal.rejectSubmit')}
              </Button>
              <Button onClick={() => setRejecting(false)} disabled={busy !== null} data-testid="plan-reject-cancel">
                {t('fieldWidgets.portal.cancel')}
              </Button>
            </>
          ) : (
            <Button danger disabled={busy !== null} onClick={() => setRejecting(true)} data-testid="plan-reject">
              {t('fieldWidgets.portal.reject')}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}

interface ConfirmValues {
  testerName?: string;
  signatureAttachmentId?: number | null;
  remark?: string;
}

const CONFIRM_FIELDS = new Set(['testerName', 'signatureAttachmentId', 'remark']);

function CompletionCard({
  ticketId,
  workDone,
  onDone,
}: {
  ticketId: number;
  workDone?: string | null;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConfirmValues>();
  /** false: confirming with a signature; true: saying it is not done (a reason is asked for). */
  const [notDone, setNotDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, setError, handle } = useAnswerErrors(onDone);

  const send = async (values: ConfirmValues) => {
    setBusy(true);
    setError(null);
    try {
      await fieldWidgetsApi.confirmCompletion(ticketId, {
        testerName: values.testerName?.trim() ?? '',
        confirmed: !notDone,
        signatureAttachmentId: values.signatureAttachmentId ?? null,
        remark: values.remark?.trim() ?? '',
      });
      message.success(t(notDone ? 'fieldWidgets.portal.notDoneSent' : 'fieldWidgets.portal.confirmed'));
      await onDone();
    } catch (e) {
      await handle(e, (errors) => {
        const onForm = errors.filter((fe) => CONFIRM_FIELDS.has(fe.field));
        form.setFields(onForm.map((fe) => ({ name: fe.field as keyof ConfirmValues, errors: [fe.message] })));
        return onForm.map((fe) => fe.field);
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('fieldWidgets.portal.confirmTitle')} data-testid="completion-confirmation">
      <Typography.Paragraph type="secondary">{t('fieldWidgets.portal.confirmIntro')}</Typography.Paragraph>
      <Typography.Text strong>{t('fieldWidgets.portal.workDone')}</Typography.Text>
      <Typography.Paragraph
        data-testid="completion-work-done"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: '#fafafa', padding: 12, borderRadius: 6 }}
      >
        {workDone || t('common.empty')}
      </Typography.Paragraph>
      <Form<ConfirmValues> form={form} layout="vertical" name="completion-confirmation" onFinish={(v) => void send(v)}>
        <Form.Item
          name="testerName"
          label={t('fieldWidgets.portal.testerName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('fieldWidgets.portal.testerName') }),
            },
          ]}
        >
          <Input maxLength={NAME_MAX} data-testid="completion-tester" autoComplete="name" />
        </Form.Item>
        {notDone ? (
          <Form.Item
            name="remark"
            label={t('fieldWidgets.portal.notDoneReason')}
            rules={[{ required: true, whitespace: true, message: t('fieldWidgets.portal.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={TEXT_MAX} showCount data-testid="completion-remark" />
          </Form.Item>
        ) : (
          <Form.Item
            name="signatureAttachmentId"
            label={t('fieldWidgets.portal.signature')}
            rules={[{ required: true, message: t('fieldWidgets.portal.signatureRequired') }]}
          >
            <SignatureField ticketId={ticketId} testId="completion-signature" />
          </Form.Item>
        )}
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="completion-error" />
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="completion-submit">
            {t(notDone ? 'fieldWidgets.portal.notDoneSubmit' : 'fieldWidgets.portal.confirm')}
          </Button>
          <Button
            disabled={busy}
            onClick={() => {
              setNotDone(!notDone);
              setError(null);
            }}
            data-testid="completion-toggle"
          >
            {t(notDone ? 'fieldWidgets.portal.backToConfirm' : 'fieldWidgets.portal.notDone')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

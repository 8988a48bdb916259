import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ticketsApi } from './api';

/** Longest reason the server takes (WaiveVerification.MAX_REASON). */
const MAX_REASON = 1000;

/**
 * Issue 14: a device without probe settings fails verification as "not configured". The desk may waive that for
 * this case with a reason; the waiver is then shown with the probe evidence. The server decides who may
 * (waiverOffered) and refuses anything else anyway.
 */
export function VerificationWaiverPanel({
  ticket,
  onChanged,
}: {
  ticket: TicketDetail;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const waiver = ticket.verificationWaiver;

  if (!waiver && !ticket.waiverOffered) return null;

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setProblem(null);
    try {
      await ticketsApi.waiveVerification(ticket.id, reason.trim());
      message.success(t('waiver.done'));
      setOpen(false);
      await onChanged();
    } catch (e) {
      setProblem(describeError(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
      {waiver && (
        <Alert
          type="warning"
          showIcon
          data-testid="verification-waiver"
          style={{ overflowWrap: 'anywhere' }}
          message={t('waiver.shown', {
            by: waiver.waivedBy,
            at: formatDateTime(waiver.waivedAt),
            reason: waiver.reason,
          })}
        />
      )}
      {ticket.waiverOffered && (
        <Button onClick={() => setOpen(true)} data-testid="verification-waive">
          {t('waiver.button')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('waiver.title')}
        okText={t('waiver.submit')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnClose
        data-testid="verification-waiver-form"
      >
        <Alert type="info" message={t('waiver.explain')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          <Form.Item
            name="reason"
            label={t('waiver.reason')}
            rules={[{ required: true, whitespace: true, message: t('waiver.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={MAX_REASON} showCount data-testid="verification-waiver-reason" />
          </Form.Item>
        </Form>
        {problem && <Alert type="error" message={problem} />}
      </Modal>
    </Space>
  );
}

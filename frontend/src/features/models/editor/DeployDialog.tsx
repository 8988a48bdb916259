import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelDeployment, ModelViolation } from '../../../api/types';
import { describeError } from '../../../shared/errors';

export type DeployOutcome =
  | { kind: 'deployed'; deployment: ModelDeployment }
  | { kind: 'rejected'; violations: ModelViolation[]; detail: string };

/** Asks what changed, then deploys; a rejection (400) is handed back, other errors stay in the dialog. */
export function DeployDialog({
  fileName,
  latestVersion,
  comment: initialComment,
  onCommentChange,
  deploy,
  onDone,
  onCancel,
}: {
  fileName: string;
  latestVersion?: number;
  /** The comment typed before (kept when a rejected deployment is retried). */
  comment?: string;
  onCommentChange?: (comment: string) => void;
  deploy: (comment: string) => Promise<DeployOutcome>;
  onDone: (outcome: DeployOutcome) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    let comment: string;
    try {
      ({ comment } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setError(undefined);
    try {
      onDone(await deploy(comment.trim()));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('editor.deployTitle')}
      okText={t('editor.deployConfirm')}
      cancelText={t('migration.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      maskClosable={!busy}
      okButtonProps={{ 'data-testid': 'deploy-confirm' }}
    >
      <Typography.Paragraph>
        {latestVersion != null
          ? t('editor.deployText', { fileName, version: latestVersion + 1 })
          : t('editor.deployTextNew', { fileName })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ comment: initialComment ?? '' }}
        onValuesChange={(_, all) => onCommentChange?.(all.comment ?? '')}
      >
        <Form.Item
          name="comment"
          label={t('editor.deployComment')}
          rules={[{ required: true, whitespace: true, message: t('editor.deployCommentRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            autoFocus
            data-testid="deploy-comment"
            placeholder={t('editor.deployCommentPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="deploy-error" />}
    </Modal>
  );
}

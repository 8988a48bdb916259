import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { acceptLanguage } from '../../i18n';
import { showable } from '../../api/readable';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useIsPhone } from '../../shared/useIsPhone';
import { useSendOnce } from '../../shared/useSendOnce';
import { HOTLINE_LIMITS, hotlineApi, hotlineKeys, type HotlineCallView } from './api';

interface Values {
  note?: string;
}

/**
 * 登记回拨: the desk called a missed caller back, with an optional note. The OK button shows it is sending and cannot
 * send twice; the server's check of the note is shown under it. After a 409 (someone recorded the callback first)
 * the server's sentence is shown (a Chinese one of ours when the server's is not in the reader's language) and the
 * calls are read again.
 */
export function CallbackModal({ call, onClose }: { call: HotlineCallView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const max = HOTLINE_LIMITS.callbackNote;

  const { ok, busy, error, setError } = useSendOnce(
    form,
    async (values) => {
      const view = await hotlineApi.callback(call.id, { note: values.note?.trim() || null });
      // the row shows the callback at once; the lists and the 待回拨 count are read again behind it
      queryClient.setQueriesData<HotlineCallView[]>({ queryKey: hotlineKeys.calls }, (rows) =>
        rows?.map((r) => (r.id === view.id ? view : r)),
      );
      void queryClient.invalidateQueries({ queryKey: hotlineKeys.all });
      message.success(t('hotline.callbackSaved'));
      onClose();
    },
    (e) => {
      const noteErrors =
        e instanceof ApiError && e.status === 400 ? e.fieldErrors.filter((f) => f.field === 'note') : [];
      if (noteErrors.length > 0) {
        form.setFields([{ name: 'note', errors: noteErrors.map((f) => f.message) }]);
      } else if (e instanceof ApiError && e.status === 409) {
        setError(
          showable(e.message, acceptLanguage() === 'zh-CN') && !/^HTTP \d+$/.test(e.message)
            ? e.message
            : t('hotline.errors.callbackDone'),
        );
        // someone recorded it first: show the calls as they are now
        void queryClient.invalidateQueries({ queryKey: hotlineKeys.all });
      } else {
        setError(describeError(e, t));
      }
    },
  );

  return (
    <Modal
      open
      title={t('hotline.callbackTitle', { number: call.callerNumber })}
      okText={t('hotline.callbackSave')}
      cancelText={t('hotline.close')}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: busy, ...({ 'data-testid': 'hotline-callback-ok' } as object) }}
      width={phone ? '100%' : 520}
      style={phone ? { top: 8, maxWidth: '100vw', paddingInline: 0 } : undefined}
      destroyOnHidden
      maskClosable={!busy}
      data-testid="hotline-callback-modal"
    >
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('hotline.callbackHelp', { number: call.callerNumber, at: formatDateTime(call.startedAt) })}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={t('hotline.callbackNote')}
          rules={[{ max, message: t('validation.maxLength', { field: t('hotline.callbackNote'), max }) }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={max}
            showCount
            placeholder={t('hotline.callbackNotePlaceholder')}
            data-testid="hotline-callback-note"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="hotline-callback-error" />}
    </Modal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { acceptLanguage } from '../../i18n';
import { showable } from '../../api/readable';
import { ActionModal } from '../../shared/ActionModal';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { HOTLINE_LIMITS, hotlineApi, hotlineKeys, type HotlineCallView } from './api';

interface Values {
  note?: string;
}

/**
 * 登记回拨 in the shared ActionModal: the desk called a missed caller back, with an optional note; the server's check
 * of the note is shown under it. After a 409 (someone recorded the callback first) the server's sentence is shown (a
 * Chinese one of ours when the server's is not in the reader's language) and the calls are read again.
 */
export function CallbackModal({ call, onClose }: { call: HotlineCallView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const max = HOTLINE_LIMITS.callbackNote;

  return (
    <ActionModal<Values, HotlineCallView>
      title={t('hotline.callbackTitle', { number: call.callerNumber })}
      okText={t('hotline.callbackSave')}
      cancelText={t('hotline.close')}
      testIds={{ modal: 'hotline-callback-modal', ok: 'hotline-callback-ok', error: 'hotline-callback-error' }}
      send={(values) => hotlineApi.callback(call.id, { note: values.note?.trim() || null })}
      onSent={(view) => {
        // the row shows the callback at once; the lists and the 待回拨 count are read again behind it
        queryClient.setQueriesData<HotlineCallView[]>({ queryKey: hotlineKeys.calls }, (rows) =>
          rows?.map((r) => (r.id === view.id ? view : r)),
        );
        void queryClient.invalidateQueries({ queryKey: hotlineKeys.all });
      }}
      done={t('hotline.callbackSaved')}
      onClose={onClose}
      // someone recorded it first: show the calls as they are now
      onConflict={() => void queryClient.invalidateQueries({ queryKey: hotlineKeys.all })}
      fieldName={(field) => (field === 'note' ? 'note' : undefined)}
      describeError={(e) =>
        e instanceof ApiError && e.status === 409
          ? showable(e.message, acceptLanguage() === 'zh-CN') && !/^HTTP \d+$/.test(e.message)
            ? e.message
            : t('hotline.errors.callbackDone')
          : describeError(e, t)
      }
    >
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('hotline.callbackHelp', { number: call.callerNumber, at: formatDateTime(call.startedAt) })}
      </Typography.Paragraph>
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
    </ActionModal>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionModal } from '../../shared/ActionModal';
import { formatDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/tags';
import { CasePicker } from '../caselink';
import { CHANGE_LIMITS, changeKeys, changesApi, type CausedFault, type ChangeCaseRef, type ChangeView } from './api';
import { describeChangeError, formField } from './parts';

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

interface MarkValues {
  ticketId?: number;
  note?: string;
}

/**
 * 判定为此变更引起 (RP-5): a supervisor judges a fault caused by the change, with an optional 说明. `fixed`: a case of
 * 变更后报修的工单, shown by name; without it the supervisor searches for any fault of the unit reported since the
 * window's start (the case-link picker). Afterwards the change is shown as the server now has it; after a 409 (already
 * marked by someone else, or the change not started) it is read again.
 */
export function MarkCausedFaultModal({
  change,
  fixed,
  onClose,
}: {
  change: ChangeView;
  fixed?: ChangeCaseRef;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const noteLabel = t('changes.causedFaults.note');
  return (
    <ActionModal<MarkValues, ChangeView>
      title={t('changes.causedFaults.markTitle')}
      okText={t('changes.causedFaults.submit')}
      cancelText={t('changes.actions.close')}
      testIds={{ modal: 'change-mark-fault-modal', ok: 'change-mark-fault-ok', error: 'change-action-error' }}
      width={560}
      send={(v) =>
        changesApi.markCausedFault(change.id, {
          ticketId: fixed ? fixed.id : v.ticketId!,
          note: v.note?.trim() || null,
        })
      }
      onSent={(view) => {
        queryClient.setQueryData(changeKeys.detail(change.id), view);
        void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      }}
      onConflict={() => void queryClient.invalidateQueries({ queryKey: changeKeys.all })}
      done={t('changes.causedFaults.marked')}
      onClose={onClose}
      fieldName={(field) => {
        const name = formField(field);
        if (name === 'note') return 'note';
        // a fixed case has no field of its own: its refusal goes in the line above the buttons
        return name === 'ticketId' && !fixed ? 'ticketId' : undefined;
      }}
      describeError={(e) => describeChangeError(e, t, change.leadHours)}
    >
      {fixed ? (
        <Typography.Paragraph data-testid="change-mark-fault-case" style={textStyle}>
          {t('changes.causedFaults.case')}：{fixed.number} {fixed.title}
        </Typography.Paragraph>
      ) : (
        <Form.Item
          name="ticketId"
          label={t('changes.causedFaults.case')}
          extra={t('changes.causedFaults.pickHelp')}
          rules={[{ required: true, message: t('validation.choose', { field: t('changes.causedFaults.case') }) }]}
        >
          <CasePicker testId="change-mark-fault-picker" />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={noteLabel}
        rules={[
          {
            max: CHANGE_LIMITS.causedFaultNote,
            message: t('validation.maxLength', { field: noteLabel, max: CHANGE_LIMITS.causedFaultNote }),
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={CHANGE_LIMITS.causedFaultNote}
          placeholder={t('changes.causedFaults.notePlaceholder')}
          data-testid="change-mark-fault-note"
        />
      </Form.Item>
    </ActionModal>
  );
}

function CausedFaultLine({ change, fault }: { change: ChangeView; fault: CausedFault }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unmark = async () => {
    try {
      const view = await changesApi.unmarkCausedFault(change.id, fault.id);
      queryClient.setQueryData(changeKeys.detail(change.id), view);
      message.success(t('changes.causedFaults.unmarked'));
    } catch (e) {
      message.error(describeChangeError(e, t, change.leadHours));
    }
    void queryClient.invalidateQueries({ queryKey: changeKeys.all });
  };
  return (
    <div data-testid={`change-caused-${fault.id}`} style={textStyle}>
      <Space size={4} wrap>
        <Link to={`/tickets/${fault.id}`}>{fault.number}</Link>
        <span style={textStyle}>{fault.title}</span>
        <StatusTag status={fault.status} />
        {change.actions.markCausedFault && (
          <Popconfirm
            title={t('changes.causedFaults.unmarkConfirm', { number: fault.number })}
            okText={t('changes.causedFaults.unmark')}
            cancelText={t('changes.actions.close')}
            okButtonProps={{ danger: true, ...({ 'data-testid': `change-unmark-fault-ok-${fault.id}` } as object) }}
            onConfirm={() => void unmark()}
          >
            <Button size="small" type="link" danger data-testid={`change-unmark-fault-${fault.id}`}>
              {t('changes.causedFaults.unmark')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[fault.deviceName, t('changes.casesAfter.reportedAt', { at: formatDateTime(fault.reportedAt) })]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </div>
      {fault.note && (
        <div style={textStyle} data-testid={`change-caused-note-${fault.id}`}>
          {t('changes.causedFaults.noteLine', { note: fault.note })}
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('changes.causedFaults.markedBy', {
          name: fault.markedByName ?? fault.markedBy,
          at: formatDateTime(fault.markedAt),
        })}
      </Typography.Text>
    </div>
  );
}

/**
 * 由此变更引起的故障 (RP-5): the faults a supervisor judged caused by the change, oldest mark first, and (the view's
 * markCausedFault) 撤销 on each and a way to judge a fault that is not among 变更后报修的工单. Staff only: a customer's
 * user gets no causedFaults from the server, and sees nothing.
 */
export function CausedFaults({ c }: { c: ChangeView }) {
  const { t } = useTranslation();
  const [marking, setMarking] = useState(false);
  if (c.causedFaults == null) return null;
  const faults = c.causedFaults;
  const mayMark = c.actions.markCausedFault;
  if (faults.length === 0 && !mayMark) return null;
  return (
    <Card
      size="small"
      title={t('changes.causedFaults.title')}
      style={{ marginBottom: 16 }}
      data-testid="change-caused-faults"
      extra={
        mayMark && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setMarking(true)}
            data-testid="change-mark-other-fault"
          >
            {t('changes.causedFaults.markOther')}
          </Button>
        )
      }
    >
      {faults.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.causedFaults.empty')} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {faults.map((f) => (
            <CausedFaultLine key={f.id} change={c} fault={f} />
          ))}
        </Space>
      )}
      {marking && <MarkCausedFaultModal change={c} onClose={() => setMarking(false)} />}
    </Card>
  );
}

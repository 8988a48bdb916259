import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionModal, type ActionModalProps } from '../../shared/ActionModal';
import { useFormRules } from '../../shared/formRules';
import { serviceWallClockNow, serviceWallClockToInstant } from '../../shared/format';
import {
  SECURITY_IMPACTS,
  SECURITY_INCIDENT_LIMITS,
  securityIncidentKeys,
  securityIncidentsApi,
  type SecurityImpact,
  type SecurityIncidentView,
} from './api';
import { codeLabel, describeIncidentError, formField } from './parts';
import { notBefore, notInFuture, PICKER_PROPS } from './timeRules';

type Kind = 'take' | 'note' | 'told' | 'close';

/** The fields of each action's form: the server's field errors for these are shown under them. */
const FIELDS: Record<Kind, string[]> = {
  take: [],
  note: ['note'],
  told: ['toldAt', 'how'],
  close: ['impact', 'measures', 'conclusion'],
};

type ModalProps<V> = Pick<
  ActionModalProps<V, SecurityIncidentView>,
  'title' | 'okText' | 'initialValues' | 'send' | 'done' | 'onClose' | 'children'
> & { incident: SecurityIncidentView; kind: Kind };

/**
 * One action on an incident in the shared ActionModal; a 409 is refused in the server's words. Afterwards the incident
 * is shown as the server now has it; after a 409 it is read again.
 */
function IncidentActionModal<V extends object>({ incident, kind, ...props }: ModalProps<V>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const known = new Set(FIELDS[kind]);
  return (
    <ActionModal<V, SecurityIncidentView>
      {...props}
      cancelText={t('securityIncidents.actions.cancel')}
      testIds={{ modal: `sec-${kind}-modal`, ok: `sec-${kind}-ok`, error: 'sec-action-error' }}
      width={560}
      onSent={(view) => {
        queryClient.setQueryData(securityIncidentKeys.detail(incident.id), view);
        void queryClient.invalidateQueries({ queryKey: securityIncidentKeys.all });
      }}
      // the incident moved on meanwhile: show it as it is now
      onConflict={() => void queryClient.invalidateQueries({ queryKey: securityIncidentKeys.all })}
      fieldName={(field) => (known.has(formField(field)) ? formField(field) : undefined)}
      describeError={(e) => describeIncidentError(e, t)}
    />
  );
}

/**
 * What a supervisor or administrator may do now: 接手调查 (the view's canTake), then 添加调查记录, 记录已告知用户单位 (until
 * it is recorded) and 结案 (the view's canHandle). Nothing for anyone else.
 */
export function SecurityIncidentActionBar({ incident }: { incident: SecurityIncidentView }) {
  const { t } = useTranslation();
  const { required, choose, max } = useFormRules();
  const [open, setOpen] = useState<Kind | null>(null);
  if (!incident.canTake && !incident.canHandle) return null;
  const close = () => setOpen(null);
  const told = !!incident.customerToldAt;
  const L = SECURITY_INCIDENT_LIMITS;

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="sec-actions">
        {incident.canTake && (
          <Button type="primary" onClick={() => setOpen('take')} data-testid="sec-take">
            {t('securityIncidents.actions.take')}
          </Button>
        )}
        {incident.canHandle && (
          <>
            <Button onClick={() => setOpen('note')} data-testid="sec-note">
              {t('securityIncidents.actions.note')}
            </Button>
            {!told && (
              <Button onClick={() => setOpen('told')} data-testid="sec-told">
                {t('securityIncidents.actions.told')}
              </Button>
            )}
            <Button type="primary" onClick={() => setOpen('close')} data-testid="sec-close">
              {t('securityIncidents.actions.close')}
            </Button>
          </>
        )}
      </Flex>

      {open === 'take' && (
        <IncidentActionModal<object>
          incident={incident}
          kind="take"
          title={t('securityIncidents.actions.takeTitle', { number: incident.number })}
          okText={t('securityIncidents.actions.take')}
          done={t('securityIncidents.actions.taken')}
          send={() => securityIncidentsApi.take(incident.id)}
          onClose={close}
        >
          {() => <Typography.Paragraph>{t('securityIncidents.actions.takeHelp')}</Typography.Paragraph>}
        </IncidentActionModal>
      )}

      {open === 'note' && (
        <IncidentActionModal<{ note?: string }>
          incident={incident}
          kind="note"
          title={t('securityIncidents.actions.note')}
          okText={t('securityIncidents.actions.save')}
          done={t('securityIncidents.actions.noted')}
          send={(v) => securityIncidentsApi.note(incident.id, { note: v.note!.trim() })}
          onClose={close}
        >
          {() => (
            <Form.Item
              name="note"
              label={t('securityIncidents.field.note')}
              rules={[required('securityIncidents.field.note'), max('securityIncidents.field.note', L.note)]}
            >
              <Input.TextArea
                rows={4}
                showCount
                maxLength={L.note}
                placeholder={t('securityIncidents.actions.notePlaceholder')}
                data-testid="sec-note-text"
              />
            </Form.Item>
          )}
        </IncidentActionModal>
      )}

      {open === 'told' && (
        <IncidentActionModal<{ toldAt?: Dayjs | null; how?: string }>
          incident={incident}
          kind="told"
          title={t('securityIncidents.actions.told')}
          okText={t('securityIncidents.actions.save')}
          done={t('securityIncidents.actions.toldSaved')}
          initialValues={{ toldAt: serviceWallClockNow() }}
          send={(v) =>
            securityIncidentsApi.customerTold(incident.id, {
              toldAt: serviceWallClockToInstant(v.toldAt!),
              how: v.how!.trim(),
            })
          }
          onClose={close}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">
                {t('securityIncidents.actions.toldHelp', { unit: incident.customerName })}
              </Typography.Paragraph>
              <Form.Item
                name="toldAt"
                label={t('securityIncidents.field.toldAt')}
                rules={[choose('securityIncidents.field.toldAt'), notInFuture(t), notBefore(incident.occurredAt, t)]}
              >
                <DatePicker data-testid="sec-told-at" {...PICKER_PROPS} />
              </Form.Item>
              <Form.Item
                name="how"
                label={t('securityIncidents.field.how')}
                rules={[required('securityIncidents.field.how'), max('securityIncidents.field.how', L.how)]}
              >
                <Input
                  maxLength={L.how}
                  placeholder={t('securityIncidents.actions.howPlaceholder')}
                  data-testid="sec-told-how"
                />
              </Form.Item>
            </>
          )}
        </IncidentActionModal>
      )}

      {open === 'close' && (
        <IncidentActionModal<{ impact?: SecurityImpact; measures?: string; conclusion?: string }>
          incident={incident}
          kind="close"
          title={t('securityIncidents.actions.closeTitle', { number: incident.number })}
          okText={t('securityIncidents.actions.close')}
          done={t('securityIncidents.actions.closed')}
          initialValues={{ impact: incident.impact }}
          send={(v) =>
            securityIncidentsApi.close(incident.id, {
              impact: v.impact!,
              measures: v.measures!.trim(),
              conclusion: v.conclusion!.trim(),
              // the incident as the page read it: a change by someone else meanwhile is refused (409)
              revision: incident.revision,
            })
          }
          onClose={close}
        >
          {() => (
            <>
              {!told && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={t('securityIncidents.actions.closeNotTold')}
                  data-testid="sec-close-not-told"
                />
              )}
              <Form.Item
                name="impact"
                label={t('securityIncidents.field.finalImpact')}
                extra={t('securityIncidents.actions.finalImpactHelp')}
                rules={[choose('securityIncidents.field.finalImpact')]}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="sec-close-impact"
                  options={SECURITY_IMPACTS.map((i) => ({ value: i, label: codeLabel(t, 'securityImpact', i) }))}
                />
              </Form.Item>
              <Form.Item
                name="measures"
                label={t('securityIncidents.field.measures')}
                rules={[
                  required('securityIncidents.field.measures'),
                  max('securityIncidents.field.measures', L.measures),
                ]}
              >
                <Input.TextArea rows={4} showCount maxLength={L.measures} data-testid="sec-close-measures" />
              </Form.Item>
              <Form.Item
                name="conclusion"
                label={t('securityIncidents.field.conclusion')}
                rules={[
                  required('securityIncidents.field.conclusion'),
                  max('securityIncidents.field.conclusion', L.conclusion),
                ]}
              >
                <Input.TextArea rows={3} showCount maxLength={L.conclusion} data-testid="sec-close-conclusion" />
              </Form.Item>
            </>
          )}
        </IncidentActionModal>
      )}
    </>
  );
}

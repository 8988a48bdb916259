import { Alert, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { alarmApi, alarmKeys, type CaseAlarm } from './api';

const STATE_COLOR: Record<CaseAlarm['state'], string> = {
  FIRING: 'error',
  ACKNOWLEDGED: 'warning',
  RESOLVED: 'success',
};

/**
 * The monitoring alarms behind a case, shown next to the probe results: the monitoring system's word that the alarm
 * cleared is evidence for whoever verifies the repair (not a verdict). Shows nothing for a case no alarm opened.
 */
export function CaseAlarms({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const alarms = useQuery({ queryKey: alarmKeys.caseAlarms(ticketId), queryFn: () => alarmApi.caseAlarms(ticketId) });
  if (!alarms.data || alarms.data.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-alarms">
      {alarms.data.map((a) => (
        <div key={`${a.source}-${a.dedupKey}-${a.firstAt}`} data-testid="case-alarm" data-state={a.state}>
          <Space size={4} wrap>
            <Tag color={STATE_COLOR[a.state]}>{t(`alarmState.${a.state}`)}</Tag>
            <Tag>{t(`alarmSeverity.${a.severity}`)}</Tag>
            <Typography.Text strong>{a.source}</Typography.Text>
            <Typography.Text style={{ wordBreak: 'break-word' }}>{a.summary}</Typography.Text>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {t('alarms.case.fired', {
                count: a.triggerCount,
                first: formatDateTime(a.firstAt),
                last: formatDateTime(a.lastTriggeredAt),
              })}
            </Typography.Text>
          </div>
          {a.resolvedAt && (
            <Alert
              type={a.state === 'RESOLVED' ? 'success' : 'info'}
              showIcon
              style={{ marginTop: 4 }}
              data-testid="case-alarm-recovered"
              message={t('alarms.case.recovered', { source: a.source, time: formatDateTime(a.resolvedAt) })}
              description={a.state === 'RESOLVED' ? undefined : t('alarms.case.firedAgain')}
            />
          )}
          {a.flappingNotedAt && (
            <Typography.Text type="warning">
              {t('alarms.case.flapping', { time: formatDateTime(a.flappingNotedAt) })}
            </Typography.Text>
          )}
        </div>
      ))}
    </Space>
  );
}

import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { mailIntakeApi, mailIntakeKeys, type MailIntakeRow, type MailOutcome } from './mailIntakeApi';
import { ResponsiveTable } from './ResponsiveTable';

const OUTCOME_COLORS: Record<MailOutcome, string> = {
  OPENED: 'blue',
  THREADED: 'green',
  REOPENED: 'orange',
  FOLLOW_UP: 'purple',
  DROPPED: 'default',
};

/** A window in hours as the admin reads it: whole days as days, else hours. */
function windowText(hours: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  return hours > 0 && hours % 24 === 0 ? t('mailIntake.days', { n: hours / 24 }) : t('mailIntake.hours', { n: hours });
}

/** 邮件接入: the intake mailbox's settings, its last poll and error, and the last mails with what was done with each. */
export function MailIntakeTab() {
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: mailIntakeKeys.status,
    queryFn: () => mailIntakeApi.status(),
    refetchInterval: 30_000,
  });
  const s = status.data;
  const errorIsCurrent =
    s?.lastError != null && (s.lastSuccessAt == null || (s.lastErrorAt ?? '') >= (s.lastSuccessAt ?? ''));

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="mail-intake">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('mailIntake.intro')}
      </Typography.Paragraph>
      {status.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(status.error, t) })} />
      )}
      {s && !s.enabled && <Alert type="info" showIcon message={t('mailIntake.off')} data-testid="mail-intake-off" />}
      {s && errorIsCurrent && s.lastError && (
        <Alert
          type="error"
          showIcon
          data-testid="mail-intake-error"
          message={t('mailIntake.lastError', {
            time: formatDateTime(s.lastErrorAt),
            error: t(`mailIntake.errors.${s.lastError}`),
          })}
          description={
            s.lastErrorDetail ? (
              <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                {t('mailIntake.serverSaid', { detail: s.lastErrorDetail })}
              </Typography.Text>
            ) : undefined
          }
        />
      )}
      {s && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="mail-intake-settings">
          <Descriptions.Item label={t('mailIntake.status')}>
            <Tag color={s.enabled ? 'green' : 'default'}>{t(s.enabled ? 'mailIntake.on' : 'mailIntake.offShort')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.server')}>
            <span style={{ wordBreak: 'break-all' }}>
              {s.host ? `${s.host}:${s.port ?? ''}${s.ssl ? ' (SSL)' : ''}` : t('common.empty')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.mailbox')}>
            <span style={{ wordBreak: 'break-all' }}>
              {s.username ? `${s.username} / ${s.folder}` : t('common.empty')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.interval')}>
            {t('mailIntake.seconds', { n: s.pollIntervalSeconds })}
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.signIn')}>
            <span data-testid="mail-intake-auth">{t(`mailIntake.auth.${s.auth}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.afterReading')}>
            <span style={{ wordBreak: 'break-all' }} data-testid="mail-intake-folders">
              {s.processedFolder && s.droppedFolder
                ? t('mailIntake.moved', { processed: s.processedFolder, dropped: s.droppedFolder })
                : t('mailIntake.notMoved')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.closedCases')}>
            <span data-testid="mail-intake-reopen">
              {t('mailIntake.reopenWindow', { window: windowText(s.reopenWindowHours, t) })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.lastPoll')}>
            <span data-testid="mail-intake-last-poll">
              {s.lastPollAt ? formatDateTime(s.lastPollAt) : t('mailIntake.never')}
              {s.lastPollAt && s.polledBy ? ` · ${t('mailIntake.polledBy', { node: s.polledBy })}` : ''}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.lastSuccess')}>
            {s.lastSuccessAt ? formatDateTime(s.lastSuccessAt) : t('mailIntake.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.lastCounts')}>
            <span data-testid="mail-intake-counts">{t('mailIntake.counts', { ...s.lastPoll })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('mailIntake.triage')}>
            {t(s.triageSiteSet ? 'mailIntake.triageSet' : 'mailIntake.triageUnset')}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Title level={5} style={{ marginBottom: 0 }}>
        {t('mailIntake.recent')}
      </Typography.Title>
      <ResponsiveTable<MailIntakeRow>
        testId="mail-intake-table"
        rows={s?.recent}
        loading={status.isFetching && !s}
        rowKey={(m) => m.id}
        empty={t('mailIntake.empty')}
        columns={[
          { key: 'receivedAt', title: t('mailIntake.receivedAt'), render: (m) => formatDateTime(m.receivedAt) },
          {
            key: 'sender',
            title: t('mailIntake.sender'),
            render: (m) => <span style={{ wordBreak: 'break-all' }}>{m.sender ?? t('common.empty')}</span>,
          },
          {
            key: 'subject',
            title: t('mailIntake.subject'),
            render: (m) => <span style={{ wordBreak: 'break-word' }}>{m.subject || t('mailText.noSubject')}</span>,
          },
          {
            key: 'outcome',
            title: t('mailIntake.outcome'),
            render: (m) => (
              <Space size={[4, 4]} wrap>
                <Tag color={OUTCOME_COLORS[m.outcome]} data-testid={`mail-outcome-${m.id}`}>
                  {t(`mailOutcome.${m.outcome}`)}
                </Tag>
                {m.reason && <span data-testid={`mail-reason-${m.id}`}>{t(`mailReason.${m.reason}`)}</span>}
                {m.ticketId != null && <Link to={`/tickets/${m.ticketId}`}>{m.ticketNumber ?? m.ticketId}</Link>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

import { Alert, Card, Collapse, Descriptions, Empty, Flex, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TicketClock, TicketClocks } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LevelTag } from '../../shared/tags';
import type { Stamped } from './api';
import { COUNTING_STATES, formatCountdown, formatSpan, formatTarget, remainingNow, useMonotonicNow } from './countdown';
import { clockLabel, ClockStateTag, EscalationTag, levelName, policyName } from './tags';

const HISTORY_COLORS: Record<string, string> = {
  STARTED: 'blue',
  PAUSED: 'gray',
  RESUMED: 'blue',
  RECALCULATED: 'purple',
  ESCALATED: 'red',
  DEESCALATED: 'green',
  MET: 'green',
  MISSED: 'red',
};

/** The line that matters most for a clock: live time left, frozen time left, or how it ended. */
function ClockStatus({ clock, receivedAt, now }: { clock: TicketClock; receivedAt: number; now: number }) {
  const { t } = useTranslation();
  const testId = `clock-status-${clock.clock}`;
  if (COUNTING_STATES.has(clock.state)) {
    const remaining = remainingNow(clock, receivedAt, now);
    if (remaining === null) return null;
    return (
      <span
        className={remaining < 0 ? 'overdue countdown' : 'countdown'}
        data-testid={testId}
        data-remaining={remaining}
      >
        {formatCountdown(remaining, t)}
      </span>
    );
  }
  if (clock.state === 'PAUSED' && clock.remainingSeconds != null) {
    const text =
      clock.remainingSeconds < 0
        ? formatCountdown(clock.remainingSeconds, t)
        : t('clocks.frozen', { time: formatSpan(clock.remainingSeconds, t, true) });
    return (
      <span className="countdown countdown-paused" data-testid={testId} data-remaining={clock.remainingSeconds}>
        {text}
      </span>
    );
  }
  if ((clock.state === 'MET' || clock.state === 'MISSED') && clock.marginSeconds != null) {
    const margin = clock.marginSeconds;
    const text =
      clock.state === 'MISSED' || margin < 0
        ? t('clocks.missedBy', { time: formatSpan(margin, t, true) })
        : margin === 0
          ? t('clocks.metOnTime')
          : t('clocks.metEarly', { time: formatSpan(margin, t, true) });
    return (
      <Typography.Text type={clock.state === 'MISSED' || margin < 0 ? 'danger' : 'success'} data-testid={testId}>
        {text}
      </Typography.Text>
    );
  }
  return null;
}

/**
 * What a clock-history line adds under its kind, in the reader's words. The server's milestone notes are
 * internal (a hold reason or status code, "policy THREE_LEVEL, via HOTLINE"), so only what reads as-is is
 * shown: why a clock paused, by its label, and who an escalation told (user names).
 */
function historyDetail(h: { kind: string; detail?: string | null }, t: TFunction): string | null {
  if (!h.detail) return null;
  if (h.kind === 'PAUSED') {
    return t(`holdReason.${h.detail}`, { defaultValue: t(`status.${h.detail}`, { defaultValue: '' }) }) || null;
  }
  if (h.kind === 'ESCALATED' || h.kind === 'DEESCALATED') return h.detail;
  return null;
}

function ClockHistory({ clock, t }: { clock: TicketClock; t: TFunction }) {
  const pauses = clock.pauses ?? [];
  const history = clock.history ?? [];
  return (
    <>
      {pauses.length > 0 && (
        <>
          <Typography.Text strong>{t('clocks.pauses')}</Typography.Text>
          <ul className="clock-pauses" data-testid={`clock-pauses-${clock.clock}`}>
            {pauses.map((p, i) => (
              <li key={i}>
                {t('clocks.pauseSpan', {
                  from: formatDateTime(p.from),
                  to: p.to ? formatDateTime(p.to) : t('clocks.stillPaused'),
                })}
                {p.reason && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t(`holdReason.${p.reason}`, { defaultValue: p.reason })}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {history.length > 0 ? (
        <Timeline
          style={{ marginTop: 8 }}
          items={history.map((h, i) => ({
            key: i,
            color: HISTORY_COLORS[h.kind] ?? 'blue',
            children: (
              <div data-testid="clock-history-entry" data-kind={h.kind}>
                <Tag bordered={false}>{t(`clockEvent.${h.kind}`, { defaultValue: h.kind })}</Tag>
                <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                {historyDetail(h, t) && <div data-testid="clock-history-detail">{historyDetail(h, t)}</div>}
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">{t('clocks.noHistory')}</Typography.Text>
      )}
    </>
  );
}

function ClockCard({ clock, receivedAt, now }: { clock: TicketClock; receivedAt: number; now: number }) {
  const { t } = useTranslation();
  const historyCount = (clock.history ?? []).length + (clock.pauses ?? []).length;
  return (
    <Card
      size="small"
      type="inner"
      className="clock-card"
      data-testid={`clock-${clock.clock}`}
      data-state={clock.state}
      data-risk={clock.risk}
      title={
        <Space size={4} wrap>
          <span>{clockLabel(t, clock.clock)}</span>
          <ClockStateTag state={clock.state} testId={`clock-state-${clock.clock}`} />
          {clock.escalationLevel > 0 && <EscalationTag level={clock.escalationLevel} name={clock.escalationName} />}
        </Space>
      }
      extra={<ClockStatus clock={clock} receivedAt={receivedAt} now={now} />}
    >
      <Flex gap="4px 16px" wrap>
        <span>
          <Typography.Text type="secondary">{t('clocks.target')}: </Typography.Text>
          <span data-testid={`clock-target-${clock.clock}`}>{formatTarget(clock.target, t)}</span>
          <Typography.Text type="secondary">
            {' '}
            ({t(`basis.${clock.basis}`, { defaultValue: clock.basis })})
          </Typography.Text>
        </span>
        <span>
          <Typography.Text type="secondary">{t('clocks.dueAt')}: </Typography.Text>
          {formatDateTime(clock.dueAt)}
        </span>
        {clock.stoppedAt && (
          <span>
            <Typography.Text type="secondary">{t('clocks.stopped')}: </Typography.Text>
            {formatDateTime(clock.stoppedAt)}
          </span>
        )}
        {!!clock.pausedSeconds && clock.pausedSeconds > 0 && (
          <Typography.Text type="secondary" data-testid={`clock-paused-total-${clock.clock}`}>
            {t('clocks.pausedTotal', { time: formatSpan(clock.pausedSeconds, t, true) })}
          </Typography.Text>
        )}
      </Flex>
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 4 }}
        items={[
          {
            key: 'history',
            label: (
              <span data-testid={`clock-history-toggle-${clock.clock}`}>
                {t('clocks.history')} ({historyCount})
              </span>
            ),
            children: <ClockHistory clock={clock} t={t} />,
          },
        ]}
      />
    </Card>
  );
}

/** The ticket's SLA clocks (GET /api/tickets/{id}/clocks), counting down live. */
export function ClocksPanel({
  data,
  error,
  loading,
}: {
  data: Stamped<TicketClocks> | undefined;
  error: Error | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const now = useMonotonicNow(1000);
  const clocks = data?.data;
  return (
    <Card title={t('clocks.title')} data-testid="ticket-clocks">
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ticket-clocks-error"
          message={t('common.loadFailed', { message: describeError(error, t) })}
        />
      )}
      {!clocks && loading && <Spin />}
      {clocks && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              ...(clocks.policy
                ? [
                    {
                      key: 'policy',
                      label: t('clocks.policy'),
                      children: t('clocks.policyValue', {
                        name: policyName(t, clocks.policy.code, clocks.policy.name),
                        version: clocks.policy.version,
                      }),
                    },
                  ]
                : []),
              ...(clocks.level
                ? [
                    {
                      key: 'level',
                      label: t('clocks.level'),
                      children: (
                        <Space size={4}>
                          <LevelTag level={clocks.level} />
                          {levelName(t, clocks.policy?.code, clocks.level, clocks.levelName)}
                        </Space>
                      ),
                    },
                  ]
                : []),
              ...(clocks.calendar
                ? [
                    {
                      key: 'calendar',
                      label: t('clocks.calendar'),
                      children:
                        t(`calendar.${clocks.calendar}`, { defaultValue: clocks.calendar }) +
                        (clocks.workingHours?.length ? ` ${clocks.workingHours.join(', ')}` : ''),
                    },
                  ]
                : []),
            ]}
          />
          {(clocks.clocks ?? []).length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('clocks.empty')}
              data-testid="ticket-clocks-empty"
            />
          ) : (
            clocks.clocks.map((c) => <ClockCard key={c.clock} clock={c} receivedAt={data.receivedAt} now={now} />)
          )}
        </>
      )}
    </Card>
  );
}

import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Spin, Statistic, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../shared/errors';
import { EChart } from '../../shared/EChart';
import { formatDateTime, SERVICE_ZONE } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { formatSpan } from '../sla';
import { CallbackModal } from './CallbackModal';
import { hotlineApi, hotlineKeys, percent, targetPercent, type HotlineCallView, type HotlineSummary } from './api';

const MONTH = 'YYYY-MM';
const GREEN = '#389e0d';
const RED = '#cf1322';

/** This month in the service zone, as a plain dayjs for the month picker. */
const thisMonth = () => dayjs(dayjs().tz(SERVICE_ZONE).format(MONTH) + '-01');

/**
 * The hotline answer rate (热线接通率, IN-10; contract seed 000: "热线电话的接通率达到90%以上"): a month's rate against
 * the target with its counts and a small chart per day, then the month's missed calls, those still to call back
 * first, each with the caller's number to dial and 登记回拨. Beside the answer rate, the share of missed calls replied to
 * within the half hour (contract seed 004: 半小时内回复客户电话), and each missed call's reply state in the list. The
 * service desk, supervisors and administrators.
 */
export function HotlinePage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(thisMonth);
  const [open, setOpen] = useState(true);
  const [calling, setCalling] = useState<HotlineCallView>();
  const key = month.format(MONTH);
  const summary = useQuery({ queryKey: hotlineKeys.summary(key), queryFn: () => hotlineApi.summary(key) });
  const calls = useQuery({ queryKey: hotlineKeys.missed(key, open), queryFn: () => hotlineApi.missed(key, open) });

  return (
    <div className="hotline-page" data-testid="hotline-page">
      <PageHeader title={t('hotline.title')} />
      <Typography.Paragraph type="secondary">{t('hotline.intro')}</Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          data-testid="hotline-month"
          aria-label={t('hotline.month')}
          allowClear={false}
          value={month}
          format={t('kpiPage.monthFormat')}
          disabledDate={(d) => d.isAfter(thisMonth(), 'month')}
          onChange={(d) => d && setMonth(d)}
        />
      </div>
      {summary.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('common.loadFailed', { message: describeError(summary.error, t) })}
        />
      )}
      {summary.isLoading ? <Spin /> : summary.data && <Figures summary={summary.data} />}

      <Typography.Title level={4} style={{ marginTop: 20 }}>
        {t('hotline.missedCalls')}
      </Typography.Title>
      <Tabs
        activeKey={open ? 'open' : 'all'}
        onChange={(k) => setOpen(k === 'open')}
        items={[
          { key: 'open', label: t('hotline.view.open') },
          { key: 'all', label: t('hotline.view.all') },
        ]}
        data-testid="hotline-view"
      />
      {calls.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('common.loadFailed', { message: describeError(calls.error, t) })}
        />
      )}
      <MissedList rows={calls.data ?? []} loading={calls.isLoading} open={open} onCallback={setCalling} />
      {calling && <CallbackModal call={calling} onClose={() => setCalling(undefined)} />}
    </div>
  );
}

/**
 * The month's figure cards (接通率 against the target, met or not in words and colour; the missed calls replied to
 * within the reply time) and the calls per day.
 */
function Figures({ summary: s }: { summary: HotlineSummary }) {
  const { t } = useTranslation();
  const rate = percent(s.rate);
  const noCalls = s.offered === 0 || rate == null;
  const met = s.met ?? (s.rate != null && s.rate >= s.target);

  const chart = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: s.days.map((d) => t('hotline.day', { day: Number(d.date.slice(8)) })),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('hotline.offered'), type: 'bar', data: s.days.map((d) => d.offered) },
        { name: t('hotline.answered'), type: 'bar', data: s.days.map((d) => d.answered) },
      ],
    }),
    [s.days, t],
  );

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12} xl={7}>
        <Card size="small" title={t('hotline.rate')} data-testid="hotline-figure" style={{ height: '100%' }}>
          {noCalls ? (
            <div data-testid="hotline-no-calls">
              <Typography.Text strong>{t('hotline.noCalls')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {t('hotline.noCallsHelp')}
              </Typography.Paragraph>
              <Typography.Text type="secondary" data-testid="hotline-target">
                {t('hotline.target', { target: targetPercent(s.target) })}
              </Typography.Text>
            </div>
          ) : (
            <Flex wrap align="center" gap={12}>
              <span
                data-testid="hotline-rate"
                style={{ fontSize: 32, fontWeight: 600, lineHeight: 1.2, color: met ? GREEN : RED }}
              >
                {rate}
              </span>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary" data-testid="hotline-target">
                  {t('hotline.target', { target: targetPercent(s.target) })}
                </Typography.Text>
                <Tag
                  color={met ? 'success' : 'error'}
                  icon={met ? <CheckCircleFilled /> : <CloseCircleFilled />}
                  data-testid="hotline-met"
                  data-met={met}
                  style={{ marginInlineEnd: 0, alignSelf: 'flex-start' }}
                >
                  {t(met ? 'hotline.met' : 'hotline.notMet')}
                </Tag>
              </Flex>
            </Flex>
          )}
          <Flex wrap gap={20} style={{ marginTop: 12 }} data-testid="hotline-counts">
            <div data-testid="hotline-offered">
              <Statistic title={t('hotline.offered')} value={s.offered} />
            </div>
            <div data-testid="hotline-answered">
              <Statistic title={t('hotline.answered')} value={s.answered} />
            </div>
            <div data-testid="hotline-missed">
              <Statistic title={t('hotline.missed')} value={s.missed} />
            </div>
            <div data-testid="hotline-missed-open">
              <Statistic
                title={t('hotline.missedOpen')}
                value={s.missedOpen}
                valueStyle={s.missedOpen > 0 ? { color: RED } : undefined}
              />
            </div>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={7}>
        <ReplyFigure summary={s} />
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('hotline.daily')} style={{ height: '100%' }}>
          {noCalls ? (
            <Typography.Text type="secondary">{t('hotline.noCalls')}</Typography.Text>
          ) : (
            <EChart option={chart} height={200} testId="hotline-daily" />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/**
 * 30分钟内回复率: of the missed calls whose reply time has passed or that were replied to, the share replied to in
 * time, red with the number late when any was; a month with none to count says so rather than 0 %.
 */
function ReplyFigure({ summary: s }: { summary: HotlineSummary }) {
  const { t } = useTranslation();
  const minutes = s.replyMinutes;
  const rate = percent(s.replyRate);
  const late = Math.max(0, s.replyDue - s.repliedInTime);
  const target = (
    <Typography.Text type="secondary" data-testid="hotline-reply-target">
      {t('hotline.replyTarget', { minutes })}
    </Typography.Text>
  );

  return (
    <Card
      size="small"
      title={t('hotline.replyRate', { minutes })}
      data-testid="hotline-reply-figure"
      style={{ height: '100%' }}
    >
      {rate == null || s.replyDue === 0 ? (
        <div data-testid="hotline-reply-none">
          <Typography.Text strong>{t('hotline.replyNone')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {t('hotline.replyNoneHelp', { minutes })}
          </Typography.Paragraph>
          {target}
        </div>
      ) : (
        <Flex wrap align="center" gap={12}>
          <span
            data-testid="hotline-reply-rate"
            data-late={late > 0}
            style={{ fontSize: 32, fontWeight: 600, lineHeight: 1.2, color: late > 0 ? RED : GREEN }}
          >
            {rate}
          </span>
          <Flex vertical gap={4}>
            <Typography.Text data-testid="hotline-reply-count">
              {t('hotline.replyCount', { inTime: s.repliedInTime, due: s.replyDue, minutes })}
            </Typography.Text>
            {target}
            <Tag
              color={late > 0 ? 'error' : 'success'}
              icon={late > 0 ? <CloseCircleFilled /> : <CheckCircleFilled />}
              data-testid="hotline-reply-met"
              style={{ marginInlineEnd: 0, alignSelf: 'flex-start', whiteSpace: 'normal' }}
            >
              {late > 0 ? t('hotline.replyLateCount', { n: late }) : t('hotline.replyAllInTime')}
            </Tag>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

/** The month's missed calls: time, the number to dial, who called when known, how long they waited, the callback. */
function MissedList({
  rows,
  loading,
  open,
  onCallback,
}: {
  rows: HotlineCallView[];
  loading: boolean;
  open: boolean;
  onCallback: (call: HotlineCallView) => void;
}) {
  const { t } = useTranslation();
  const caller = (c: HotlineCallView) => (
    <Flex vertical gap={0}>
      <a href={`tel:${c.callerNumber}`} data-testid={`hotline-dial-${c.id}`} style={{ whiteSpace: 'nowrap' }}>
        {c.callerNumber}
      </a>
      {(c.callerName || c.callerUnit) && (
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {[c.callerName, c.callerUnit].filter(Boolean).join(' · ')}
        </Typography.Text>
      )}
    </Flex>
  );

  return (
    <ResponsiveTable<HotlineCallView>
      rowKey="id"
      data-testid="hotline-calls"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t(open ? 'hotline.emptyOpen' : 'hotline.emptyAll') }}
      onRow={(c) => ({ 'data-testid': `hotline-call-${c.id}` }) as HTMLAttributes<HTMLElement>}
      cardTitle={caller}
      cardHidden={['callerNumber']}
      columns={[
        {
          title: t('hotline.col.time'),
          dataIndex: 'startedAt',
          render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
        },
        { title: t('hotline.col.caller'), dataIndex: 'callerNumber', render: (_: unknown, c) => caller(c) },
        {
          title: t('hotline.col.wait'),
          dataIndex: 'waitSeconds',
          render: (v: number | null | undefined) =>
            v == null ? '—' : <span style={{ whiteSpace: 'nowrap' }}>{t('hotline.waited', { seconds: v })}</span>,
        },
        {
          title: t('hotline.col.status'),
          key: 'status',
          render: (_: unknown, c) => <CallStatus call={c} />,
        },
        {
          title: t('hotline.col.reply'),
          key: 'reply',
          render: (_: unknown, c) => <ReplyState call={c} />,
        },
        {
          title: t('hotline.col.action'),
          key: 'action',
          render: (_: unknown, c) => (
            <Flex gap={8} wrap>
              {!c.callbackAt && (
                <Button size="small" onClick={() => onCallback(c)} data-testid={`hotline-callback-${c.id}`}>
                  {t('hotline.callback')}
                </Button>
              )}
              {/* the caller reached on the callback reports a fault: the new case opens with their number, whose
                  earlier cases the intake form offers at once */}
              <Link
                to={`/tickets/new?phone=${encodeURIComponent(c.callerNumber)}`}
                data-testid={`hotline-new-ticket-${c.id}`}
              >
                {t('hotline.newTicket')}
              </Link>
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** 已回拨 (who, when, the note) / 已再次来电接通 / 待回拨. */
function CallStatus({ call: c }: { call: HotlineCallView }) {
  const { t } = useTranslation();
  if (c.callbackAt) {
    return (
      <div data-testid={`hotline-status-${c.id}`}>
        <Tag color="success">{t('hotline.status.calledBack')}</Tag>
        <div>
          <Typography.Text type="secondary">
            {t('hotline.calledBackBy', {
              name: c.callbackByName ?? c.callbackBy ?? '—',
              at: formatDateTime(c.callbackAt),
            })}
          </Typography.Text>
        </div>
        {c.callbackNote && (
          <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={`hotline-note-${c.id}`}>
            {c.callbackNote}
          </div>
        )}
      </div>
    );
  }
  if (c.laterAnswered) {
    return (
      <div data-testid={`hotline-status-${c.id}`}>
        <Tag color="processing">{t('hotline.status.laterAnswered')}</Tag>
      </div>
    );
  }
  return (
    <div data-testid={`hotline-status-${c.id}`}>
      <Tag color="warning">{t('hotline.status.open')}</Tag>
    </div>
  );
}

const MINUTE = 60_000;

/** When the caller gave up, from which the reply time runs: the call's end, its start when no end was reported. */
const gaveUpAt = (c: HotlineCallView) => dayjs(c.endedAt ?? c.startedAt);

/**
 * A missed call's half-hour reply (seed 004): 回复及时 / 回复超时 (after how long) / 已超 30 分钟未回复 / 待回复（by when）.
 * The reply time is the call's own (its due time less the moment the caller gave up), so no number is written here.
 */
function ReplyState({ call: c }: { call: HotlineCallView }) {
  const { t } = useTranslation();
  if (!c.replyDueAt) return <span data-testid={`hotline-reply-${c.id}`}>—</span>;
  const tag = (state: string, color: string, text: string, detail?: string) => (
    <Flex wrap gap={4} align="center" data-testid={`hotline-reply-${c.id}`} data-state={state}>
      <Tag color={color} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
        {text}
      </Tag>
      {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
    </Flex>
  );
  if (c.repliedAt) {
    if (!c.replyLate) return tag('inTime', 'success', t('hotline.reply.inTime'));
    // late means after the due time: whole minutes rounded up, so never "30 minutes" for a late one
    const after = Math.max(1, Math.ceil(dayjs(c.repliedAt).diff(gaveUpAt(c)) / MINUTE));
    return tag(
      'late',
      'error',
      t('hotline.reply.late'),
      t('hotline.reply.after', { time: formatSpan(after * 60, t, true) }),
    );
  }
  if (c.replyLate) {
    const minutes = Math.round(dayjs(c.replyDueAt).diff(gaveUpAt(c)) / MINUTE);
    return tag('lateOpen', 'error', t('hotline.reply.lateOpen', { minutes }));
  }
  return tag('pending', 'warning', t('hotline.reply.pending', { at: formatDateTime(c.replyDueAt) }));
}

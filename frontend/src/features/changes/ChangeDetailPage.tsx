import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Steps, Tag, Typography } from 'antd';
import type { DescriptionsProps, StepsProps } from 'antd';
import type { TFunction } from 'i18next';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useIsPhone } from '../../shared/useIsPhone';
import { useStaffNames } from '../../shared/useStaffNames';
import { StatusTag } from '../../shared/tags';
import { ConfigKindTag, ConfigStatusTag, DevicesImpact } from '../configitems';
import { changeKeys, changesApi, type ChangeCaseRef, type ChangeItemChange, type ChangeView } from './api';
import { ChangeActionBar } from './ChangeActions';
import { CausedFaults, MarkCausedFaultModal } from './CausedFaults';
import { ChangeOutcomeTag, ChangeStatusTag, formatDuration, formatWindow, MajorTag } from './parts';

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

type FactItem = NonNullable<DescriptionsProps['items']>[number];
type Step = NonNullable<StepsProps['items']>[number] & { key: string };

/** "张伟 · 2026-12-04 10:00", leaving out what is not known. */
const byAt = (who: string | null | undefined, at: string | null | undefined) =>
  [who, at ? formatDateTime(at) : null].filter(Boolean).join(' · ');

function Lines({ lines }: { lines: ReactNode[] }) {
  const shown = lines.filter((l) => l != null && l !== '' && l !== false);
  return (
    <>
      {shown.map((l, i) => (
        <div key={i} style={textStyle}>
          {l}
        </div>
      ))}
    </>
  );
}

/**
 * 提交 → 审批 → (测试, major only) → 告知用户 → 实施 → 完成, with who did each step, when, and their notes. A change
 * that ended early (rejected, failed its test, cancelled) shows the steps up to where it ended.
 */
function Progress({ c, staff }: { c: ChangeView; staff: boolean }) {
  const { t } = useTranslation();
  const staffName = useStaffNames(staff);
  // the implementer and the requester are named in the view itself; anyone else through the staff list (staff only)
  const nameOf = (username: string | null | undefined): string | null => {
    if (!username) return null;
    if (username === c.implementer) return c.implementerName;
    if (username === c.requestedBy) return c.requestedByName ?? username;
    return staff ? staffName(username) : null;
  };
  const note = (labelKey: string, text: string | null | undefined) => (text ? `${t(labelKey)}：${text}` : null);

  const steps: Step[] = [
    {
      key: 'submit',
      title: t('changes.progress.submit'),
      status: 'finish',
      description: <Lines lines={[byAt(c.requestedByName, c.requestedAt)]} />,
    },
  ];

  // 审批
  if (c.decidedAt) {
    const rejected = c.status === 'REJECTED';
    steps.push({
      key: 'decide',
      title: t('changes.progress.decide'),
      status: rejected ? 'error' : 'finish',
      description: (
        <Lines
          lines={[
            t(rejected ? 'changes.progress.rejected' : 'changes.progress.approved'),
            byAt(nameOf(c.decidedBy), c.decidedAt),
            note('changes.progress.note', c.decisionNote),
          ]}
        />
      ),
    });
  } else {
    steps.push({
      key: 'decide',
      title: t('changes.progress.decide'),
      status: c.status === 'SUBMITTED' ? 'process' : 'wait',
      description: c.status === 'SUBMITTED' ? <Lines lines={[t('changes.progress.awaitingDecision')]} /> : undefined,
    });
  }

  // 测试 (重大变更)
  if (c.major) {
    if (c.testedAt) {
      steps.push({
        key: 'test',
        title: t('changes.progress.test'),
        status: c.testPassed ? 'finish' : 'error',
        description: (
          <Lines
            lines={[
              t(c.testPassed ? 'changes.progress.testPassed' : 'changes.progress.testFailed'),
              byAt(nameOf(c.testedBy), c.testedAt),
              note('changes.progress.note', c.testNote),
            ]}
          />
        ),
      });
    } else {
      steps.push({
        key: 'test',
        title: t('changes.progress.test'),
        status: c.status === 'TESTING' ? 'process' : 'wait',
        description: c.status === 'TESTING' ? <Lines lines={[t('changes.progress.awaitingTest')]} /> : undefined,
      });
    }
  }

  // 告知用户
  steps.push({
    key: 'announce',
    title: t('changes.progress.announce'),
    status: c.announcedAt ? 'finish' : 'wait',
    description: c.announcedAt ? <Lines lines={[formatDateTime(c.announcedAt)]} /> : undefined,
  });

  // 实施
  const implementing = c.status === 'IN_PROGRESS';
  steps.push({
    key: 'implement',
    title: t('changes.progress.implement'),
    status: c.status === 'DONE' ? 'finish' : implementing ? 'process' : 'wait',
    description: (
      <Lines
        lines={[
          `${c.implementerName} · ${formatWindow(c.plannedStart, c.plannedEnd, t)}`,
          implementing && c.overrun ? t('changes.overrun') : null,
        ]}
      />
    ),
  });

  // 完成
  steps.push({
    key: 'finish',
    title: t('changes.progress.finish'),
    status: c.status === 'DONE' ? (c.outcome === 'ROLLED_BACK' ? 'error' : 'finish') : 'wait',
    description:
      c.status === 'DONE' ? (
        <Lines
          lines={[
            c.outcome ? <ChangeOutcomeTag key="outcome" outcome={c.outcome} /> : null,
            byAt(nameOf(c.finishedBy), c.finishedAt),
            note('changes.progress.note', c.outcomeNote),
          ]}
        />
      ) : undefined,
  });

  // ended early: the steps up to where it ended, then the end. A customer's user follows the change from the notice on:
  // the request, the approval and the test are the provider's own (the server leaves them out of their view)
  let shown = staff ? steps : steps.filter((s) => !['submit', 'decide', 'test'].includes(s.key));
  if (c.status === 'REJECTED') shown = steps.slice(0, steps.findIndex((s) => s.key === 'decide') + 1);
  if (c.status === 'TEST_FAILED') shown = steps.slice(0, steps.findIndex((s) => s.key === 'test') + 1);
  if (c.status === 'CANCELLED') {
    const reached = shown.filter((s) => s.status === 'finish' || s.status === 'error');
    shown = [
      ...reached,
      {
        key: 'cancel',
        title: t('changes.progress.cancelled'),
        status: 'error',
        description: <Lines lines={[formatDateTime(c.cancelledAt), note('changes.progress.reason', c.cancelReason)]} />,
      },
    ];
  }

  return (
    <Card size="small" title={t('changes.progress.title')} style={{ marginBottom: 16 }} data-testid="change-progress">
      <Steps direction="vertical" size="small" items={shown} />
    </Card>
  );
}

/** "版本：5.1 → 5.2", "核心参数：已更新": what the outcome changed on one item. */
function itemChangeText(u: ChangeItemChange, t: TFunction): string {
  if (u.field === 'parameters') return t('changes.items.parametersChange');
  const value = (v: string | null | undefined) => (v == null || v === '' ? t('changes.items.blank') : v);
  return t('changes.items.versionChange', { from: value(u.oldValue), to: value(u.newValue) });
}

/**
 * 涉及配置项 (RP-4): the items the change names, as they are now, each linking to its page, and under each what the
 * change's outcome updated on it. Nothing when the change names none.
 */
function ConfigItems({ c }: { c: ChangeView }) {
  const { t } = useTranslation();
  const items = c.configItems ?? [];
  const updates = c.itemChanges ?? [];
  if (items.length === 0 && updates.length === 0) return null;
  // an update of an item the change no longer shows (should not happen): still said, under its own name
  const orphans = updates.filter((u) => !items.some((i) => i.id === u.itemId));
  const lines = (list: ChangeItemChange[]) =>
    list.map((u, n) => (
      <div
        key={`${u.itemId}-${u.field}-${n}`}
        style={textStyle}
        data-testid={`change-item-update-${u.itemId}-${u.field}`}
      >
        {itemChangeText(u, t)}
      </div>
    ));
  return (
    <Card size="small" title={t('changes.items.title')} style={{ marginBottom: 16 }} data-testid="change-items">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {items.map((item) => {
          const mine = updates.filter((u) => u.itemId === item.id);
          return (
            <div key={item.id} data-testid={`change-item-${item.id}`}>
              <Space size={4} wrap>
                <Link to={`/config-items/${item.id}`} style={textStyle}>
                  {item.number} {item.name}
                </Link>
                <ConfigKindTag kind={item.kind} />
                {item.version && (
                  <Typography.Text type="secondary" style={textStyle}>
                    {t('changes.items.version', { version: item.version })}
                  </Typography.Text>
                )}
                {item.status !== 'IN_SERVICE' && <ConfigStatusTag status={item.status} />}
              </Space>
              {mine.length > 0 && (
                <div style={{ marginTop: 4, paddingLeft: 12, borderLeft: '2px solid #b7eb8f' }}>
                  <Typography.Text type="secondary">{t('changes.items.updated')}</Typography.Text>
                  {lines(mine)}
                </div>
              )}
            </div>
          );
        })}
        {orphans.length > 0 &&
          orphans.map((u, n) => (
            <div key={`orphan-${n}`} style={textStyle}>
              <Link to={`/config-items/${u.itemId}`}>
                {u.itemNumber} {u.itemName}
              </Link>
              ：{itemChangeText(u, t)}
            </div>
          ))}
      </Space>
    </Card>
  );
}

/** 用户确认: the customer's sign-off, who gave it and when, and who recorded it when the desk did so for them. */
function Confirmation({ c }: { c: ChangeView }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const k = c.confirmation;
  if (!k) return null;
  const items: FactItem[] = [
    {
      key: 'result',
      label: t('changes.confirmation.result'),
      children: (
        <Tag color={k.accepted ? 'green' : 'red'} data-testid="change-confirmation-result">
          {t(k.accepted ? 'changes.confirmation.accepted' : 'changes.confirmation.rejected')}
        </Tag>
      ),
    },
    {
      key: 'by',
      label: t('changes.confirmation.confirmedBy'),
      children: (
        <span style={textStyle} data-testid="change-confirmation-by">
          {k.confirmedByName}
        </span>
      ),
    },
    {
      key: 'at',
      label: t('changes.confirmation.confirmedAt'),
      children: <span data-testid="change-confirmation-at">{formatDateTime(k.confirmedAt)}</span>,
    },
  ];
  if (k.opinion) {
    items.push({
      key: 'opinion',
      label: t('changes.confirmation.opinion'),
      span: phone ? 1 : 2,
      children: (
        <span style={textStyle} data-testid="change-confirmation-opinion">
          {k.opinion}
        </span>
      ),
    });
  }
  return (
    <Card
      size="small"
      title={t('changes.confirmation.title')}
      style={{ marginBottom: 16 }}
      data-testid="change-confirmation"
    >
      <Descriptions size="small" column={phone ? 1 : 2} layout={phone ? 'vertical' : 'horizontal'} items={items} />
      {k.onBehalf && (
        <Typography.Text type="secondary" style={textStyle} data-testid="change-confirmation-on-behalf">
          {t('changes.confirmation.onBehalf', { name: k.recordedByName })}
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * 变更后报修的工单: fault cases reported on the change's devices from the window's start to 7 days after its end, which
 * may be related to the change. Staff see it once the window has started (an empty one says so); a customer's user gets
 * none from the server, and sees nothing. A supervisor (the view's markCausedFault) judges one caused by the change; one
 * judged so already says 由此变更引起.
 */
function CasesAfter({ c, staff }: { c: ChangeView; staff: boolean }) {
  const { t } = useTranslation();
  const [marking, setMarking] = useState<ChangeCaseRef | null>(null);
  const cases = c.casesAfter ?? [];
  const caused = new Set((c.causedFaults ?? []).map((f) => f.id));
  const started = (c.status === 'IN_PROGRESS' || c.status === 'DONE') && c.devices.length > 0;
  if (cases.length === 0 && !(staff && started)) return null;
  return (
    <Card
      size="small"
      title={t('changes.casesAfter.title')}
      style={{ marginBottom: 16 }}
      data-testid="change-cases-after"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('changes.casesAfter.hint')}
      </Typography.Paragraph>
      {cases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.casesAfter.empty')} />
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {cases.map((k) => (
            <div key={k.id} data-testid={`change-case-${k.id}`} style={textStyle}>
              <Space size={4} wrap>
                <Link to={`/tickets/${k.id}`}>{k.number}</Link>
                <span style={textStyle}>{k.title}</span>
                <StatusTag status={k.status} />
                {caused.has(k.id) ? (
                  <Tag color="red" data-testid={`change-case-caused-${k.id}`}>
                    {t('changes.causedFaults.tag')}
                  </Tag>
                ) : (
                  c.actions.markCausedFault && (
                    <Button size="small" onClick={() => setMarking(k)} data-testid={`change-mark-fault-${k.id}`}>
                      {t('changes.causedFaults.mark')}
                    </Button>
                  )
                )}
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[k.deviceName, t('changes.casesAfter.reportedAt', { at: formatDateTime(k.reportedAt) })]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Space>
      )}
      {marking && <MarkCausedFaultModal change={c} fixed={marking} onClose={() => setMarking(null)} />}
    </Card>
  );
}

/** One change (RP-5): what, where, when, the impact and the fallback; its progress; what the reader may do now. */
export function ChangeDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { isCustomer } = useAuth();
  const phone = useIsPhone();
  const query = useQuery({ queryKey: changeKeys.detail(id), queryFn: () => changesApi.get(id) });

  if (query.isLoading) return <Spin />;
  if (query.error || !query.data)
    return (
      <div>
        <Link to="/changes">{t('changes.detail.back')}</Link>
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={describeError(query.error, t)} />
      </div>
    );
  const c = query.data;
  const span = phone ? 1 : 2;
  const fact = (key: string, label: string, value: ReactNode, wide = false): FactItem => ({
    key,
    label,
    span: wide ? span : 1,
    children: (
      <span style={textStyle} data-testid={`change-fact-${key}`}>
        {value}
      </span>
    ),
  });
  const facts = [
    fact('customer', t('changes.field.customer'), c.customerName),
    fact('site', t('changes.field.site'), c.siteName ?? t('changes.detail.wholeUnit')),
    fact(
      'devices',
      t('changes.field.devices'),
      c.devices.length > 0
        ? c.devices.map((d, i) => (
            <Fragment key={d.id}>
              {i > 0 && '、'}
              <Link to={`/devices/${d.id}`}>{d.name}</Link>
            </Fragment>
          ))
        : t('changes.detail.noDevices'),
      true,
    ),
    fact(
      'window',
      t('changes.field.window'),
      `${formatWindow(c.plannedStart, c.plannedEnd, t)}（${formatDuration(c.plannedStart, c.plannedEnd, t)}）`,
    ),
    c.timesRescheduled > 0 &&
      fact(
        'rescheduled',
        t('changes.field.rescheduled'),
        c.rescheduleNote
          ? t('changes.detail.rescheduledWhy', { count: c.timesRescheduled, note: c.rescheduleNote })
          : t('changes.detail.rescheduled', { count: c.timesRescheduled }),
      ),
    fact('implementer', t('changes.field.implementer'), c.implementerName),
    // internal fields come as null to a customer's user: their rows are left out
    c.requestedByName != null &&
      fact('requester', t('changes.field.requester'), byAt(c.requestedByName, c.requestedAt), true),
    fact('description', t('changes.field.description'), c.description, true),
    c.reason != null && fact('reason', t('changes.field.reason'), c.reason, true),
    fact('impact', t('changes.field.impact'), c.impact, true),
    fact('fallback', t('changes.field.fallback'), c.fallback, true),
    c.testPlan != null && fact('testPlan', t('changes.field.testPlan'), c.testPlan, true),
  ].filter((f): f is FactItem => !!f);

  return (
    <div data-testid="change-detail">
      <Link to="/changes">{t('changes.detail.back')}</Link>
      <PageHeader title={c.title} />
      <Space wrap size={[8, 8]} style={{ marginTop: -8, marginBottom: 16 }}>
        <Typography.Text type="secondary" data-testid="change-number">
          {c.number}
        </Typography.Text>
        <ChangeStatusTag status={c.status} testId="change-status" />
        <MajorTag major={c.major} />
        {c.outcome && <ChangeOutcomeTag outcome={c.outcome} />}
      </Space>

      {c.overrun && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('changes.overrun')}
          data-testid="change-overrun"
        />
      )}
      {c.status === 'SCHEDULED' && c.announcedAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(isCustomer ? 'changes.detail.announcedCustomer' : 'changes.detail.announced', {
            at: formatDateTime(c.announcedAt),
          })}
          data-testid="change-announced"
        />
      )}
      {c.status === 'CANCELLED' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('changes.detail.cancelled', { at: formatDateTime(c.cancelledAt) })}
          description={c.cancelReason ? <span style={textStyle}>{c.cancelReason}</span> : undefined}
          data-testid="change-cancelled"
        />
      )}

      {c.clashes && c.clashes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="change-clashes"
          message={t('changes.detail.clashes')}
          description={
            <>
              {c.clashes.map((o) => (
                <div key={o.id} style={textStyle}>
                  <Link to={`/changes/${o.id}`}>{o.number}</Link> {o.title}（
                  {formatWindow(o.plannedStart, o.plannedEnd, t)}，{t(`changes.status.${o.status}`)}）
                </div>
              ))}
            </>
          }
        />
      )}
      {/* a customer's user may give the sign-off (用户确认), and nothing else */}
      <ChangeActionBar change={c} customer={isCustomer} />

      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={phone ? 1 : 2}
          layout={phone ? 'vertical' : 'horizontal'}
          data-testid="change-facts"
          items={facts}
        />
      </Card>

      {/* which of the unit's systems stop while these devices are worked on (RP-4); nothing when none */}
      {c.devices.length > 0 && <DevicesImpact devices={c.devices} style={{ marginBottom: 16 }} />}

      <ConfigItems c={c} />

      <Progress c={c} staff={!isCustomer} />

      <Confirmation c={c} />

      <CasesAfter c={c} staff={!isCustomer} />

      <CausedFaults c={c} />
    </div>
  );
}

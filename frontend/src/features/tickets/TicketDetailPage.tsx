import { ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Task, TicketDetail } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LevelTag, StatusTag } from '../../shared/tags';
import { useIsPhone } from '../../shared/useIsPhone';
import { useEngineerNames } from '../../shared/useEngineerNames';
import { ClocksPanel, DeliveriesPanel, SlaActions, slaApi, slaKeys, stamped } from '../sla';
import { SuperviseCase } from '../supervisor';
import { ServiceFormLink } from '../serviceform';
import { RepairPanel } from '../repair';
import { WarrantyPanel } from '../warranty';
import { canActOn, TaskForm, taskKeys, taskName, tasksApi } from '../tasks';
import { CustomerTicketView } from './CustomerTicketView';
import { ConversationPanel } from '../conversation';
import { ProbeResults } from './ProbeResults';
import { CaseAlarms } from '../alarms';
import { LinkedCases } from '../caselink';
import { CaseKnowledge } from '../knowledge';
import { VerificationWaiverPanel } from './VerificationWaiver';
import { SiteCard } from './SiteCard';
import { DeviceConfigBackups } from '../configbackup';
import { CaseConfigItems, DeviceImpact } from '../configitems';
import { SiteEnvironmentCell } from '../../shared/SiteEnvironmentList';
import { StaffCustomerStep } from './StaffCustomerStep';
import { ticketKeys, ticketsApi } from './api';
import { pollWhileVerifying, TicketNotLoaded } from './ticketPageParts';
import { afterFailedVerification, FIX_TASK, VerificationAlert } from './VerificationAlert';
import { requestLabel } from './requestLabel';

const EVENT_COLORS: Record<string, string> = {
  ESCALATED: 'red',
  PROBE_FAILED: 'red',
  PROBE_WAITING: 'orange',
  PROBE_RECHECK_QUEUED: 'blue',
  REOPENED: 'orange',
  PROBE_PASSED: 'green',
  RESOLVED: 'green',
  CLOSED: 'green',
};

/**
 * The ticket page. A customer's user (CUSTOMER only) gets the customer view, which calls only the
 * routes open to them; everyone else the full case file with tasks, SLA actions and deliveries.
 */
export function TicketDetailPage() {
  const { id = '' } = useParams();
  const { me, isCustomer } = useAuth();
  // Which view depends on who is signed in: wait for that rather than start loading the wrong one.
  if (!me) return <Spin size="large" style={{ display: 'block', marginTop: 80 }} />;
  return isCustomer ? <CustomerTicketView key={id} id={id} /> : <StaffTicketView id={id} />;
}

function StaffTicketView({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const phone = useIsPhone();
  const { data: ticket, error } = useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: () => ticketsApi.get(id),
    refetchInterval: pollWhileVerifying,
  });
  const clocks = useQuery({ queryKey: slaKeys.clocks(id), queryFn: () => stamped(slaApi.clocks(id)) });
  const deliveries = useQuery({ queryKey: slaKeys.deliveries(id), queryFn: () => slaApi.deliveries(id) });

  /**
   * After a task or an SLA action: the ticket, its clocks and its notifications may all have changed (all under
   * the ticket's key), and so may the task inbox.
   */
  const reloadAll = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ticketKeys.one(id) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
    ]);
  }, [queryClient, id]);

  if (!ticket) return <TicketNotLoaded error={error} />;
  // Repair, warranty and parts, device checks and the service form belong to faults; a consultation, complaint or
  // service request runs none of those steps (ADR 0041), so its page does not offer them.
  const isFault = (ticket.requestType ?? 'FAULT') === 'FAULT';

  if (phone) {
    // Phones: my task's form first, then where to go and whom to call, the rest folded away.
    const timeline = <TicketTimeline ticket={ticket} />;
    return (
      <div
        data-testid="ticket-detail"
        data-ticket-id={ticket.id}
        data-ticket-number={ticket.number}
        data-layout="phone"
      >
        <Space direction="vertical" size={4} style={{ marginBottom: 12, width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            <span data-testid="ticket-number">{ticket.number}</span> ·{' '}
            <span data-testid="ticket-title">{ticket.title}</span>
          </Typography.Title>
          <Space size={4} wrap>
            <StatusTag status={ticket.status} testId="ticket-status" />
            <LevelTag level={ticket.level} testId="ticket-level" />
            {ticket.escalated && <Tag color="red">{t('ticket.escalated')}</Tag>}
            {ticket.holdReason && (
              <Tag color="warning" data-testid="ticket-hold" data-reason={ticket.holdReason}>
                {t('ticket.onHold', {
                  reason: t(`holdReason.${ticket.holdReason}`, { defaultValue: ticket.holdReason }),
                })}
              </Tag>
            )}
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void reloadAll()}
              data-testid="ticket-refresh"
            >
              {t('common.refresh')}
            </Button>
          </Space>
        </Space>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <CurrentTasks ticket={ticket} onChanged={reloadAll} />
          <CaseKnowledge ticket={ticket} onChanged={() => void reloadAll()} />
          {ticket.customerStep && (
            <StaffCustomerStep ticketId={ticket.id} step={ticket.customerStep} onDone={reloadAll} />
          )}
          {isFault && <RepairPanel ticketId={ticket.id} onChanged={() => void reloadAll()} />}
          {isFault && <WarrantyPanel ticketId={ticket.id} staff onChanged={reloadAll} />}
          <SiteCard ticket={ticket} />
          {ticket.deviceId != null && <DeviceImpact deviceId={ticket.deviceId} />}
          <CaseConfigItems ticket={ticket} />
          <LinkedCases ticketId={ticket.id} onChanged={reloadAll} />
          <SlaActions ticket={ticket} clocks={clocks.data?.data} onChanged={reloadAll} />
          <SuperviseCase ticket={ticket} onChanged={() => void reloadAll()} />
          <Collapse
            data-testid="ticket-sections"
            items={[
              { key: 'facts', label: t('phone.details'), children: <TicketFacts ticket={ticket} /> },
              {
                key: 'sla',
                label: t('phone.sla'),
                children: (
                  <Space direction="vertical" size={12} style={{ width: '100%' }}>
                    <ClocksPanel data={clocks.data} error={clocks.error ?? undefined} loading={clocks.isFetching} />
                    <Deadlines ticket={ticket} />
                  </Space>
                ),
              },
              ...(isFault
                ? [
                    {
                      key: 'probes',
                      label: t('detail.probes'),
                      children: (
                        <div data-testid="probe-results">
                          <CaseAlarms ticketId={ticket.id} />
                          <VerificationWaiverPanel ticket={ticket} onChanged={reloadAll} />
                          <ProbeResults results={ticket.probeResults ?? []} />
                        </div>
                      ),
                    },
                  ]
                : []),
              ...(ticket.deviceId
                ? [
                    {
                      key: 'configBackups',
                      label: t('configBackup.title'),
                      children: <DeviceConfigBackups deviceId={ticket.deviceId} />,
                    },
                  ]
                : []),
              {
                key: 'deliveries',
                label: t('deliveries.title'),
                children: (
                  <DeliveriesPanel
                    deliveries={deliveries.data}
                    error={deliveries.error ?? undefined}
                    loading={deliveries.isFetching}
                  />
                ),
              },
              { key: 'timeline', label: t('detail.timeline'), children: timeline },
            ]}
          />
        </Space>
      </div>
    );
  }

  return (
    <div data-testid="ticket-detail" data-ticket-id={ticket.id} data-ticket-number={ticket.number}>
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <span data-testid="ticket-number">{ticket.number}</span> ·{' '}
          <span data-testid="ticket-title">{ticket.title}</span>
        </Typography.Title>
        <StatusTag status={ticket.status} testId="ticket-status" />
        <LevelTag level={ticket.level} testId="ticket-level" />
        {ticket.escalated && <Tag color="red">{t('ticket.escalated')}</Tag>}
        {ticket.holdReason && (
          <Tag color="warning" data-testid="ticket-hold" data-reason={ticket.holdReason}>
            {t('ticket.onHold', { reason: t(`holdReason.${ticket.holdReason}`, { defaultValue: ticket.holdReason }) })}
          </Tag>
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void reloadAll()} data-testid="ticket-refresh">
          {t('common.refresh')}
        </Button>
        {isFault && <ServiceFormLink ticketId={ticket.id} />}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <SlaActions ticket={ticket} clocks={clocks.data?.data} onChanged={reloadAll} />
            <SuperviseCase ticket={ticket} onChanged={() => void reloadAll()} />
            <CurrentTasks ticket={ticket} onChanged={reloadAll} />
            <CaseKnowledge ticket={ticket} onChanged={() => void reloadAll()} />
            {ticket.customerStep && (
              <StaffCustomerStep ticketId={ticket.id} step={ticket.customerStep} onDone={reloadAll} />
            )}
            {isFault && <RepairPanel ticketId={ticket.id} onChanged={() => void reloadAll()} />}
            <TicketFacts ticket={ticket} />
            {ticket.deviceId != null && <DeviceImpact deviceId={ticket.deviceId} />}
            <CaseConfigItems ticket={ticket} />
            {isFault && <WarrantyPanel ticketId={ticket.id} staff onChanged={reloadAll} />}
            <LinkedCases ticketId={ticket.id} onChanged={reloadAll} />
            <ConversationPanel ticketId={ticket.id} staff />
            {isFault && (
              <Card title={t('detail.probes')} data-testid="probe-results">
                <CaseAlarms ticketId={ticket.id} />
                <VerificationWaiverPanel ticket={ticket} onChanged={reloadAll} />
                <ProbeResults results={ticket.probeResults ?? []} />
              </Card>
            )}
            {ticket.deviceId && (
              <Card title={t('configBackup.title')} size="small">
                <DeviceConfigBackups deviceId={ticket.deviceId} />
              </Card>
            )}
            <DeliveriesPanel
              deliveries={deliveries.data}
              error={deliveries.error ?? undefined}
              loading={deliveries.isFetching}
            />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ClocksPanel data={clocks.data} error={clocks.error ?? undefined} loading={clocks.isFetching} />
            <Deadlines ticket={ticket} />
            <Card title={t('detail.timeline')}>
              <TicketTimeline ticket={ticket} />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}

function CurrentTasks({ ticket, onChanged }: { ticket: TicketDetail; onChanged: () => Promise<void> }) {
  const engineerName = useEngineerNames();
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  // the tasks I may act on first: on a phone my form is the first thing on the page
  const tasks = [...(ticket.openTasks ?? [])].sort((a, b) => Number(canActOn(b, me)) - Number(canActOn(a, me)));

  const claim = async (task: Task) => {
    try {
      await tasksApi.claim(task.id);
      message.success(t('tasks.claimed'));
    } catch (e) {
      message.error(e instanceof ApiError && e.status === 409 ? t('common.conflict') : describeError(e, t));
    }
    await onChanged();
  };

  const whoLabel = (task: Task) =>
    task.assignee
      ? t('detail.heldBy', { who: engineerName(task.assignee) })
      : t('detail.waitingFor', {
          who: (task.candidateGroups ?? []).map((g) => t(`role.${g}`, { defaultValue: g })).join(' / '),
        });

  return (
    <Card title={t('detail.currentTasks')} data-testid="current-tasks">
      {/* the case keeps VERIFYING through confirmation and audit: "checking" only while no step waits */}
      {ticket.verifying && tasks.length === 0 && (
        <VerificationAlert
          ticketId={ticket.id}
          results={ticket.probeResults}
          verifying
          canRecheck={false}
          onChanged={onChanged}
        />
      )}
      {tasks.length === 0 && <Typography.Text type="secondary">{t('detail.noTasks')}</Typography.Text>}
      {tasks.map((task) =>
        canActOn(task, me) ? (
          <Card
            key={task.id}
            type="inner"
            className="task-card"
            title={taskName(t, task)}
            data-testid={`task-card-${task.key}`}
            data-task-id={task.id}
            extra={
              !task.assignee && (
                <Button size="small" onClick={() => void claim(task)} data-testid={`claim-${task.key}`}>
                  {t('detail.claim')}
                </Button>
              )
            }
          >
            {task.key === FIX_TASK && (
              <VerificationAlert
                ticketId={ticket.id}
                results={ticket.probeResults}
                verifying={!!ticket.recheckQueued}
                canRecheck
                onChanged={onChanged}
              />
            )}
            <TaskForm
              key={task.id}
              task={afterFailedVerification(task, ticket.probeResults)}
              onDone={(completed) => {
                if (completed) message.success(t('detail.completed', { task: taskName(t, task) }));
                void onChanged();
              }}
            />
          </Card>
        ) : (
          <div key={task.id} data-testid={`task-readonly-${task.key}`} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{taskName(t, task)}</Typography.Text>{' '}
            <Typography.Text type="secondary">— {whoLabel(task)}</Typography.Text>
          </div>
        ),
      )}
    </Card>
  );
}

function TicketFacts({ ticket }: { ticket: TicketDetail }) {
  const engineerName = useEngineerNames();
  const { t } = useTranslation();
  const text = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? t('common.empty') : v;
  const requester = [ticket.requesterName, ticket.requesterUnit, ticket.requesterPhone].filter(Boolean).join(' · ');
  const satisfaction =
    ticket.satisfaction != null
      ? t(`option.satisfaction.${ticket.satisfaction}`, { defaultValue: String(ticket.satisfaction) })
      : null;
  const callback = ticket.callbackOutcome
    ? t(`option.callbackOutcome.${ticket.callbackOutcome}`, { defaultValue: ticket.callbackOutcome })
    : null;

  const items = [
    { key: 'requester', label: t('ticket.requester'), children: text(requester) },
    {
      key: 'channel',
      label: t('ticket.channel'),
      children: t(`channel.${ticket.channel}`, { defaultValue: ticket.channel }),
    },
    {
      key: 'site',
      label: t('ticket.site'),
      children: `${ticket.siteName}${ticket.region ? ` (${t(`region.${ticket.region}`, { defaultValue: ticket.region })})` : ''}`,
    },
    {
      key: 'device',
      label: t('ticket.device'),
      children:
        ticket.deviceId != null && ticket.deviceName ? (
          <Link to={`/devices/${ticket.deviceId}`} data-testid="ticket-device-link">
            {ticket.deviceName}
          </Link>
        ) : (
          text(ticket.deviceName)
        ),
    },
    ...(ticket.site?.environment
      ? [
          {
            key: 'siteEnvironment',
            label: t('siteEnvironment.title'),
            children: <SiteEnvironmentCell environment={ticket.site.environment} testId="ticket-site-environment" />,
            span: 2,
          },
        ]
      : []),
    {
      key: 'requestType',
      label: t('ticket.requestType'),
      children: (
        <span data-testid="ticket-requestType">
          {requestLabel(t, ticket.requestType ?? 'FAULT', ticket.serviceItem)}
        </span>
      ),
    },
    // category, impact and urgency level a fault; the other request types have none
    ...((ticket.requestType ?? 'FAULT') === 'FAULT'
      ? [
          {
            key: 'category',
            label: t('ticket.category'),
            children: t(`category.${ticket.category}`, { defaultValue: ticket.category }),
          },
          {
            key: 'impactUrgency',
            label: t('ticket.impactUrgency'),
            children: `${t(`impact.${ticket.impact}`, { defaultValue: ticket.impact })} / ${t(`urgency.${ticket.urgency}`, { defaultValue: ticket.urgency })}`,
          },
        ]
      : []),
    { key: 'assignee', label: t('ticket.assignee'), children: text(engineerName(ticket.assignee)) },
    { key: 'createdAt', label: t('ticket.createdAt'), children: formatDateTime(ticket.createdAt) },
    { key: 'description', label: t('ticket.description'), children: text(ticket.description), span: 2 },
    { key: 'deskNote', label: t('ticket.deskNote'), children: text(ticket.deskNote), span: 2 },
    { key: 'symptom', label: t('ticket.symptom'), children: text(ticket.symptom) },
    { key: 'cause', label: t('ticket.cause'), children: text(ticket.cause) },
    { key: 'solution', label: t('ticket.solution'), children: text(ticket.solution) },
    { key: 'prevention', label: t('ticket.prevention'), children: text(ticket.prevention) },
    ...(ticket.reopenCount && ticket.reopenCount > 0
      ? [
          {
            key: 'reopenCount',
            label: t('ticket.reopenCount'),
            children: t('ticket.reopenedTimes', { n: ticket.reopenCount }),
          },
        ]
      : []),
    ...(ticket.thirdPartyName
      ? [{ key: 'thirdParty', label: t('ticket.thirdPartyName'), children: ticket.thirdPartyName }]
      : []),
    ...(callback ? [{ key: 'callback', label: t('ticket.callbackOutcome'), children: callback }] : []),
    ...(satisfaction ? [{ key: 'satisfaction', label: t('ticket.satisfaction'), children: satisfaction }] : []),
    ...(ticket.customerFeedback
      ? [{ key: 'feedback', label: t('ticket.customerFeedback'), children: ticket.customerFeedback, span: 2 }]
      : []),
  ];
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} data-testid="ticket-facts" />
  );
}

function Deadlines({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const due = (value: string | null, overdue: boolean, testId: string) => (
    <span className={overdue ? 'overdue' : undefined} data-testid={testId} data-overdue={overdue}>
      {formatDateTime(value)}
      {overdue && ` (${t('detail.overdue')})`}
    </span>
  );
  return (
    <Card title={t('detail.deadlines')} data-testid="ticket-deadlines">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'responseDue',
            label: t('detail.responseDue'),
            children: due(ticket.responseDue, ticket.responseOverdue, 'response-due'),
          },
          {
            key: 'resolutionDue',
            label: t('detail.resolutionDue'),
            children: due(ticket.resolutionDue, ticket.resolutionOverdue, 'resolution-due'),
          },
          ...(ticket.requestDue
            ? [
                {
                  key: 'requestDue',
                  label: t('ticket.requestDue'),
                  children: due(
                    ticket.requestDue,
                    !ticket.resolvedAt && !ticket.closedAt && Date.parse(ticket.requestDue) < Date.now(),
                    'request-due',
                  ),
                },
              ]
            : []),
          { key: 'respondedAt', label: t('detail.respondedAt'), children: formatDateTime(ticket.respondedAt) },
          { key: 'resolvedAt', label: t('detail.resolvedAt'), children: formatDateTime(ticket.resolvedAt) },
          { key: 'closedAt', label: t('detail.closedAt'), children: formatDateTime(ticket.closedAt) },
        ]}
      />
    </Card>
  );
}

function TicketTimeline({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  // who did it, by the name people know them by: 张伟, not engineer; 系统 for the engine's own steps
  const actorName = useEngineerNames();
  return (
    <div data-testid="ticket-timeline">
      {ticket.timeline?.length ? (
        <Timeline
          items={ticket.timeline.map((e, i) => ({
            key: i,
            color: EVENT_COLORS[e.type] ?? 'blue',
            children: (
              <>
                <Tag bordered={false}>{t(`event.${e.type}`, { defaultValue: e.type })}</Tag>
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)}
                  {e.actor ? ` · ${actorName(e.actor)}` : ''}
                </Typography.Text>
                <div>{e.message}</div>
              </>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noTimeline')} />
      )}
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { useIsPhone } from '../../shared/useIsPhone';
import { describeError } from '../../shared/errors';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { changeKeys, changesApi, type ChangeStatus, type ChangeView } from './api';
import { ChangeCalendar } from './ChangeCalendar';
import { ChangeStatusTag, formatWindow, MajorTag } from './parts';

/** A tab of the list: one status, or several asked for one by one (the API takes one status a call). */
interface Filter {
  key: string;
  /** undefined: every change the reader may see */
  statuses?: ChangeStatus[];
}

const STAFF_FILTERS: Filter[] = [
  { key: 'ALL' },
  { key: 'SUBMITTED', statuses: ['SUBMITTED'] },
  { key: 'TESTING', statuses: ['TESTING'] },
  { key: 'SCHEDULED', statuses: ['SCHEDULED'] },
  { key: 'IN_PROGRESS', statuses: ['IN_PROGRESS'] },
  { key: 'DONE', statuses: ['DONE'] },
  // rejected, failed the test or cancelled: over without being carried out
  { key: 'ENDED', statuses: ['REJECTED', 'TEST_FAILED', 'CANCELLED'] },
];

/** A customer's user sees announced changes only: never one awaiting approval or a test, nor a rejected one. */
const CUSTOMER_FILTERS: Filter[] = [
  { key: 'ALL' },
  { key: 'SCHEDULED', statuses: ['SCHEDULED'] },
  { key: 'IN_PROGRESS', statuses: ['IN_PROGRESS'] },
  { key: 'DONE', statuses: ['DONE'] },
  { key: 'CANCELLED', statuses: ['CANCELLED'] },
];

/** 列表 / 日历: the calendar is asked for as `?view=calendar`, so it can be linked and survives a reload. */
type View = 'list' | 'calendar';

const newestFirst = (a: ChangeView, b: ChangeView) => Date.parse(b.plannedStart) - Date.parse(a.plannedStart);

/**
 * Changes to running systems (RP-5). Staff see every change and, if they may ask for one, "新建变更"; a customer's
 * user sees what is planned on their unit's systems (time, scope, fallback) once they have been told.
 */
export function ChangesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isCustomer, hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = isCustomer ? CUSTOMER_FILTERS : STAFF_FILTERS;
  const filter = filters.find((f) => f.key === params.get('status')) ?? filters[0];
  const view: View = params.get('view') === 'calendar' ? 'calendar' : 'list';
  // 待用户确认超过 3 天 (from the supervisor board): finished changes the customer has not signed off, oldest first
  const awaitingSignOff = !isCustomer && params.get('awaiting') === 'signOff';
  const canCreate = !isCustomer && hasRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR');
  // a desktop row keeps a number, a window and a name on one line; a phone card lets them wrap (no sideways scroll)
  const phone = useIsPhone();
  const oneLine = (text: ReactNode) => (phone ? text : <span style={{ whiteSpace: 'nowrap' }}>{text}</span>);

  // what the list asks for: the sign-off list, or each status of the tab (the API takes one status a call)
  const sources: { key: readonly unknown[]; fetch: () => Promise<ChangeView[]> }[] = awaitingSignOff
    ? [{ key: changeKeys.awaitingSignOff, fetch: changesApi.awaitingSignOff }]
    : (filter.statuses ?? [undefined]).map((status) => ({
        key: changeKeys.list(status),
        fetch: () => changesApi.list(status),
      }));
  const queries = useQueries({
    queries: sources.map((source) => ({ queryKey: source.key, queryFn: source.fetch, enabled: view === 'list' })),
  });
  const loading = queries.some((q) => q.isLoading);
  const error = queries.find((q) => q.error)?.error;
  const fetched = queries.flatMap((q) => q.data ?? []);
  // the sign-off list keeps the server's order (the oldest outcome first)
  const rows = awaitingSignOff ? fetched : fetched.sort(newestFirst);

  return (
    <div data-testid="changes-page">
      <PageHeader
        title={t(isCustomer ? 'changes.customerTitle' : 'changes.title')}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/changes/new')}
              data-testid="change-create"
            >
              {t('changes.create')}
            </Button>
          )
        }
      />
      {isCustomer && (
        <Typography.Paragraph type="secondary" data-testid="changes-customer-intro">
          {t('changes.customerIntro')}
        </Typography.Paragraph>
      )}
      <Segmented<View>
        data-testid="changes-view"
        value={view}
        onChange={(v) => setParams(v === 'calendar' ? { view: 'calendar' } : {}, { replace: true })}
        options={[
          { value: 'list', label: t('changes.calendar.view.list') },
          { value: 'calendar', label: t('changes.calendar.view.calendar') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {view === 'calendar' ? (
        <ChangeCalendar />
      ) : (
        <>
          <Tabs
            activeKey={awaitingSignOff ? '' : filter.key}
            onChange={(key) => setParams(key === 'ALL' ? {} : { status: key }, { replace: true })}
            items={filters.map((f) => ({ key: f.key, label: t(`changes.filter.${f.key}`) }))}
            data-testid="changes-filter"
          />
          {awaitingSignOff && (
            <Tag
              closable
              color="gold"
              onClose={() => setParams({}, { replace: true })}
              style={{ marginBottom: 12 }}
              data-testid="changes-awaiting-sign-off"
            >
              {t('changes.awaitingSignOffFilter')}
            </Tag>
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('common.loadFailed', { message: describeError(error, t) })}
            />
          )}
          <ResponsiveTable<ChangeView>
            rowKey="id"
            data-testid="changes-list"
            loading={loading}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{ emptyText: t('changes.empty') }}
            onRow={(c) =>
              ({
                onClick: () => void navigate(`/changes/${c.id}`),
                className: 'clickable-row',
                'data-testid': `change-row-${c.id}`,
              }) as HTMLAttributes<HTMLElement>
            }
            cardTitle={(c) => (
              <Link to={`/changes/${c.id}`} onClick={(e) => e.stopPropagation()}>
                {c.title}
              </Link>
            )}
            cardHidden={['title']}
            columns={[
              {
                title: t('changes.col.number'),
                dataIndex: 'number',
                render: (_: unknown, c: ChangeView) => (
                  <Link to={`/changes/${c.id}`} onClick={(e) => e.stopPropagation()}>
                    {oneLine(c.number)}
                  </Link>
                ),
              },
              { title: t('changes.col.title'), dataIndex: 'title' },
              {
                title: t('changes.col.unit'),
                dataIndex: 'customerName',
                render: (_: unknown, c: ChangeView) =>
                  c.siteName ? `${c.customerName} / ${c.siteName}` : c.customerName,
              },
              {
                title: t('changes.col.level'),
                dataIndex: 'major',
                render: (_: unknown, c: ChangeView) => <MajorTag major={c.major} />,
              },
              {
                title: t('changes.col.window'),
                dataIndex: 'plannedStart',
                render: (_: unknown, c: ChangeView) => oneLine(formatWindow(c.plannedStart, c.plannedEnd, t)),
              },
              {
                title: t('changes.col.status'),
                dataIndex: 'status',
                render: (_: unknown, c: ChangeView) => (
                  <Space size={4} wrap>
                    <ChangeStatusTag status={c.status} testId={`change-status-${c.id}`} />
                    {c.overrun && !isCustomer && <Tag color="red">{t('changes.overrunTag')}</Tag>}
                    {c.causedFaultCount > 0 && (
                      <Tag color="red" data-testid={`change-caused-count-${c.id}`}>
                        {t('changes.causedFaultTag', { count: c.causedFaultCount })}
                      </Tag>
                    )}
                    {/* finished, the customer's sign-off (用户确认) not given yet */}
                    {c.outcome != null && c.confirmation == null && (
                      <Tag color="gold" data-testid={`change-awaiting-confirm-${c.id}`}>
                        {t('changes.awaitingConfirmTag')}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              {
                title: oneLine(t('changes.col.implementer')),
                dataIndex: 'implementerName',
                render: (name: string) => oneLine(name),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

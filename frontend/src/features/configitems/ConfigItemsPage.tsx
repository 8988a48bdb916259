import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Input, Row, Segmented, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { referenceApi, referenceKeys } from '../../api/reference';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useIsPhone } from '../../shared/useIsPhone';
import {
  CONFIG_ITEM_EDITORS,
  CONFIG_ITEM_KINDS,
  CONFIG_ITEM_STATUSES,
  configItemKeys,
  configItemsApi,
  type ConfigItemFilter,
  type ConfigItemKind,
  type ConfigItemStatus,
  type ConfigItemSummary,
} from './api';
import { ConfigItemModal } from './ConfigItemForm';
import { UnitGraph } from './ConfigGraph';
import { codeLabel, ConfigKindTag, ConfigStatusTag } from './parts';

/** The server lists at most this many. */
const MAX_LISTED = 500;

/** 列表 / 关系图: the graph is asked for as `?view=graph` (with a unit), so it can be linked and survives a reload. */
type View = 'list' | 'graph';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((v) => v === value);

/**
 * The configuration items (RP-4): each unit's application systems, platform software, network links and business
 * services, filtered by unit (staff), kind, status and a search. Engineers, supervisors, process owners and admins
 * register new ones; everyone else reads. A customer's user sees their own unit's items only.
 */
export function ConfigItemsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isCustomer, hasRole } = useAuth();
  const phone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const canCreate = !isCustomer && hasRole(...CONFIG_ITEM_EDITORS);

  const customerParam = Number(params.get('customerId'));
  const filter: ConfigItemFilter = {
    customerId: !isCustomer && customerParam > 0 ? customerParam : undefined,
    kind: oneOf(CONFIG_ITEM_KINDS, params.get('kind')),
    status: oneOf(CONFIG_ITEM_STATUSES, params.get('status')),
    q: params.get('q')?.trim() || undefined,
  };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const setFilter = (key: keyof ConfigItemFilter, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };
  const [search, setSearch] = useState(filter.q ?? '');
  // the graph is one unit's: a customer's user has theirs (the only unit the server shows them), staff choose one first
  const canGraph = isCustomer || filter.customerId != null;
  const view: View = params.get('view') === 'graph' && canGraph ? 'graph' : 'list';
  const customers = useQuery({
    queryKey: referenceKeys.customers,
    queryFn: referenceApi.customers,
    enabled: !isCustomer || view === 'graph',
  });
  const graphUnit = isCustomer ? customers.data?.[0]?.id : filter.customerId;
  const setView = (v: View) => {
    const next = new URLSearchParams(params);
    if (v === 'graph') next.set('view', 'graph');
    else next.delete('view');
    setParams(next, { replace: true });
  };

  const items = useQuery({
    queryKey: configItemKeys.list(filter),
    queryFn: () => configItemsApi.list(filter),
    enabled: view === 'list',
  });
  const rows = items.data ?? [];
  // a desktop row keeps a number and a time on one line; a phone card lets them wrap (no sideways scroll)
  const oneLine = (text: ReactNode) => (phone ? text : <span style={{ whiteSpace: 'nowrap' }}>{text}</span>);
  const wrap = (text: ReactNode) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span>;
  const link = (c: ConfigItemSummary, text: ReactNode) => (
    <Link to={`/config-items/${c.id}`} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  );

  return (
    <div data-testid="config-items-page">
      <PageHeader
        title={t('configItems.title')}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ci-create">
              {t('configItems.create')}
            </Button>
          )
        }
      />
      {isCustomer && (
        <Typography.Paragraph type="secondary" data-testid="ci-customer-intro">
          {t('configItems.customerIntro')}
        </Typography.Paragraph>
      )}
      <Space wrap size={[12, 4]} style={{ marginBottom: 12 }}>
        <Segmented<View>
          data-testid="ci-view"
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: t('configItems.view.list') },
            {
              value: 'graph',
              disabled: !canGraph,
              label: (
                <Tooltip title={canGraph ? undefined : t('configItems.graph.chooseUnit')}>
                  <span>{t('configItems.view.graph')}</span>
                </Tooltip>
              ),
            },
          ]}
        />
        {!canGraph && (
          <Typography.Text type="secondary" data-testid="ci-view-choose-unit">
            {t('configItems.graph.chooseUnit')}
          </Typography.Text>
        )}
      </Space>
      {(view === 'list' || !isCustomer) && (
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          {!isCustomer && (
            <Col xs={24} md={6}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: '100%' }}
                placeholder={t('configItems.filter.unit')}
                value={filter.customerId}
                onChange={(v?: number) => setFilter('customerId', v)}
                loading={customers.isFetching}
                options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                data-testid="ci-filter-unit"
              />
            </Col>
          )}
          {view === 'list' && (
            <>
              <Col xs={12} md={isCustomer ? 6 : 4}>
                <Select
                  allowClear
                  style={{ width: '100%' }}
                  placeholder={t('configItems.filter.kind')}
                  value={filter.kind}
                  onChange={(v?: ConfigItemKind) => setFilter('kind', v)}
                  options={CONFIG_ITEM_KINDS.map((k) => ({ value: k, label: codeLabel(t, 'configKind', k) }))}
                  data-testid="ci-filter-kind"
                />
              </Col>
              <Col xs={12} md={isCustomer ? 6 : 4}>
                <Select
                  allowClear
                  style={{ width: '100%' }}
                  placeholder={t('configItems.filter.status')}
                  value={filter.status}
                  onChange={(v?: ConfigItemStatus) => setFilter('status', v)}
                  options={CONFIG_ITEM_STATUSES.map((s) => ({ value: s, label: codeLabel(t, 'configStatus', s) }))}
                  data-testid="ci-filter-status"
                />
              </Col>
              <Col xs={24} md={isCustomer ? 12 : 10}>
                <Input.Search
                  allowClear
                  value={search}
                  onChange={(e) => {
                    setSearch(e.target.value);
                    // the clear button: show everything again at once
                    if (e.target.value === '') setFilter('q', undefined);
                  }}
                  onSearch={(v) => setFilter('q', v.trim() || undefined)}
                  placeholder={t('configItems.filter.search')}
                  data-testid="ci-filter-search"
                />
              </Col>
            </>
          )}
        </Row>
      )}
      {view === 'graph' ? (
        graphUnit != null ? (
          <UnitGraph customerId={graphUnit} />
        ) : customers.error ? (
          <Alert
            type="error"
            showIcon
            message={t('common.loadFailed', { message: describeError(customers.error, t) })}
          />
        ) : (
          <Spin />
        )
      ) : (
        <>
          {items.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('common.loadFailed', { message: describeError(items.error, t) })}
            />
          )}
          {rows.length >= MAX_LISTED && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('configItems.tooMany', { max: MAX_LISTED })}
              data-testid="ci-too-many"
            />
          )}
          <ResponsiveTable<ConfigItemSummary>
            rowKey="id"
            data-testid="ci-list"
            loading={items.isLoading}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{ emptyText: t(filtered ? 'configItems.emptyFiltered' : 'configItems.empty') }}
            onRow={(c) =>
              ({
                onClick: () => void navigate(`/config-items/${c.id}`),
                className: 'clickable-row',
                'data-testid': `ci-row-${c.id}`,
              }) as HTMLAttributes<HTMLElement>
            }
            cardTitle={(c) => link(c, wrap(`${c.number} · ${c.name}`))}
            cardHidden={['number', 'name']}
            columns={[
              {
                title: t('configItems.col.number'),
                dataIndex: 'number',
                render: (_: unknown, c: ConfigItemSummary) => link(c, oneLine(c.number)),
              },
              {
                title: t('configItems.col.name'),
                dataIndex: 'name',
                render: (_: unknown, c: ConfigItemSummary) => link(c, wrap(c.name)),
              },
              {
                title: oneLine(t('configItems.col.kind')),
                dataIndex: 'kind',
                render: (_: unknown, c: ConfigItemSummary) => <ConfigKindTag kind={c.kind} />,
              },
              {
                title: t('configItems.col.version'),
                dataIndex: 'version',
                render: (v?: string | null) => wrap(v || t('common.empty')),
              },
              {
                title: t('configItems.col.unit'),
                dataIndex: 'customerName',
                hidden: isCustomer,
                render: (v: string) => wrap(v),
              },
              {
                title: t('configItems.col.location'),
                dataIndex: 'location',
                render: (v?: string | null) => wrap(v || t('common.empty')),
              },
              {
                title: oneLine(t('configItems.col.status')),
                dataIndex: 'status',
                render: (_: unknown, c: ConfigItemSummary) => (
                  <ConfigStatusTag status={c.status} testId={`ci-status-${c.id}`} />
                ),
              },
              {
                title: oneLine(t('configItems.col.relations')),
                key: 'relations',
                render: (_: unknown, c: ConfigItemSummary) => (
                  <Tooltip title={t('configItems.relationsDetail', { links: c.links, usedBy: c.usedBy })}>
                    <span data-testid={`ci-relations-${c.id}`}>{c.links + c.usedBy}</span>
                  </Tooltip>
                ),
              },
              {
                title: oneLine(t('configItems.col.updated')),
                dataIndex: 'updatedAt',
                render: (v: string) => oneLine(formatDateTime(v)),
              },
            ]}
          />
        </>
      )}
      {creating && (
        <ConfigItemModal
          onClose={() => setCreating(false)}
          onSaved={(view) => void navigate(`/config-items/${view.id}`)}
        />
      )}
    </div>
  );
}

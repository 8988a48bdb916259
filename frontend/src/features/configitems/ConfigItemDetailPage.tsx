import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { DescriptionsProps } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useIsPhone } from '../../shared/useIsPhone';
import { configItemKeys, configItemsApi, type ChangeStatusCode, type ConfigItemView, type ConfigLinkView } from './api';
import { AddLinkModal } from './AddLinkModal';
import { ItemCases } from './ItemCases';
import { ConfigItemModal } from './ConfigItemForm';
import { ItemGraph } from './ItemGraph';
import { codeLabel, ConfigKindTag, ConfigStatusTag, describeItemError, historyText } from './parts';

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

type FactItem = NonNullable<DescriptionsProps['items']>[number];

/** What a relation points at: a device with its type and site, or another item, each linking to its page. */
function LinkTarget({ link }: { link: ConfigLinkView }) {
  const { t } = useTranslation();
  if (link.targetType === 'DEVICE') {
    const detail = [
      link.targetDeviceType ? t(`admin.deviceType.${link.targetDeviceType}`, { defaultValue: '' }) : null,
      link.siteName,
    ].filter(Boolean);
    return (
      <Space size={4} wrap>
        <Tag>{codeLabel(t, 'configTarget', 'DEVICE')}</Tag>
        <Link to={`/devices/${link.targetId}`} style={textStyle}>
          {link.targetName}
        </Link>
        {detail.length > 0 && <Typography.Text type="secondary">{detail.join(' · ')}</Typography.Text>}
        {link.targetRetired && <Tag color="default">{t('configItems.links.deviceRetired')}</Tag>}
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      <Tag>{codeLabel(t, 'configTarget', 'ITEM')}</Tag>
      <Link to={`/config-items/${link.targetId}`} style={textStyle}>
        {[link.targetNumber, link.targetName].filter(Boolean).join(' ')}
      </Link>
      {link.targetKind && (
        <Typography.Text type="secondary">{codeLabel(t, 'configKind', link.targetKind)}</Typography.Text>
      )}
      {link.targetStatus && link.targetStatus !== 'IN_SERVICE' && <ConfigStatusTag status={link.targetStatus} />}
    </Space>
  );
}

/** 关系: what the item runs on, depends on, connects to; an editor adds and removes them (removing asks first). */
function Relations({ item }: { item: ConfigItemView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const sending = useRef(false);

  const unlink = async (link: ConfigLinkView) => {
    if (sending.current) return;
    sending.current = true;
    setRemoving(link.id);
    try {
      const view = await configItemsApi.unlink(item.id, link.id);
      queryClient.setQueryData(configItemKeys.detail(item.id), view);
      void queryClient.invalidateQueries({ queryKey: configItemKeys.all });
      message.success(t('configItems.links.removed'));
    } catch (e) {
      message.error(describeItemError(e, t));
      void queryClient.invalidateQueries({ queryKey: configItemKeys.detail(item.id) });
    } finally {
      sending.current = false;
      setRemoving(null);
    }
  };

  return (
    <Card
      size="small"
      title={t('configItems.links.title')}
      style={{ marginBottom: 16 }}
      data-testid="ci-links"
      extra={
        item.canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="ci-link-add">
            {t('configItems.links.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('configItems.links.help')}
      </Typography.Paragraph>
      {item.links.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('configItems.links.empty')} />
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {item.links.map((link) => (
            <div
              key={link.id}
              data-testid={`ci-link-${link.id}`}
              style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}
            >
              <Typography.Text strong>{codeLabel(t, 'configRelation', link.relation)}</Typography.Text>
              <LinkTarget link={link} />
              {item.canEdit && (
                <Popconfirm
                  title={t('configItems.links.removeConfirm', { name: link.targetName })}
                  okText={t('configItems.links.remove')}
                  cancelText={t('configItems.cancel')}
                  okButtonProps={{ danger: true, ...({ 'data-testid': `ci-unlink-ok-${link.id}` } as object) }}
                  onConfirm={() => void unlink(link)}
                >
                  <Button
                    size="small"
                    type="link"
                    danger
                    loading={removing === link.id}
                    disabled={removing != null}
                    data-testid={`ci-unlink-${link.id}`}
                  >
                    {t('configItems.links.remove')}
                  </Button>
                </Popconfirm>
              )}
            </div>
          ))}
        </Space>
      )}
      {adding && <AddLinkModal item={item} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** 被依赖: the other items that point at this one, each linking to its page. */
function UsedBy({ item }: { item: ConfigItemView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('configItems.usedBy.title')} style={{ marginBottom: 16 }} data-testid="ci-used-by">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('configItems.usedBy.help')}
      </Typography.Paragraph>
      {item.usedBy.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('configItems.usedBy.empty')} />
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {item.usedBy.map((u) => (
            <Space key={u.linkId} size={4} wrap data-testid={`ci-used-by-${u.itemId}`}>
              <Link to={`/config-items/${u.itemId}`} style={textStyle}>
                {u.itemNumber} {u.itemName}
              </Link>
              <Typography.Text type="secondary">{codeLabel(t, 'configKind', u.itemKind)}</Typography.Text>
              <Typography.Text type="secondary">· {codeLabel(t, 'configRelation', u.relation)}</Typography.Text>
              {u.itemStatus !== 'IN_SERVICE' && <ConfigStatusTag status={u.itemStatus} />}
            </Space>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** The change pages' colours of a change's status (the labels are theirs too, under changes.status). */
const CHANGE_STATUS_COLORS: Record<ChangeStatusCode, string> = {
  SUBMITTED: 'gold',
  TESTING: 'purple',
  SCHEDULED: 'blue',
  IN_PROGRESS: 'processing',
  DONE: 'green',
  REJECTED: 'red',
  TEST_FAILED: 'volcano',
  CANCELLED: 'default',
};

/** 相关变更 (RP-5): the changes that name this item, newest first, each linking to its page. */
function RelatedChanges({ item }: { item: ConfigItemView }) {
  const { t } = useTranslation();
  const changes = item.changes ?? [];
  return (
    <Card size="small" title={t('configItems.changes.title')} style={{ marginBottom: 16 }} data-testid="ci-changes">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('configItems.changes.help')}
      </Typography.Paragraph>
      {changes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('configItems.changes.empty')} />
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {changes.map((c) => (
            <div key={c.id} data-testid={`ci-change-${c.id}`}>
              <Space size={4} wrap>
                <Link to={`/changes/${c.id}`}>{c.number}</Link>
                <span style={textStyle}>{c.title}</span>
                <Tag color={CHANGE_STATUS_COLORS[c.status] ?? 'default'} data-status={c.status}>
                  {t(`changes.status.${c.status}`, { defaultValue: t('configItems.unknown') })}
                </Tag>
                {c.outcome && (
                  <Tag color={c.outcome === 'SUCCEEDED' ? 'green' : 'orange'} data-outcome={c.outcome}>
                    {t(`changes.outcome.${c.outcome}`, { defaultValue: t('configItems.unknown') })}
                  </Tag>
                )}
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('configItems.changes.window', {
                    start: formatDateTime(c.plannedStart),
                    end: formatDateTime(c.plannedEnd),
                  })}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** 变更履历: who changed what and when, newest first; codes read as their labels. */
function History({ item }: { item: ConfigItemView }) {
  const { t } = useTranslation();
  const events = [...item.history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Card size="small" title={t('configItems.history.title')} data-testid="ci-history">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('configItems.history.empty')} />
      ) : (
        <Timeline
          items={events.map((e) => ({
            key: e.id,
            color: e.action === 'CREATED' ? 'green' : e.action === 'UNLINKED' ? 'gray' : 'blue',
            children: (
              <div data-testid={`ci-event-${e.id}`}>
                <div style={textStyle} data-testid={`ci-event-text-${e.id}`}>
                  {historyText(e, t)}
                </div>
                {/* written by a change's outcome (RP-5) */}
                {e.changeId != null && (
                  <div style={textStyle}>
                    <Link to={`/changes/${e.changeId}`} data-testid={`ci-event-change-${e.id}`}>
                      {t('configItems.history.byChange', { number: e.changeNumber ?? '' })}
                    </Link>
                  </div>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('configItems.detail.byAt', { name: e.byName, at: formatDateTime(e.at) })}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/**
 * One configuration item (RP-4): its facts, what it runs on / depends on / connects to, which items depend on it,
 * and its lifecycle history. Editors (the view's canEdit) edit it and its relations; everyone else reads.
 */
export function ConfigItemDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const phone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: configItemKeys.detail(id), queryFn: () => configItemsApi.get(id) });

  if (query.isLoading) return <Spin />;
  if (query.error || !query.data)
    return (
      <div>
        <Link to="/config-items">{t('configItems.detail.back')}</Link>
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={describeError(query.error, t)} />
      </div>
    );
  const c = query.data;
  const span = phone ? 1 : 2;
  const blank = t('common.empty');
  const fact = (key: string, label: string, value: ReactNode, wide = false): FactItem => ({
    key,
    label,
    span: wide ? span : 1,
    children: (
      <span style={textStyle} data-testid={`ci-fact-${key}`}>
        {value}
      </span>
    ),
  });
  const facts: FactItem[] = [
    fact('customer', t('configItems.field.customer'), c.customerName),
    fact('kind', t('configField.kind'), codeLabel(t, 'configKind', c.kind)),
    fact('version', t('configField.version'), c.version || blank),
    fact('status', t('configField.status'), codeLabel(t, 'configStatus', c.status)),
    fact('location', t('configField.location'), c.location || blank),
    fact('owner', t('configField.owner'), c.owner || blank),
    fact('parameters', t('configField.parameters'), c.parameters || blank, true),
    fact('notes', t('configField.notes'), c.notes || blank, true),
    fact(
      'created',
      t('configItems.field.created'),
      t('configItems.detail.byAt', { name: c.createdByName, at: formatDateTime(c.createdAt) }),
    ),
    fact(
      'updated',
      t('configItems.field.updated'),
      t('configItems.detail.byAt', { name: c.updatedByName, at: formatDateTime(c.updatedAt) }),
    ),
  ];

  return (
    <div data-testid="ci-detail">
      <Link to="/config-items">{t('configItems.detail.back')}</Link>
      <PageHeader
        title={<span style={{ overflowWrap: 'anywhere' }}>{c.name}</span>}
        extra={
          c.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="ci-edit">
              {t('configItems.edit.button')}
            </Button>
          )
        }
      />
      <Space wrap size={[8, 8]} style={{ marginTop: -8, marginBottom: 16 }}>
        <Typography.Text type="secondary" data-testid="ci-number">
          {c.number}
        </Typography.Text>
        <ConfigKindTag kind={c.kind} />
        <ConfigStatusTag status={c.status} testId="ci-status" />
      </Space>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={phone ? 1 : 2}
          layout={phone ? 'vertical' : 'horizontal'}
          data-testid="ci-facts"
          items={facts}
        />
      </Card>

      <Relations item={c} />
      <UsedBy item={c} />
      <ItemGraph item={c} />
      <RelatedChanges item={c} />
      <ItemCases item={c} />
      <History item={c} />

      {editing && <ConfigItemModal item={c} onClose={() => setEditing(false)} />}
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, List, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { referenceApi, referenceKeys } from '../../api/reference';
import type { TicketDetail } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ActionModal } from '../../shared/ActionModal';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { CASE_ITEM_EDITORS, configItemKeys, configItemsApi, type CaseConfigItem } from './api';
import { codeLabel, ConfigKindTag, ConfigStatusTag, formField } from './parts';

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

interface AddValues {
  configItemId: number;
}

/** The case's own query key (tickets/api.ts ticketKeys.one): its timeline gets a line for each link and unlink. */
const caseKey = (ticketId: number) => ['tickets', String(ticketId)] as const;

/**
 * 相关配置项 (RP-4): the configuration items a case names (the application, platform, link or service that failed
 * with it), oldest link first, each linking to its page. The desk, engineers and supervisors name another of the
 * unit's items (关联配置项, in the shared ActionModal) or take one off; on a closed case nobody does. The server's
 * refusals (already named, the case closed meanwhile) are shown in the reader's words as it sends them.
 */
export function CaseConfigItems({ ticket }: { ticket: Pick<TicketDetail, 'id' | 'siteId' | 'status'> }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const mayEdit = hasRole(...CASE_ITEM_EDITORS) && ticket.status !== 'CLOSED';
  const items = useQuery({
    queryKey: configItemKeys.caseItems(ticket.id),
    queryFn: () => configItemsApi.caseItems(ticket.id),
  });

  /** After a link or an unlink: the list, the case's timeline and the items' own pages (their 相关故障). */
  const reload = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKey(ticket.id) }),
      queryClient.invalidateQueries({ queryKey: configItemKeys.all }),
    ]);
  };

  const remove = async (item: CaseConfigItem) => {
    try {
      await configItemsApi.removeCaseItem(ticket.id, item.itemId);
      message.success(t('configItems.caseItems.removed'));
    } catch (e) {
      // 404: someone took it off meanwhile; 409: the case was closed meanwhile; either way read it again
      message.error(describeError(e, t));
    }
    await reload();
  };

  const named = items.data ?? [];
  return (
    <Card
      size="small"
      title={t('configItems.caseItems.title')}
      data-testid="case-config-items"
      extra={
        mayEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="case-ci-add">
            {t('configItems.caseItems.add')}
          </Button>
        )
      }
    >
      {items.error ? (
        <Typography.Text type="warning" data-testid="case-ci-failed">
          {t('configItems.caseItems.failed', { message: describeError(items.error, t) })}
        </Typography.Text>
      ) : (
        <List
          size="small"
          loading={items.isLoading}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('configItems.caseItems.empty')} />,
          }}
          dataSource={named}
          renderItem={(item) => (
            <List.Item
              data-testid={`case-ci-${item.itemId}`}
              actions={
                mayEdit
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('configItems.caseItems.removeConfirm', { name: item.name })}
                        okText={t('configItems.caseItems.remove')}
                        cancelText={t('configItems.cancel')}
                        okButtonProps={{
                          danger: true,
                          ...({ 'data-testid': `case-ci-remove-ok-${item.itemId}` } as object),
                        }}
                        onConfirm={() => void remove(item)}
                      >
                        <Button size="small" type="link" danger data-testid={`case-ci-remove-${item.itemId}`}>
                          {t('configItems.caseItems.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Link to={`/config-items/${item.itemId}`} style={textStyle}>
                      {item.number} {item.name}
                    </Link>
                    <ConfigKindTag kind={item.kind} />
                    <ConfigStatusTag status={item.status} />
                    {item.version && (
                      <Typography.Text type="secondary" style={textStyle}>
                        {t('configItems.caseItems.version', { version: item.version })}
                      </Typography.Text>
                    )}
                  </Space>
                }
                description={
                  <span style={textStyle}>
                    {t('configItems.caseItems.linkedBy', {
                      name: item.linkedByName ?? item.linkedBy,
                      at: formatDateTime(item.linkedAt),
                    })}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      {adding && (
        <ActionModal<AddValues, CaseConfigItem>
          title={t('configItems.caseItems.addTitle')}
          okText={t('configItems.caseItems.submit')}
          cancelText={t('configItems.cancel')}
          testIds={{ modal: 'case-ci-modal', ok: 'case-ci-ok', error: 'case-ci-error' }}
          send={(values) => configItemsApi.addCaseItem(ticket.id, { configItemId: values.configItemId })}
          onSent={() => void reload()}
          // already named by someone else, or the case closed meanwhile: show the case as it is now
          onConflict={() => void reload()}
          done={t('configItems.caseItems.added')}
          onClose={() => setAdding(false)}
          fieldName={(field) => (formField(field) === 'configItemId' ? 'configItemId' : undefined)}
          // the server words its refusals in the reader's language (problem.configItemOnCase, problem.caseClosed)
          describeError={(e) => describeError(e, t)}
        >
          <CaseItemSelect siteId={ticket.siteId} named={named} />
        </ActionModal>
      )}
    </Card>
  );
}

/** The case's unit's items (found through its site), not retired, not named on the case yet. */
function CaseItemSelect({ siteId, named }: { siteId: number; named: CaseConfigItem[] }) {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: referenceKeys.sites, queryFn: referenceApi.sites });
  const customerId = sites.data?.find((s) => s.id === siteId)?.customerId;
  const unitItems = useQuery({
    queryKey: configItemKeys.list({ customerId }),
    queryFn: () => configItemsApi.list({ customerId }),
    enabled: customerId != null,
  });
  const loading = sites.isLoading || unitItems.isLoading;
  const taken = new Set(named.map((n) => n.itemId));
  const options = (unitItems.data ?? [])
    .filter((i) => i.status !== 'RETIRED' && !taken.has(i.id))
    .map((i) => ({ value: i.id, label: `${i.number} · ${i.name}（${codeLabel(t, 'configKind', i.kind)}）` }));
  return (
    <Form.Item
      name="configItemId"
      label={t('configItems.caseItems.item')}
      rules={[{ required: true, message: t('validation.choose', { field: t('configItems.caseItems.item') }) }]}
    >
      <Select
        data-testid="case-ci-select"
        showSearch
        optionFilterProp="label"
        loading={loading}
        placeholder={t('configItems.caseItems.placeholder')}
        notFoundContent={loading ? undefined : t('configItems.caseItems.noItems')}
        options={options}
      />
    </Form.Item>
  );
}

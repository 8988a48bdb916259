import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { adminApi, adminKeys, type AdminCustomer } from './api';
import {
  apiTokenKeys,
  apiTokensApi,
  TOKEN_ROLES,
  type ApiTokenCreated,
  type ApiTokenInput,
  type ApiTokenRow,
} from './apiTokensApi';
import { FormModal } from './FormModal';
import { ResponsiveTable } from './ResponsiveTable';
import { useAdminRefresh } from './useAdminRefresh';
import { useStaffNames } from '../../shared/useStaffNames';

const TOKEN_FIELDS = ['name', 'role', 'customerId'];

function TokenForm({
  customers,
  onCreated,
  onClose,
}: {
  customers: AdminCustomer[];
  onCreated: (c: ApiTokenCreated) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<ApiTokenInput>
      open
      title={t('apiTokens.add')}
      fields={TOKEN_FIELDS}
      onSubmit={async (v) => {
        try {
          onCreated(
            await apiTokensApi.create({
              name: v.name.trim(),
              role: v.role,
              customerId: v.role === 'CUSTOMER' ? v.customerId : undefined,
            }),
          );
        } catch (e) {
          // 409: the name is taken; said in the user's words, not the server's
          if (e instanceof ApiError && e.status === 409) throw new Error(t('apiTokens.nameTaken'));
          throw e;
        }
      }}
      onClose={onClose}
      testId="token-form"
    >
      <Form.Item
        name="name"
        label={t('apiTokens.name')}
        extra={t('apiTokens.nameHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('apiTokens.name') }) },
          { max: 60, message: t('apiTokens.nameTooLong') },
        ]}
      >
        <Input data-testid="token-name" maxLength={60} />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('apiTokens.role')}
        extra={t('apiTokens.roleHint')}
        rules={[{ required: true, message: t('validation.choose', { field: t('apiTokens.role') }) }]}
      >
        <Select data-testid="token-role" options={TOKEN_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
        {({ getFieldValue }) =>
          getFieldValue('role') === 'CUSTOMER' ? (
            <Form.Item
              name="customerId"
              label={t('apiTokens.customer')}
              extra={t('apiTokens.customerHint')}
              rules={[{ required: true, message: t('validation.choose', { field: t('apiTokens.customer') }) }]}
            >
              <Select
                data-testid="token-customer"
                showSearch
                optionFilterProp="label"
                options={customers.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </FormModal>
  );
}

/** The new token, shown this once with a copy button and how a client sends it. */
export function ApiTokenOnce({ created, onClose }: { created: ApiTokenCreated; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('apiTokens.tokenTitle', { name: created.apiToken.name })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-done">
          {t('apiTokens.tokenDone')}
        </Button>
      }
      maskClosable={false}
    >
      <Alert type="warning" showIcon message={t('apiTokens.tokenOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        code
        copyable={{ text: created.token, tooltips: [t('apiTokens.copy'), t('apiTokens.copied')] }}
        style={{ wordBreak: 'break-all' }}
        data-testid="token-value"
      >
        {created.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('apiTokens.howToUse')}</Typography.Text>
      <Typography.Paragraph code style={{ wordBreak: 'break-all', marginTop: 4 }}>
        {`Authorization: Bearer <${t('apiTokens.tokenWord')}>`}
      </Typography.Paragraph>
    </Modal>
  );
}

/** 接口令牌: tokens of monitoring systems and integrations, with their role, unit and last use; issue, revoke. */
export function ApiTokensTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const staffName = useStaffNames();
  const { message } = App.useApp();
  const tokens = useQuery({ queryKey: apiTokenKeys.list, queryFn: () => apiTokensApi.list(), refetchInterval: 60_000 });
  const customers = useQuery({ queryKey: adminKeys.customers, queryFn: () => adminApi.customers() });
  const refresh = useAdminRefresh();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated>();
  const customerName = (id?: number) =>
    id == null ? t('apiTokens.allUnits') : (customers.data?.find((c) => c.id === id)?.name ?? String(id));

  const revoke = async (row: ApiTokenRow) => {
    try {
      await apiTokensApi.revoke(row.id);
      message.success(t('apiTokens.revoked'));
    } catch (e) {
      message.error(describeError(e, t));
    }
    await refresh(apiTokenKeys.list);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('apiTokens.intro')}
      </Typography.Paragraph>
      {tokens.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(tokens.error, t) })} />
      )}
      {canEdit && (
        <Button type="primary" onClick={() => setAdding(true)} data-testid="token-add">
          {t('apiTokens.add')}
        </Button>
      )}
      <ResponsiveTable<ApiTokenRow>
        testId="token-table"
        rows={tokens.data}
        loading={tokens.isFetching && !tokens.data}
        rowKey={(a) => a.id}
        empty={t('apiTokens.empty')}
        columns={[
          { key: 'name', title: t('apiTokens.name'), render: (a) => a.name },
          {
            key: 'prefix',
            title: t('apiTokens.prefix'),
            render: (a) => <Typography.Text code>{a.tokenPrefix}…</Typography.Text>,
          },
          { key: 'role', title: t('apiTokens.role'), render: (a) => <Tag>{t(`role.${a.role}`)}</Tag> },
          { key: 'customer', title: t('apiTokens.customer'), render: (a) => customerName(a.customerId) },
          {
            key: 'status',
            title: t('apiTokens.status'),
            render: (a) => (
              <Tag color={a.active ? 'green' : 'default'} data-testid={`token-status-${a.id}`}>
                {t(a.active ? 'apiTokens.active' : 'apiTokens.revokedTag')}
              </Tag>
            ),
          },
          {
            key: 'lastUsed',
            title: t('apiTokens.lastUsed'),
            render: (a) => (a.lastUsedAt ? formatDateTime(a.lastUsedAt) : t('apiTokens.neverUsed')),
          },
          {
            key: 'created',
            title: t('apiTokens.created'),
            render: (a) =>
              t('apiTokens.createdBy', { time: formatDateTime(a.createdAt), user: staffName(a.createdBy) }),
          },
        ]}
        actionsTitle={t('admin.actions')}
        actions={
          canEdit
            ? (a) =>
                !a.active ? (
                  <Typography.Text type="secondary">
                    {t('apiTokens.revokedAt', { time: formatDateTime(a.revokedAt) })}
                  </Typography.Text>
                ) : (
                  <Popconfirm
                    title={t('apiTokens.confirmRevoke', { name: a.name })}
                    okText={t('apiTokens.revoke')}
                    cancelText={t('admin.cancel')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
                    onConfirm={() => revoke(a)}
                  >
                    <Button size="small" danger data-testid={`token-revoke-${a.id}`}>
                      {t('apiTokens.revoke')}
                    </Button>
                  </Popconfirm>
                )
            : undefined
        }
      />
      {adding && (
        <TokenForm
          customers={customers.data ?? []}
          onClose={() => setAdding(false)}
          onCreated={(c) => {
            setAdding(false);
            setCreated(c);
            void refresh(apiTokenKeys.list);
          }}
        />
      )}
      {created && <ApiTokenOnce created={created} onClose={() => setCreated(undefined)} />}
    </Space>
  );
}

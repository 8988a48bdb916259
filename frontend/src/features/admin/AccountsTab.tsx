import { Alert, App, Button, Checkbox, Form, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { describeError } from '../../shared/errors';
import { useAdminRefresh } from './useAdminRefresh';
import { adminApi, adminKeys, STAFF_ROLES, type Account, type AccountInput, type AdminCustomer } from './api';
import { FormModal } from './FormModal';
import { ResponsiveTable } from './ResponsiveTable';

const ACCOUNT_FIELDS = ['username', 'displayName', 'roles', 'customerId', 'email', 'mobile', 'password'];

interface AccountFormProps {
  open: boolean;
  /** The account to edit; undefined = a new one. */
  account?: Account;
  /** True with local accounts: a new account gets its initial password here. */
  passwordManagedHere: boolean;
  customers: AdminCustomer[];
  onSaved: () => void;
  onClose: () => void;
}

/** Create or edit an account: staff (roles) or a customer's user (role CUSTOMER and one unit). */
export function AccountForm({ open, account, passwordManagedHere, customers, onSaved, onClose }: AccountFormProps) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(account?.roles ?? []);
  const isNew = !account;
  const customerUser = roles.includes('CUSTOMER');

  const submit = async (values: AccountInput) => {
    const body = {
      displayName: values.displayName,
      roles: values.roles,
      email: values.email || undefined,
      mobile: values.mobile || undefined,
      customerId: values.roles.includes('CUSTOMER') ? values.customerId : undefined,
    };
    if (isNew)
      await adminApi.createAccount({ ...body, username: values.username, password: values.password || undefined });
    else await adminApi.editAccount(account.username, body);
    onSaved();
  };

  return (
    <FormModal<AccountInput>
      open={open}
      title={t(isNew ? 'admin.accounts.add' : 'admin.accounts.edit')}
      initialValues={account ?? { roles: [] }}
      fields={ACCOUNT_FIELDS}
      onSubmit={submit}
      onClose={onClose}
      testId="account-form"
    >
      {!passwordManagedHere && (
        <Alert type="info" showIcon message={t('admin.accounts.keycloakNote')} style={{ marginBottom: 12 }} />
      )}
      <Form.Item
        name="username"
        label={t('admin.accounts.username')}
        extra={isNew ? t('admin.accounts.usernameHint') : undefined}
        rules={[{ required: true, message: t('validation.required', { field: t('admin.accounts.username') }) }]}
      >
        <Input disabled={!isNew} data-testid="account-username" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('admin.accounts.displayName')}
        rules={[{ required: true, message: t('validation.required', { field: t('admin.accounts.displayName') }) }]}
      >
        <Input data-testid="account-displayName" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('admin.accounts.roles')}
        rules={[
          {
            required: true,
            type: 'array',
            min: 1,
            message: t('validation.choose', { field: t('admin.accounts.roles') }),
          },
        ]}
      >
        <Checkbox.Group
          data-testid="account-roles"
          onChange={(v) => setRoles(v)}
          options={[...STAFF_ROLES, 'CUSTOMER' as Role].map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      </Form.Item>
      {customerUser && (
        <Form.Item
          name="customerId"
          label={t('admin.accounts.customer')}
          extra={t('admin.accounts.customerHint')}
          rules={[{ required: true, message: t('validation.choose', { field: t('admin.accounts.customer') }) }]}
        >
          <Select data-testid="account-customer" options={customers.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
      <Form.Item
        name="email"
        label={t('admin.accounts.email')}
        rules={[{ type: 'email', message: t('admin.accounts.emailInvalid') }]}
      >
        <Input data-testid="account-email" />
      </Form.Item>
      <Form.Item name="mobile" label={t('admin.accounts.mobile')}>
        <Input data-testid="account-mobile" />
      </Form.Item>
      {isNew && passwordManagedHere && (
        <Form.Item
          name="password"
          label={t('admin.accounts.password')}
          extra={t('admin.accounts.passwordHint')}
          rules={[{ required: true, message: t('validation.required', { field: t('admin.accounts.password') }) }]}
        >
          <Input.Password data-testid="account-password" autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}

function ResetPasswordForm({ account, onClose }: { account?: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <FormModal<{ password: string }>
      open={!!account}
      title={`${t('admin.accounts.resetPassword')} · ${account?.displayName ?? ''}`}
      fields={['password']}
      onSubmit={async (v) => {
        await adminApi.resetPassword(account!.username, v.password);
        message.success(t('admin.accounts.passwordReset'));
      }}
      onClose={onClose}
      testId="password-form"
    >
      <Form.Item
        name="password"
        label={t('admin.accounts.newPassword')}
        extra={t('admin.accounts.passwordHint')}
        rules={[{ required: true, message: t('validation.required', { field: t('admin.accounts.newPassword') }) }]}
      >
        <Input.Password data-testid="password-new" autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

export function AccountsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accounts = useQuery({ queryKey: adminKeys.accounts, queryFn: () => adminApi.accounts() });
  const customers = useQuery({ queryKey: adminKeys.customers, queryFn: () => adminApi.customers() });
  const refresh = useAdminRefresh();
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [resetting, setResetting] = useState<Account>();
  const unitName = (id?: number) => customers.data?.find((c) => c.id === id)?.name ?? '';
  const local = accounts.data?.passwordManagedHere ?? true;

  const setEnabled = async (a: Account, enabled: boolean) => {
    try {
      await adminApi.setAccountEnabled(a.username, enabled);
      message.success(t('admin.saved'));
    } catch (e) {
      message.error(describeError(e, t));
    }
    await refresh(adminKeys.accounts);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!local && <Alert type="info" showIcon message={t('admin.accounts.keycloakNote')} data-testid="keycloak-note" />}
      {accounts.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(accounts.error, t) })} />
      )}
      {canEdit && (
        <Button type="primary" onClick={() => setEditing('new')} data-testid="account-add">
          {t('admin.accounts.add')}
        </Button>
      )}
      <ResponsiveTable<Account>
        testId="account-table"
        rows={accounts.data?.accounts}
        loading={accounts.isFetching}
        rowKey={(a) => a.username}
        empty={t('admin.accounts.empty')}
        columns={[
          { key: 'username', title: t('admin.accounts.username'), render: (a) => a.username },
          { key: 'displayName', title: t('admin.accounts.displayName'), render: (a) => a.displayName },
          {
            key: 'roles',
            title: t('admin.accounts.roles'),
            render: (a) => (
              <Space size={[0, 4]} wrap>
                {a.roles.map((r) => (
                  <Tag key={r}>{t(`role.${r}`)}</Tag>
                ))}
                {a.customerId != null && <Tag color="blue">{unitName(a.customerId)}</Tag>}
              </Space>
            ),
          },
          {
            key: 'contact',
            title: t('admin.accounts.mobile'),
            render: (a) => [a.mobile, a.email].filter(Boolean).join(' · ') || t('common.empty'),
          },
          {
            key: 'status',
            title: t('admin.accounts.status'),
            render: (a) => (
              <Tag color={a.enabled ? 'green' : 'default'}>{t(a.enabled ? 'admin.active' : 'admin.disabled')}</Tag>
            ),
          },
        ]}
        actionsTitle={t('admin.actions')}
        actions={
          canEdit
            ? (a) => (
                <Space wrap size={4}>
                  <Button size="small" onClick={() => setEditing(a)} data-testid={`account-edit-${a.username}`}>
                    {t('admin.edit')}
                  </Button>
                  {local && (
                    <Button size="small" onClick={() => setResetting(a)} data-testid={`account-password-${a.username}`}>
                      {t('admin.accounts.resetPassword')}
                    </Button>
                  )}
                  {a.enabled ? (
                    <Popconfirm
                      title={t('admin.accounts.confirmDisable', { name: a.displayName })}
                      okText={t('admin.disable')}
                      cancelText={t('admin.cancel')}
                      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
                      onConfirm={() => setEnabled(a, false)}
                    >
                      <Button size="small" danger data-testid={`account-disable-${a.username}`}>
                        {t('admin.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      size="small"
                      onClick={() => void setEnabled(a, true)}
                      data-testid={`account-enable-${a.username}`}
                    >
                      {t('admin.enable')}
                    </Button>
                  )}
                </Space>
              )
            : undefined
        }
      />
      {editing && (
        <AccountForm
          open
          account={editing === 'new' ? undefined : editing}
          passwordManagedHere={local}
          customers={customers.data ?? []}
          onSaved={() => {
            message.success(t('admin.saved'));
            void refresh(adminKeys.accounts);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <ResetPasswordForm account={resetting} onClose={() => setResetting(undefined)} />
    </Space>
  );
}

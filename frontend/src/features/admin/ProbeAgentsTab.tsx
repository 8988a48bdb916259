import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { adminApi, adminKeys, type AdminCustomer } from './api';
import { FormModal } from './FormModal';
import {
  probeAgentKeys,
  probeAgentsApi,
  type ProbeAgentCreated,
  type ProbeAgentInput,
  type ProbeAgentRow,
  type ProbeAgentStatus,
} from './probeAgentsApi';
import { ResponsiveTable } from './ResponsiveTable';
import { useAdminRefresh } from './useAdminRefresh';
import { matchSite, siteOption } from '../../shared/siteSearch';

const AGENT_FIELDS = ['name', 'customerId', 'siteIds'];
const STATUS_COLORS: Record<ProbeAgentStatus, string> = { ONLINE: 'green', OFFLINE: 'orange', REVOKED: 'default' };

/** The sites of the chosen customer unit, to pick which ones the agent serves. */
function SitePicker({
  customerId,
  value,
  onChange,
}: {
  customerId?: number;
  value?: number[];
  onChange?: (v: number[]) => void;
}) {
  const { t } = useTranslation();
  const sites = useQuery({
    queryKey: adminKeys.sites(customerId ?? 0),
    queryFn: () => adminApi.sites(customerId ?? 0),
    enabled: customerId != null,
  });
  return (
    <Select
      mode="multiple"
      data-testid="agent-sites"
      value={value}
      onChange={onChange}
      disabled={customerId == null}
      loading={sites.isFetching}
      placeholder={t(customerId == null ? 'probeAgents.pickCustomerFirst' : 'probeAgents.pickSites')}
      filterOption={matchSite}
      options={(sites.data ?? []).map((s) => siteOption(s))}
    />
  );
}

function AgentForm({
  customers,
  onCreated,
  onClose,
}: {
  customers: AdminCustomer[];
  onCreated: (c: ProbeAgentCreated) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<ProbeAgentInput>
      open
      title={t('probeAgents.add')}
      fields={AGENT_FIELDS}
      onSubmit={async (v) => {
        try {
          onCreated(await probeAgentsApi.create({ ...v, name: v.name.trim() }));
        } catch (e) {
          // 409: one of the sites already has an active agent; said in the user's words, not the server's
          if (e instanceof ApiError && e.status === 409) throw new Error(t('probeAgents.siteTaken'));
          throw e;
        }
      }}
      onClose={onClose}
      testId="agent-form"
    >
      <Form.Item
        name="name"
        label={t('probeAgents.name')}
        extra={t('probeAgents.nameHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('probeAgents.name') }) },
          { max: 60, message: t('probeAgents.nameTooLong') },
        ]}
      >
        <Input data-testid="agent-name" maxLength={60} />
      </Form.Item>
      <Form.Item
        name="customerId"
        label={t('probeAgents.customer')}
        rules={[{ required: true, message: t('validation.required', { field: t('probeAgents.customer') }) }]}
      >
        <Select
          data-testid="agent-customer"
          showSearch
          optionFilterProp="label"
          options={customers.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.customerId !== b.customerId}>
        {({ getFieldValue }) => (
          <Form.Item
            name="siteIds"
            label={t('probeAgents.sites')}
            extra={t('probeAgents.sitesHint')}
            rules={[{ required: true, message: t('validation.required', { field: t('probeAgents.sites') }) }]}
          >
            <SitePicker customerId={getFieldValue('customerId') as number | undefined} />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}

/** The token of a new agent, shown this once with a copy button and how to start the agent with it. */
export function TokenOnce({ created, onClose }: { created: ProbeAgentCreated; onClose: () => void }) {
  const { t } = useTranslation();
  const server = window.location.origin;
  return (
    <Modal
      open
      title={t('probeAgents.tokenTitle', { name: created.agent.name })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="agent-token-done">
          {t('probeAgents.tokenDone')}
        </Button>
      }
      maskClosable={false}
    >
      <Alert type="warning" showIcon message={t('probeAgents.tokenOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        code
        copyable={{ text: created.token, tooltips: [t('probeAgents.copy'), t('probeAgents.copied')] }}
        style={{ wordBreak: 'break-all' }}
        data-testid="agent-token"
      >
        {created.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('probeAgents.howToRun')}</Typography.Text>
      <Typography.Paragraph code style={{ wordBreak: 'break-all', marginTop: 4 }}>
        {`java -jar aftercare-probe-agent.jar --server ${server} --token <${t('probeAgents.tokenWord')}>`}
      </Typography.Paragraph>
    </Modal>
  );
}

/** 探测代理: the probe agents inside customers' networks, online or offline from their last call; register, revoke. */
export function ProbeAgentsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const agents = useQuery({
    queryKey: probeAgentKeys.list,
    queryFn: () => probeAgentsApi.list(),
    refetchInterval: 30_000,
  });
  const customers = useQuery({ queryKey: adminKeys.customers, queryFn: () => adminApi.customers() });
  const refresh = useAdminRefresh();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<ProbeAgentCreated>();

  const revoke = async (a: ProbeAgentRow) => {
    try {
      await probeAgentsApi.revoke(a.id);
      message.success(t('probeAgents.revoked'));
    } catch (e) {
      message.error(describeError(e, t));
    }
    await refresh(probeAgentKeys.list);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('probeAgents.intro')}
      </Typography.Paragraph>
      {agents.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(agents.error, t) })} />
      )}
      {canEdit && (
        <Button type="primary" onClick={() => setAdding(true)} data-testid="agent-add">
          {t('probeAgents.add')}
        </Button>
      )}
      <ResponsiveTable<ProbeAgentRow>
        testId="agent-table"
        rows={agents.data}
        loading={agents.isFetching && !agents.data}
        rowKey={(a) => a.id}
        empty={t('probeAgents.empty')}
        columns={[
          { key: 'name', title: t('probeAgents.name'), render: (a) => a.name },
          { key: 'customer', title: t('probeAgents.customer'), render: (a) => a.customerName ?? t('common.empty') },
          {
            key: 'sites',
            title: t('probeAgents.sites'),
            render: (a) => (
              <Space size={[0, 4]} wrap>
                {a.sites.map((s) => (
                  <Tag key={s.id}>{s.name ?? s.id}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('probeAgents.status'),
            render: (a) => (
              <Tag color={STATUS_COLORS[a.status]} data-testid={`agent-status-${a.id}`}>
                {t(`probeAgents.statuses.${a.status}`)}
              </Tag>
            ),
          },
          {
            key: 'lastSeen',
            title: t('probeAgents.lastSeen'),
            render: (a) => (a.lastSeenAt ? formatDateTime(a.lastSeenAt) : t('probeAgents.neverSeen')),
          },
        ]}
        actionsTitle={t('admin.actions')}
        actions={
          canEdit
            ? (a) =>
                a.status === 'REVOKED' ? (
                  <Typography.Text type="secondary">
                    {t('probeAgents.revokedAt', { time: formatDateTime(a.revokedAt) })}
                  </Typography.Text>
                ) : (
                  <Popconfirm
                    title={t('probeAgents.confirmRevoke', { name: a.name })}
                    okText={t('probeAgents.revoke')}
                    cancelText={t('admin.cancel')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
                    onConfirm={() => revoke(a)}
                  >
                    <Button size="small" danger data-testid={`agent-revoke-${a.id}`}>
                      {t('probeAgents.revoke')}
                    </Button>
                  </Popconfirm>
                )
            : undefined
        }
      />
      {adding && (
        <AgentForm
          customers={customers.data ?? []}
          onClose={() => setAdding(false)}
          onCreated={(c) => {
            setAdding(false);
            setCreated(c);
            void refresh(probeAgentKeys.list);
          }}
        />
      )}
      {created && <TokenOnce created={created} onClose={() => setCreated(undefined)} />}
    </Space>
  );
}

import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { alarmApi, alarmKeys, SOURCE_KINDS, type AlarmSource, type NewAlarmSource } from '../alarms';
import { adminApi, adminKeys } from './api';
import { FormModal } from './FormModal';
import { ResponsiveTable } from './ResponsiveTable';
import { useAdminRefresh } from './useAdminRefresh';
import { matchSite, siteOption } from '../../shared/siteSearch';

const FIELDS = ['name', 'kind', 'customerId', 'triageSiteId'];

/** The endpoint a source of each kind posts to (docs/alarms.md). */
const ENDPOINT: Record<AlarmSource['kind'], string> = {
  GENERIC: '/api/alarms',
  ALERTMANAGER: '/api/alarms/alertmanager',
  ZABBIX: '/api/alarms/zabbix',
};

function RegisterForm({
  onRegistered,
  onClose,
}: {
  onRegistered: (key: string, source: AlarmSource) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const customers = useQuery({ queryKey: adminKeys.customers, queryFn: adminApi.customers });
  const [customerId, setCustomerId] = useState<number | undefined>();
  const sites = useQuery({
    queryKey: adminKeys.sites(customerId ?? 0),
    queryFn: () => adminApi.sites(customerId ?? 0),
    enabled: customerId !== undefined,
  });
  return (
    <FormModal<NewAlarmSource>
      open
      title={t('alarms.sources.add')}
      initialValues={{ kind: 'GENERIC' }}
      fields={FIELDS}
      onSubmit={async (v) => {
        const created = await alarmApi.register({ ...v, name: v.name.trim() });
        onRegistered(created.key, created.source);
      }}
      onClose={onClose}
      testId="alarm-source-form"
    >
      <Form.Item
        name="name"
        label={t('alarms.sources.name')}
        extra={t('alarms.sources.nameHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('alarms.sources.name') }) },
        ]}
      >
        <Input maxLength={100} data-testid="alarm-source-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('alarms.sources.kind')} rules={[{ required: true }]}>
        <Select
          data-testid="alarm-source-kind"
          options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`alarms.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="customerId"
        label={t('alarms.sources.customer')}
        rules={[{ required: true, message: t('validation.choose', { field: t('alarms.sources.customer') }) }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          data-testid="alarm-source-customer"
          onChange={(id: number) => setCustomerId(id)}
          options={(customers.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="triageSiteId" label={t('alarms.sources.triageSite')} extra={t('alarms.sources.triageSiteHint')}>
        <Select
          allowClear
          disabled={customerId === undefined}
          data-testid="alarm-source-site"
          filterOption={matchSite}
          options={(sites.data ?? []).map((s) => siteOption(s))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 监控接入: the customers' monitoring systems, each with its own key (shown once), what they sent and when. */
export function AlarmSourcesTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const refresh = useAdminRefresh();
  const sources = useQuery({ queryKey: alarmKeys.sources, queryFn: alarmApi.sources });
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<{ key: string; source: AlarmSource } | null>(null);

  const revoke = (s: AlarmSource) => {
    modal.confirm({
      title: t('alarms.sources.confirmRevoke', { name: s.name }),
      content: t('alarms.sources.revokeHint'),
      okText: t('alarms.sources.revoke'),
      okButtonProps: { danger: true, 'data-testid': 'alarm-source-revoke-ok' } as never,
      cancelText: t('admin.cancel'),
      onOk: async () => {
        try {
          await alarmApi.revoke(s.id);
          await refresh(alarmKeys.sources);
          void message.success(t('alarms.sources.revoked'));
        } catch (e) {
          void message.error(describeError(e, t));
        }
      },
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('alarms.sources.intro')}
      </Typography.Paragraph>
      {sources.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(sources.error, t) })} />
      )}
      {canEdit && (
        <div>
          <Button type="primary" onClick={() => setAdding(true)} data-testid="alarm-source-add">
            {t('alarms.sources.add')}
          </Button>
        </div>
      )}
      <ResponsiveTable<AlarmSource>
        testId="alarm-source-table"
        rows={sources.data}
        loading={sources.isFetching}
        rowKey={(s) => s.id}
        empty={t('alarms.sources.empty')}
        columns={[
          { key: 'name', title: t('alarms.sources.name'), render: (s) => s.name },
          { key: 'kind', title: t('alarms.sources.kind'), render: (s) => t(`alarms.kind.${s.kind}`) },
          { key: 'customer', title: t('alarms.sources.customer'), render: (s) => s.customerName ?? t('common.empty') },
          {
            key: 'key',
            title: t('alarms.sources.key'),
            render: (s) => (
              <Space size={4} wrap>
                <Typography.Text code>{`${s.keyPrefix}…`}</Typography.Text>
                {s.revokedAt ? (
                  <Tag color="default" data-testid="alarm-source-revoked">
                    {t('alarms.sources.revokedAt', { time: formatDateTime(s.revokedAt) })}
                  </Tag>
                ) : (
                  <Tag color="success">{t('alarms.sources.active')}</Tag>
                )}
              </Space>
            ),
          },
          {
            key: 'counts',
            title: t('alarms.sources.counts'),
            render: (s) => t('alarms.sources.countsValue', { events: s.events, cases: s.cases }),
          },
          {
            key: 'last',
            title: t('alarms.sources.lastEvent'),
            render: (s) => (
              <>
                <div>{s.lastEventAt ? formatDateTime(s.lastEventAt) : t('alarms.sources.never')}</div>
                {s.lastRefusedAt && (
                  <Typography.Text type="danger" data-testid={`alarm-source-refused-${s.id}`}>
                    {t('alarms.sources.refused', {
                      time: formatDateTime(s.lastRefusedAt),
                      limit: s.requestsPerMinute.toLocaleString(),
                    })}
                  </Typography.Text>
                )}
              </>
            ),
          },
        ]}
        actionsTitle={t('admin.actions')}
        actions={
          canEdit
            ? (s) =>
                s.revokedAt ? null : (
                  <Button size="small" danger onClick={() => revoke(s)} data-testid="alarm-source-revoke">
                    {t('alarms.sources.revoke')}
                  </Button>
                )
            : undefined
        }
      />
      {adding && (
        <RegisterForm
          onRegistered={(key, source) => {
            setIssued({ key, source });
            void refresh(alarmKeys.sources);
          }}
          onClose={() => setAdding(false)}
        />
      )}
      <Modal
        open={issued !== null}
        title={t('alarms.sources.keyTitle')}
        onOk={() => {
          setIssued(null);
        }}
        onCancel={() => setIssued(null)}
        okText={t('alarms.sources.keyDone')}
        cancelButtonProps={{ style: { display: 'none' } }}
        width={560}
        style={{ maxWidth: 'calc(100vw - 16px)' }}
        destroyOnHidden
      >
        {issued && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon message={t('alarms.sources.keyOnce')} />
            <Typography.Paragraph
              copyable={{ text: issued.key, tooltips: [t('alarms.sources.copy'), t('alarms.sources.copied')] }}
              code
              style={{ wordBreak: 'break-all' }}
              data-testid="alarm-source-key"
            >
              {issued.key}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('alarms.sources.keyUse', { endpoint: ENDPOINT[issued.source.kind] })}
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}

import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { useAdminRefresh } from './useAdminRefresh';
import {
  adminApi,
  adminKeys,
  DEVICE_TYPES,
  REGIONS,
  type AdminCustomer,
  type AdminDevice,
  type AdminSite,
  type DeviceInput,
  type SiteInput,
} from './api';
import { FormModal } from './FormModal';
import {
  DeviceProbeFields,
  PROBE_FIELDS,
  probeInitialValues,
  probeInput,
  withoutProbeFields,
} from './DeviceProbeFields';
import { ResponsiveTable } from './ResponsiveTable';
import { SiteEnvironmentForm } from './SiteEnvironmentForm';
import { DeviceConfigBackups } from '../configbackup';
import { SiteEnvironmentCell } from '../../shared/SiteEnvironmentList';

const SITE_FIELDS = ['name', 'address', 'region', 'contactName', 'contactPhone', 'customerId'];
const DEVICE_FIELDS = [
  'siteId',
  'type',
  'name',
  'model',
  'serialNumber',
  'location',
  'ipAddress',
  'warrantyEnd',
  'commissionedOn',
  'softwareVersion',
  'purchasedOn',
  'probeTcpPorts',
  'probeHttpUrl',
  'probeTlsInsecure',
  ...PROBE_FIELDS,
];

export function SiteForm({
  customerId,
  site,
  onSaved,
  onClose,
}: {
  customerId: number;
  site?: AdminSite;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('validation.required', { field: t(label) }) },
  ];
  return (
    <FormModal<SiteInput>
      open
      title={t(site ? 'admin.sites.edit' : 'admin.sites.add')}
      initialValues={site ?? { region: 'CITY' }}
      fields={SITE_FIELDS}
      onSubmit={async (v) => {
        const body = {
          name: v.name,
          address: v.address,
          region: v.region,
          contactName: v.contactName || undefined,
          contactPhone: v.contactPhone || undefined,
        };
        if (site) await adminApi.editSite(site.id, body);
        else await adminApi.createSite({ ...body, customerId });
        onSaved();
      }}
      onClose={onClose}
      testId="site-form"
    >
      <Form.Item name="name" label={t('admin.sites.name')} rules={required('admin.sites.name')}>
        <Input data-testid="site-name" />
      </Form.Item>
      <Form.Item name="address" label={t('admin.sites.address')} rules={required('admin.sites.address')}>
        <Input data-testid="site-address" />
      </Form.Item>
      <Form.Item name="region" label={t('admin.sites.region')} rules={[{ required: true }]}>
        <Select data-testid="site-region" options={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))} />
      </Form.Item>
      <Form.Item name="contactName" label={t('admin.sites.contactName')}>
        <Input data-testid="site-contactName" />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('admin.sites.contactPhone')}>
        <Input data-testid="site-contactPhone" />
      </Form.Item>
    </FormModal>
  );
}

type DeviceValues = Omit<DeviceInput, 'warrantyEnd' | 'commissionedOn' | 'purchasedOn'> & {
  warrantyEnd?: dayjs.Dayjs;
  commissionedOn?: dayjs.Dayjs;
  purchasedOn?: dayjs.Dayjs;
};

export function DeviceForm({
  sites,
  devices,
  device,
  onSaved,
  onClose,
}: {
  sites: AdminSite[];
  devices: AdminDevice[];
  device?: AdminDevice;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('validation.required', { field: t(label) }) },
  ];
  return (
    <FormModal<DeviceValues>
      open
      title={t(device ? 'admin.devices.edit' : 'admin.devices.add')}
      initialValues={
        device
          ? {
              ...device,
              probe: undefined,
              ...probeInitialValues(device.probe),
              warrantyEnd: device.warrantyEnd ? dayjs(device.warrantyEnd) : undefined,
              commissionedOn: device.commissionedOn ? dayjs(device.commissionedOn) : undefined,
              purchasedOn: device.purchasedOn ? dayjs(device.purchasedOn) : undefined,
            }
          : { siteId: sites[0]?.id }
      }
      fields={DEVICE_FIELDS}
      onSubmit={async (v) => {
        const body: DeviceInput = {
          ...withoutProbeFields(v),
          probe: probeInput(v as unknown as Record<string, unknown>),
          model: v.model || undefined,
          ipAddress: v.ipAddress || undefined,
          probeTcpPorts: v.probeTcpPorts || undefined,
          probeHttpUrl: v.probeHttpUrl || undefined,
          probeTlsInsecure: !!v.probeTlsInsecure,
          warrantyEnd: v.warrantyEnd ? v.warrantyEnd.format('YYYY-MM-DD') : undefined,
          commissionedOn: v.commissionedOn ? v.commissionedOn.format('YYYY-MM-DD') : undefined,
          purchasedOn: v.purchasedOn ? v.purchasedOn.format('YYYY-MM-DD') : undefined,
          // blank clears a recorded version, as the location below
          softwareVersion: v.softwareVersion?.trim() ?? '',
          // blank clears a recorded location (the server keeps it only when the field is left out)
          location: v.location?.trim() ?? '',
        };
        if (device) await adminApi.editDevice(device.id, body);
        else await adminApi.createDevice(body);
        onSaved();
      }}
      onClose={onClose}
      testId="device-form"
    >
      <Form.Item
        name="siteId"
        label={t('admin.devices.site')}
        rules={[{ required: true, message: t('validation.choose', { field: t('admin.devices.site') }) }]}
      >
        <Select data-testid="device-site" options={sites.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item
        name="type"
        label={t('admin.devices.type')}
        rules={[{ required: true, message: t('validation.choose', { field: t('admin.devices.type') }) }]}
      >
        <Select
          data-testid="device-type"
          options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`admin.deviceType.${d}`) }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('admin.devices.name')} rules={required('admin.devices.name')}>
        <Input data-testid="device-name" />
      </Form.Item>
      <Form.Item name="model" label={t('admin.devices.model')}>
        <Input data-testid="device-model" />
      </Form.Item>
      <Form.Item
        name="serialNumber"
        label={t('admin.devices.serialNumber')}
        rules={required('admin.devices.serialNumber')}
      >
        <Input data-testid="device-serialNumber" />
      </Form.Item>
      <Form.Item
        name="location"
        label={t('admin.devices.location')}
        extra={t('admin.devices.locationHint')}
        rules={[{ max: 200, message: t('admin.devices.locationTooLong') }]}
      >
        <Input data-testid="device-location" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="softwareVersion"
        label={t('admin.devices.softwareVersion')}
        rules={[
          { max: 100, message: t('validation.maxLength', { field: t('admin.devices.softwareVersion'), max: 100 }) },
        ]}
      >
        <Input data-testid="device-softwareVersion" maxLength={100} placeholder="V5.7.3 build 230512" />
      </Form.Item>
      <Form.Item name="purchasedOn" label={t('admin.devices.purchasedOn')}>
        <DatePicker
          style={{ width: '100%' }}
          data-testid="device-purchasedOn"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item name="warrantyEnd" label={t('admin.devices.warrantyEnd')}>
        <DatePicker style={{ width: '100%' }} data-testid="device-warrantyEnd" />
      </Form.Item>
      <Form.Item
        name="commissionedOn"
        label={t('admin.devices.commissionedOn')}
        extra={t('admin.devices.commissionedOnHint')}
        rules={[
          {
            validator: (_, value?: dayjs.Dayjs) =>
              value && value.isAfter(dayjs(), 'day')
                ? Promise.reject(new Error(t('admin.devices.commissionedOnFuture')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          style={{ width: '100%' }}
          data-testid="device-commissionedOn"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item name="ipAddress" label={t('admin.devices.ipAddress')}>
        <Input data-testid="device-ipAddress" />
      </Form.Item>
      <Form.Item
        name="probeTcpPorts"
        label={t('admin.devices.probeTcpPorts')}
        extra={t('admin.devices.probeTcpPortsHint')}
      >
        <Input data-testid="device-probeTcpPorts" />
      </Form.Item>
      <Form.Item name="probeHttpUrl" label={t('admin.devices.probeHttpUrl')}>
        <Input data-testid="device-probeHttpUrl" />
      </Form.Item>
      <Form.Item name="probeTlsInsecure" valuePropName="checked">
        <Checkbox data-testid="device-probeTlsInsecure">{t('admin.devices.probeTlsInsecure')}</Checkbox>
      </Form.Item>
      <DeviceProbeFields device={device} devices={devices} />
    </FormModal>
  );
}

function UnitDetail({ customer, canEdit }: { customer: AdminCustomer; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sites = useQuery({ queryKey: adminKeys.sites(customer.id), queryFn: () => adminApi.sites(customer.id) });
  const devices = useQuery({ queryKey: adminKeys.devices(customer.id), queryFn: () => adminApi.devices(customer.id) });
  const refresh = useAdminRefresh();
  const [site, setSite] = useState<AdminSite | 'new' | null>(null);
  const [environmentOf, setEnvironmentOf] = useState<AdminSite | null>(null);
  const [backupsOf, setBackupsOf] = useState<AdminDevice | null>(null);
  const [device, setDevice] = useState<AdminDevice | 'new' | null>(null);
  const siteName = (id: number) => sites.data?.find((s) => s.id === id)?.name ?? '';

  const setRetired = async (d: AdminDevice, retired: boolean) => {
    try {
      await adminApi.setDeviceRetired(d.id, retired);
      message.success(t('admin.saved'));
    } catch (e) {
      message.error(describeError(e, t));
    }
    await refresh(adminKeys.devices(customer.id));
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <div>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('admin.sites.title', { name: customer.name })}
          </Typography.Title>
          {canEdit && (
            <Button size="small" onClick={() => setSite('new')} data-testid="site-add">
              {t('admin.sites.add')}
            </Button>
          )}
        </Space>
        <ResponsiveTable<AdminSite>
          testId="site-table"
          rows={sites.data}
          loading={sites.isFetching}
          rowKey={(s) => s.id}
          empty={t('admin.sites.empty')}
          columns={[
            { key: 'name', title: t('admin.sites.name'), render: (s) => s.name },
            { key: 'region', title: t('admin.sites.region'), render: (s) => <Tag>{t(`region.${s.region}`)}</Tag> },
            { key: 'address', title: t('admin.sites.address'), render: (s) => s.address },
            {
              key: 'contact',
              title: t('admin.sites.contactName'),
              render: (s) => [s.contactName, s.contactPhone].filter(Boolean).join(' · ') || t('common.empty'),
            },
            {
              key: 'environment',
              title: t('siteEnvironment.title'),
              render: (s) =>
                s.environment ? (
                  <SiteEnvironmentCell environment={s.environment} testId={`site-environment-${s.id}`} />
                ) : (
                  <Typography.Text type="secondary">{t('siteEnvironment.none')}</Typography.Text>
                ),
            },
          ]}
          actionsTitle={t('admin.actions')}
          actions={
            canEdit
              ? (s) => (
                  <Space wrap size={4}>
                    <Button size="small" onClick={() => setSite(s)} data-testid={`site-edit-${s.id}`}>
                      {t('admin.edit')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setEnvironmentOf(s)}
                      data-testid={`site-environment-edit-${s.id}`}
                    >
                      {t('siteEnvironment.edit')}
                    </Button>
                  </Space>
                )
              : undefined
          }
        />
      </div>
      <div>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('admin.devices.title', { name: customer.name })}
          </Typography.Title>
          {canEdit && (sites.data?.length ?? 0) > 0 && (
            <Button size="small" onClick={() => setDevice('new')} data-testid="device-add">
              {t('admin.devices.add')}
            </Button>
          )}
        </Space>
        <ResponsiveTable<AdminDevice>
          testId="device-table"
          rows={devices.data}
          loading={devices.isFetching}
          rowKey={(d) => d.id}
          empty={t('admin.devices.empty')}
          columns={[
            { key: 'name', title: t('admin.devices.name'), render: (d) => d.name },
            {
              key: 'type',
              title: t('admin.devices.type'),
              render: (d) => t(`admin.deviceType.${d.type}`, { defaultValue: t('admin.deviceType.OTHER') }),
            },
            {
              key: 'model',
              title: t('admin.devices.modelAndVersion'),
              render: (d) => [d.model, d.softwareVersion].filter(Boolean).join(' · ') || t('common.empty'),
            },
            { key: 'site', title: t('admin.devices.site'), render: (d) => siteName(d.siteId) },
            { key: 'location', title: t('admin.devices.location'), render: (d) => d.location ?? t('common.empty') },
            { key: 'serial', title: t('admin.devices.serialNumber'), render: (d) => d.serialNumber },
            { key: 'ip', title: t('admin.devices.ipAddress'), render: (d) => d.ipAddress ?? t('common.empty') },
            {
              key: 'commissionedOn',
              title: t('admin.devices.commissionedOn'),
              render: (d) => d.commissionedOn ?? t('common.empty'),
            },
            {
              key: 'status',
              title: t('admin.accounts.status'),
              render: (d) => (
                <Tag color={d.retired ? 'default' : 'green'} data-testid={`device-status-${d.id}`}>
                  {d.retired && d.retiredOn
                    ? t('admin.devices.retiredOn', { date: d.retiredOn })
                    : t(d.retired ? 'admin.devices.retired' : 'admin.devices.inService')}
                </Tag>
              ),
            },
          ]}
          actionsTitle={t('admin.actions')}
          actions={(d) => (
            <Space wrap size={4}>
              <Button size="small" onClick={() => setBackupsOf(d)} data-testid={`device-config-backups-${d.id}`}>
                {t('configBackup.title')}
              </Button>
              {canEdit && (
                <>
                  <Button size="small" onClick={() => setDevice(d)} data-testid={`device-edit-${d.id}`}>
                    {t('admin.edit')}
                  </Button>
                  {d.retired ? (
                    <Button size="small" onClick={() => void setRetired(d, false)}>
                      {t('admin.devices.reinstate')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t('admin.devices.confirmRetire', { name: d.name })}
                      okText={t('admin.devices.retire')}
                      cancelText={t('admin.cancel')}
                      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
                      onConfirm={() => setRetired(d, true)}
                    >
                      <Button size="small" danger>
                        {t('admin.devices.retire')}
                      </Button>
                    </Popconfirm>
                  )}
                </>
              )}
            </Space>
          )}
        />
      </div>
      {site && (
        <SiteForm
          customerId={customer.id}
          site={site === 'new' ? undefined : site}
          onSaved={() => {
            message.success(t('admin.saved'));
            void refresh(adminKeys.sites(customer.id));
          }}
          onClose={() => setSite(null)}
        />
      )}
      <Drawer
        open={backupsOf !== null}
        onClose={() => setBackupsOf(null)}
        title={backupsOf ? `${t('configBackup.title')} · ${backupsOf.name}` : ''}
        width="min(560px, 100vw)"
        destroyOnHidden
      >
        {backupsOf && <DeviceConfigBackups deviceId={backupsOf.id} />}
      </Drawer>
      {environmentOf && (
        <SiteEnvironmentForm
          site={environmentOf}
          onSaved={() => {
            message.success(t('admin.saved'));
            void refresh(adminKeys.sites(customer.id));
          }}
          onClose={() => setEnvironmentOf(null)}
        />
      )}
      {device && (
        <DeviceForm
          sites={sites.data ?? []}
          devices={devices.data ?? []}
          device={device === 'new' ? undefined : device}
          onSaved={() => {
            message.success(t('admin.saved'));
            void refresh(adminKeys.devices(customer.id));
          }}
          onClose={() => setDevice(null)}
        />
      )}
    </Space>
  );
}

export function CustomersTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const customers = useQuery({ queryKey: adminKeys.customers, queryFn: () => adminApi.customers() });
  const refresh = useAdminRefresh();
  const [selectedId, setSelectedId] = useState<number>();
  const [editing, setEditing] = useState<AdminCustomer | 'new' | null>(null);
  const selected = customers.data?.find((c) => c.id === selectedId);

  const setActive = async (c: AdminCustomer, active: boolean) => {
    try {
      await adminApi.setCustomerActive(c.id, active);
      message.success(t('admin.saved'));
    } catch (e) {
      message.error(describeError(e, t));
    }
    await refresh(adminKeys.customers);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {customers.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(customers.error, t) })} />
      )}
      {canEdit && (
        <Button type="primary" onClick={() => setEditing('new')} data-testid="customer-add">
          {t('admin.customers.add')}
        </Button>
      )}
      <ResponsiveTable<AdminCustomer>
        testId="customer-table"
        rows={customers.data}
        loading={customers.isFetching}
        rowKey={(c) => c.id}
        selectedKey={selectedId}
        onSelect={(c) => setSelectedId(c.id)}
        empty={t('admin.customers.empty')}
        columns={[
          { key: 'name', title: t('admin.customers.name'), render: (c) => c.name },
          {
            key: 'status',
            title: t('admin.accounts.status'),
            render: (c) => (
              <Tag color={c.active ? 'green' : 'default'}>{t(c.active ? 'admin.active' : 'admin.disabled')}</Tag>
            ),
          },
        ]}
        actionsTitle={t('admin.actions')}
        actions={
          canEdit
            ? (c) => (
                <Space wrap size={4} onClick={(e) => e.stopPropagation()}>
                  <Button size="small" onClick={() => setEditing(c)} data-testid={`customer-edit-${c.id}`}>
                    {t('admin.edit')}
                  </Button>
                  {c.active ? (
                    <Popconfirm
                      title={t('admin.customers.confirmDisable', { name: c.name })}
                      okText={t('admin.disable')}
                      cancelText={t('admin.cancel')}
                      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
                      onConfirm={() => setActive(c, false)}
                    >
                      <Button size="small" danger data-testid={`customer-disable-${c.id}`}>
                        {t('admin.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" onClick={() => void setActive(c, true)}>
                      {t('admin.enable')}
                    </Button>
                  )}
                </Space>
              )
            : undefined
        }
      />
      {selected ? (
        <UnitDetail customer={selected} canEdit={canEdit} />
      ) : (
        (customers.data?.length ?? 0) > 0 && (
          <Typography.Text type="secondary">{t('admin.customers.pick')}</Typography.Text>
        )
      )}
      {editing && (
        <FormModal<{ name: string }>
          open
          title={t(editing === 'new' ? 'admin.customers.add' : 'admin.customers.edit')}
          initialValues={editing === 'new' ? {} : { name: editing.name }}
          fields={['name']}
          onSubmit={async (v) => {
            const saved =
              editing === 'new'
                ? await adminApi.createCustomer(v.name)
                : await adminApi.renameCustomer(editing.id, v.name);
            message.success(t('admin.saved'));
            setSelectedId(saved.id);
            await refresh(adminKeys.customers);
          }}
          onClose={() => setEditing(null)}
          testId="customer-form"
        >
          <Form.Item
            name="name"
            label={t('admin.customers.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('validation.required', { field: t('admin.customers.name') }),
              },
            ]}
          >
            <Input data-testid="customer-name" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

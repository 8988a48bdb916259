import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { referenceApi, referenceKeys } from '../../api/reference';
import type { Device } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { serviceWallClockNow, serviceWallClockToInstant } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { matchSite, siteOption } from '../../shared/siteSearch';
import { codeLabel, configItemKeys, configItemsApi, DevicesImpact } from '../configitems';
import { CHANGE_LIMITS, changeKeys, changesApi, type NewChange } from './api';
import { describeChangeError, endRules, formField, startRules } from './parts';
import { useFormRules } from '../../shared/formRules';

/** The times are edited as wall-clock times in the service zone (shared/format.ts), sent as instants. */
interface FormValues {
  customerId?: number;
  siteId?: number;
  deviceIds?: number[];
  configItemIds?: number[];
  title?: string;
  description?: string;
  reason?: string;
  impact?: string;
  fallback?: string;
  major?: boolean;
  testPlan?: string;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  implementer?: string;
}

const FORM_FIELDS = new Set<string>([
  'customerId',
  'siteId',
  'deviceIds',
  'configItemIds',
  'title',
  'description',
  'reason',
  'impact',
  'fallback',
  'major',
  'testPlan',
  'plannedStart',
  'plannedEnd',
  'implementer',
]);

const TEXTS = ['description', 'reason', 'impact', 'fallback'] as const;

/**
 * Asking for a change (RP-5): which unit, site and devices, what is changed and why, the impact and the fallback, a
 * test plan for a major one, the window and who carries it out. The customer has to be told 24 h (一般) / 72 h
 * (重大) ahead, so a start closer than that is refused here already.
 */
export function NewChangePage() {
  const { t } = useTranslation();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  // a second click before the first answer must not send a second change
  const sending = useRef(false);
  const [error, setError] = useState<string | null>(null);

  const customerId = Form.useWatch('customerId', form);
  const siteId = Form.useWatch('siteId', form);
  const major = Form.useWatch('major', form) ?? false;
  const chosenDeviceIds = (Form.useWatch('deviceIds', form) as number[] | undefined) ?? [];

  const customers = useQuery({ queryKey: referenceKeys.customers, queryFn: referenceApi.customers });
  const sites = useQuery({ queryKey: referenceKeys.sites, queryFn: referenceApi.sites });
  const engineers = useQuery({ queryKey: referenceKeys.engineers, queryFn: referenceApi.engineers });
  const unitSites = (sites.data ?? []).filter((s) => s.customerId === customerId);
  // the devices of the chosen site, or of every site of the unit when no site is chosen
  const deviceSites = siteId ? [siteId] : unitSites.map((s) => s.id);
  const deviceQueries = useQueries({
    queries: deviceSites.map((id) => ({
      queryKey: referenceKeys.devices(id),
      queryFn: () => referenceApi.devices(id),
      enabled: !!customerId,
    })),
  });
  const devices: Device[] = deviceQueries.flatMap((q) => q.data ?? []);
  const devicesLoading = deviceQueries.some((q) => q.isFetching);
  // RP-4: the unit's configuration items the change concerns; a retired one can no longer be changed
  const unitItems = useQuery({
    queryKey: configItemKeys.list({ customerId }),
    queryFn: () => configItemsApi.list({ customerId }),
    enabled: !!customerId,
  });
  const items = (unitItems.data ?? []).filter((i) => i.status !== 'RETIRED');

  // a unit of one: nothing to choose
  const onlyCustomer = customers.data?.length === 1 ? customers.data[0].id : undefined;
  useEffect(() => {
    if (onlyCustomer != null && form.getFieldValue('customerId') == null)
      form.setFieldValue('customerId', onlyCustomer);
  }, [onlyCustomer, form]);

  const { required, choose, max } = useFormRules();

  const submit = async (values: FormValues) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const body: NewChange = {
        customerId: values.customerId!,
        siteId: values.siteId ?? null,
        deviceIds: values.deviceIds ?? [],
        configItemIds: values.configItemIds ?? [],
        title: values.title!.trim(),
        description: values.description!.trim(),
        reason: values.reason!.trim(),
        impact: values.impact!.trim(),
        fallback: values.fallback!.trim(),
        major: !!values.major,
        testPlan: values.major ? values.testPlan!.trim() : null,
        plannedStart: serviceWallClockToInstant(values.plannedStart!),
        plannedEnd: serviceWallClockToInstant(values.plannedEnd!),
        implementer: values.implementer!,
      };
      const created = await changesApi.create(body);
      queryClient.setQueryData(changeKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      message.success(t('changes.new.created', { number: created.number }));
      void navigate(`/changes/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fieldErrors.length > 0) {
        const onForm = e.fieldErrors.filter((fe) => FORM_FIELDS.has(formField(fe.field)));
        form.setFields(onForm.map((fe) => ({ name: formField(fe.field) as keyof FormValues, errors: [fe.message] })));
        const elsewhere = e.fieldErrors.filter((fe) => !FORM_FIELDS.has(formField(fe.field)));
        setError(elsewhere.length > 0 ? elsewhere.map((fe) => fe.message).join('；') : t('validation.serverRejected'));
      } else {
        setError(describeChangeError(e, t));
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const today = serviceWallClockNow().startOf('day');
  const pickerProps = {
    showTime: { format: 'HH:mm' },
    format: 'YYYY-MM-DD HH:mm',
    style: { width: '100%' },
    disabledDate: (d: Dayjs) => d.isBefore(today),
  } as const;

  return (
    <div data-testid="new-change-page">
      <Link to="/changes">{t('changes.detail.back')}</Link>
      <PageHeader title={t('changes.new.title')} />
      <Form<FormValues>
        form={form}
        name="new-change"
        layout="vertical"
        initialValues={{
          major: false,
          deviceIds: [],
          configItemIds: [],
          implementer: hasRole('ENGINEER') ? me?.username : undefined,
        }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<FormValues>) => {
          // a site belongs to one unit, a device to one site: drop choices the new one does not hold
          if ('customerId' in changed) form.setFieldsValue({ siteId: undefined, deviceIds: [], configItemIds: [] });
          if ('siteId' in changed) form.setFieldValue('deviceIds', []);
        }}
        scrollToFirstError
      >
        <Card title={t('changes.new.scopeSection')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="customerId"
                label={t('changes.field.customer')}
                rules={[choose('changes.field.customer')]}
              >
                <Select
                  data-testid="change-customer"
                  showSearch
                  optionFilterProp="label"
                  loading={customers.isFetching}
                  placeholder={t('changes.new.customerPlaceholder')}
                  options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="siteId" label={t('changes.field.site')} extra={t('changes.new.siteHelp')}>
                <Select
                  data-testid="change-site"
                  showSearch
                  allowClear
                  filterOption={matchSite}
                  disabled={!customerId}
                  loading={sites.isFetching}
                  placeholder={customerId ? t('changes.new.sitePlaceholder') : t('changes.new.needsCustomer')}
                  options={unitSites.map((s) => siteOption(s))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="deviceIds"
                label={t('changes.field.devices')}
                rules={[
                  {
                    type: 'array',
                    max: CHANGE_LIMITS.devices,
                    message: t('changes.rules.tooManyDevices', { max: CHANGE_LIMITS.devices }),
                  },
                ]}
              >
                <Select
                  data-testid="change-devices"
                  mode="multiple"
                  allowClear
                  optionFilterProp="label"
                  disabled={!customerId}
                  loading={devicesLoading}
                  placeholder={customerId ? t('changes.new.devicesPlaceholder') : t('changes.new.needsCustomer')}
                  options={devices.map((d) => ({
                    value: d.id,
                    label: [d.name, d.location, siteId ? null : d.siteName].filter(Boolean).join(' · '),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="configItemIds"
            label={t('changes.field.configItems')}
            extra={t('changes.new.configItemsHelp')}
            rules={[
              {
                type: 'array',
                max: CHANGE_LIMITS.configItems,
                message: t('changes.rules.tooManyConfigItems', { max: CHANGE_LIMITS.configItems }),
              },
            ]}
          >
            <Select
              data-testid="change-config-items"
              mode="multiple"
              allowClear
              optionFilterProp="label"
              disabled={!customerId}
              loading={unitItems.isFetching}
              placeholder={customerId ? t('changes.new.configItemsPlaceholder') : t('changes.new.needsCustomer')}
              notFoundContent={unitItems.isFetching ? undefined : t('changes.new.noConfigItems')}
              options={items.map((i) => ({
                value: i.id,
                label: `${i.number} · ${i.name}（${codeLabel(t, 'configKind', i.kind)}）`,
              }))}
            />
          </Form.Item>
          {/* RP-4: what the chosen devices hold up, before the requester writes the impact (影响范围) */}
          {chosenDeviceIds.length > 0 && (
            <DevicesImpact
              devices={chosenDeviceIds.map((id) => ({ id, name: devices.find((d) => d.id === id)?.name }))}
              style={{ marginTop: 8 }}
            />
          )}
        </Card>

        <Card title={t('changes.new.contentSection')} style={{ marginTop: 16 }}>
          <Form.Item
            name="title"
            label={t('changes.field.title')}
            rules={[required('changes.field.title'), max('changes.field.title', CHANGE_LIMITS.title)]}
          >
            <Input data-testid="change-title" showCount maxLength={CHANGE_LIMITS.title} />
          </Form.Item>
          {TEXTS.map((name) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`changes.field.${name}`)}
              extra={t(`changes.new.help.${name}`)}
              rules={[required(`changes.field.${name}`), max(`changes.field.${name}`, CHANGE_LIMITS[name])]}
            >
              <Input.TextArea data-testid={`change-${name}`} rows={3} showCount maxLength={CHANGE_LIMITS[name]} />
            </Form.Item>
          ))}
          <Form.Item
            name="major"
            label={t('changes.field.major')}
            valuePropName="checked"
            extra={t('changes.new.majorHelp')}
          >
            <Switch
              data-testid="change-major"
              checkedChildren={t('changes.major')}
              unCheckedChildren={t('changes.minor')}
            />
          </Form.Item>
          {major && (
            <Form.Item
              name="testPlan"
              label={t('changes.field.testPlan')}
              extra={t('changes.new.help.testPlan')}
              rules={[required('changes.field.testPlan'), max('changes.field.testPlan', CHANGE_LIMITS.testPlan)]}
            >
              <Input.TextArea data-testid="change-testPlan" rows={3} showCount maxLength={CHANGE_LIMITS.testPlan} />
            </Form.Item>
          )}
        </Card>

        <Card title={t('changes.new.windowSection')} style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary" data-testid="change-lead-rule">
            {t('changes.rules.leadHelp')}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="plannedStart"
                label={t('changes.field.plannedStart')}
                // the start's rule depends on 重大/一般: checked again when that changes
                dependencies={['major']}
                rules={startRules(() => !!form.getFieldValue('major'), t)}
              >
                <DatePicker data-testid="change-plannedStart" {...pickerProps} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="plannedEnd"
                label={t('changes.field.plannedEnd')}
                dependencies={['plannedStart']}
                rules={endRules(() => form.getFieldValue('plannedStart') as Dayjs | undefined, t)}
              >
                <DatePicker data-testid="change-plannedEnd" {...pickerProps} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="implementer"
                label={t('changes.field.implementer')}
                rules={[choose('changes.field.implementer')]}
              >
                <Select
                  data-testid="change-implementer"
                  showSearch
                  optionFilterProp="label"
                  loading={engineers.isFetching}
                  options={(engineers.data ?? []).map((e) => ({
                    value: e.username,
                    label: e.team ? `${e.displayName} · ${e.team}` : e.displayName,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} data-testid="change-error" />}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={busy}
          disabled={busy}
          style={{ marginTop: 16 }}
          data-testid="change-submit"
        >
          {t('changes.new.submit')}
        </Button>
      </Form>
    </div>
  );
}

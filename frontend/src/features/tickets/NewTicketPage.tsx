import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { CHANNELS, REQUEST_TYPES, SERVICE_ITEMS, SEVERITIES, type NewTicket } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { serviceWallClockNow, serviceWallClockToInstant } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { referenceApi, referenceKeys } from '../../api/reference';
import { newIdempotencyKey, ticketKeys, ticketsApi } from './api';
import {
  type Caller,
  CallerLookup,
  caseLinkApi,
  type IntakeLinkChoice,
  NO_LINK,
  OpenCaseWarning,
  refusalKey,
} from '../caselink';
import { SuggestionPanel } from '../knowledge';
import { CASE_ITEM_EDITORS, configItemKeys, configItemsApi } from '../configitems';
import { matchSite, siteOption } from '../../shared/siteSearch';
import { useFormRules } from '../../shared/formRules';

/** Client-side caps; the server checks the same limits. */
export const TICKET_LIMITS = {
  title: 200,
  description: 4000,
  requesterName: 100,
  requesterUnit: 200,
  requesterPhone: 40,
} as const;

/** receivedAt is edited as a wall-clock time in the service zone (see shared/format.ts). */
type FormValues = Omit<NewTicket, 'siteId' | 'receivedAt'> & {
  siteId?: number;
  receivedAt?: Dayjs | null;
  /** 相关配置项: named on the case after it is created (POST /tickets/{id}/config-items), never in the ticket's body. */
  configItemIds?: number[];
};

/** At most this many configuration items are named at intake (more can be added on the case page). */
export const MAX_INTAKE_CONFIG_ITEMS = 20;

/** A little slack for the "not in the future" check: the picker shows minutes, clocks drift. */
const FUTURE_TOLERANCE_MILLIS = 60_000;

/** Fields a customer's report leaves out: it always comes in through the web, and "now". */
const STAFF_ONLY_FIELDS = new Set(['channel', 'receivedAt']);

const FORM_FIELDS = new Set([
  'channel',
  'receivedAt',
  'requesterName',
  'requesterUnit',
  'requesterPhone',
  'siteId',
  'deviceId',
  'requestType',
  'serviceItem',
  'impact',
  'urgency',
  'title',
  'description',
]);

/**
 * Intake of a fault, consultation, complaint or service request (issue 15). The service desk records a call (channel, when it was taken); a customer's user
 * reports a fault of their own unit: channel WEB, received "now", contact details prefilled.
 */
export function NewTicketPage() {
  const { t } = useTranslation();
  const { me, isCustomer, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per filled-in form: resubmitting the same form cannot create a second ticket.
  const idempotencyKey = useMemo(newIdempotencyKey, []);
  // "Received at" shows the moment the form was opened. Only a time the desk changed is sent: an
  // untouched field means "now", which the server fills in itself when the ticket is saved.
  const openedAt = useMemo(serviceWallClockNow, []);
  // 新建工单 from a missed hotline call (IN-10) brings the caller's number: the lookup below offers their earlier cases
  const [params] = useSearchParams();
  const phoneFromLink = (params.get('phone') ?? '').replace(/[^0-9+]/g, '').slice(0, TICKET_LIMITS.requesterPhone);

  const siteId = Form.useWatch('siteId', form);
  const deviceId = Form.useWatch('deviceId', form);
  const requesterPhone = Form.useWatch('requesterPhone', form);
  // Issue 15: what the desk decided about an open case on the chosen device
  const [linkChoice, setLinkChoice] = useState<IntakeLinkChoice>(NO_LINK);

  /** A known caller picked from the phone lookup: fill in what is known (the desk checks it). */
  const fillCaller = (c: Caller) => {
    const site = c.sites[0];
    const device = site ? c.devices.find((d) => d.siteId === site.id) : undefined;
    form.setFieldsValue({
      requesterName: c.name,
      requesterPhone: c.phone,
      requesterUnit: c.unit || c.customerName,
      // a customer unit's user is known without a site: the site the desk chose stays
      ...(site ? { siteId: site.id, deviceId: device?.id } : {}),
      // items belong to the site's unit: another site drops them (setFieldsValue does not call onValuesChange)
      ...(site && site.id !== form.getFieldValue('siteId') ? { configItemIds: [] } : {}),
    });
    message.info(t('caseLinks.callerFilled', { name: c.name }));
  };
  // Issue 15: a fault is levelled by category, impact and urgency; the other request types are not.
  const requestType = (Form.useWatch('requestType', form) as string | undefined) ?? 'FAULT';
  const isFault = requestType === 'FAULT';
  // IN-4: the desk sees matching knowledge articles while it types the fault (title and description)
  const typedTitle = Form.useWatch('title', form) ?? '';
  const typedDescription = Form.useWatch('description', form) ?? '';
  // For a customer the server answers their own unit's sites and devices only.
  const queryClient = useQueryClient();
  const sites = useQuery({ queryKey: referenceKeys.sites, queryFn: referenceApi.sites });
  const devices = useQuery({
    queryKey: referenceKeys.devices(siteId),
    queryFn: () => referenceApi.devices(siteId as number),
    enabled: !!siteId,
  });
  // RP-4: the desk names the configuration items the fault involves (the unit's, not retired) while taking the call;
  // a customer's own report does not, nor does a role the server would refuse them to (see CASE_ITEM_EDITORS).
  const mayNameItems = !isCustomer && hasRole(...CASE_ITEM_EDITORS);
  const unitId = siteId != null ? sites.data?.find((s) => s.id === siteId)?.customerId : undefined;
  const unitItems = useQuery({
    queryKey: configItemKeys.list({ customerId: unitId }),
    queryFn: () => configItemsApi.list({ customerId: unitId }),
    enabled: mayNameItems && unitId != null,
  });
  const itemOptions = (unitItems.data ?? [])
    .filter((i) => i.status !== 'RETIRED')
    .map((i) => ({ value: i.id, label: `${i.number} ${i.name}`, 'data-testid': `option-ci-${i.id}` }));
  const customers = useQuery({
    queryKey: referenceKeys.customers,
    queryFn: referenceApi.customers,
    enabled: isCustomer,
  });

  // A customer's user belongs to one unit: offer its name as the requester unit unless already typed in.
  const ownUnit = customers.data?.length === 1 ? customers.data[0].name : undefined;
  useEffect(() => {
    if (ownUnit && !form.isFieldTouched('requesterUnit') && !form.getFieldValue('requesterUnit')) {
      form.setFieldValue('requesterUnit', ownUnit);
    }
  }, [ownUnit, form]);

  const onForm = (field: string) => FORM_FIELDS.has(field) && !(isCustomer && STAFF_ONLY_FIELDS.has(field));

  const { required, choose: requiredChoice, max } = useFormRules();

  /** Names the chosen items on the new case, one after the other; the case stands whatever happens to them. */
  const nameItems = async (ticketId: number, itemIds: number[]) => {
    let failed = 0;
    for (const configItemId of itemIds) {
      try {
        await configItemsApi.addCaseItem(ticketId, { configItemId });
      } catch {
        failed += 1;
      }
    }
    if (failed > 0) message.warning(t('newTicket.configItemsFailed', { failed }));
  };

  const submit = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      // the items are not part of the ticket: they are named on it once it exists
      const { receivedAt, configItemIds, ...rest } = values;
      const backdated = !isCustomer && receivedAt && form.isFieldTouched('receivedAt');
      const ticket: NewTicket = {
        ...rest,
        requestType,
        serviceItem: requestType === 'SERVICE_REQUEST' ? values.serviceItem : undefined,
        // One question, not two (IN-3, ADR 0041): the server derives the category from the request type, and only a
        // fault is levelled by impact and urgency.
        impact: isFault ? values.impact : undefined,
        urgency: isFault ? values.urgency : undefined,
        // A customer reports through the web and "now"; only the desk records a call taken earlier.
        channel: isCustomer ? 'WEB' : values.channel,
        siteId: values.siteId!,
        title: values.title.trim(),
        requesterName: values.requesterName.trim(),
        requesterPhone: values.requesterPhone.trim(),
        requesterUnit: values.requesterUnit?.trim() || undefined,
        description: values.description?.trim() || undefined,
      };
      if (backdated) ticket.receivedAt = serviceWallClockToInstant(receivedAt);
      const created = await ticketsApi.create(ticket, idempotencyKey);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      if (mayNameItems && configItemIds?.length) await nameItems(created.id, configItemIds);
      if (!isCustomer && linkChoice.mode !== 'NEW' && linkChoice.targetId != null) {
        // a retry after a lost answer gets the same case back (Idempotency-Key) and the same link (idempotent)
        try {
          await caseLinkApi.link(created.id, linkChoice.targetId, linkChoice.mode);
          message.success(
            t(linkChoice.mode === 'DUPLICATE_OF' ? 'caseLinks.duplicateAfterCreate' : 'caseLinks.linkedAfterCreate', {
              number: created.number,
              other: linkChoice.targetNumber,
            }),
          );
        } catch (e) {
          const key = refusalKey(e instanceof ApiError ? e.fieldErrors[0]?.message : undefined);
          message.warning(
            t('caseLinks.linkFailedAfterCreate', {
              number: created.number,
              reason: key ? t(key) : describeError(e, t),
            }),
          );
        }
        void navigate(`/tickets/${created.id}`);
        return;
      }
      message.success(t(isCustomer ? 'customer.created' : 'newTicket.created', { number: created.number }));
      void navigate(`/tickets/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        const shown = e.fieldErrors.filter((fe) => onForm(fe.field));
        form.setFields(shown.map((fe) => ({ name: fe.field as keyof FormValues, errors: [fe.message] })));
        const elsewhere = e.fieldErrors.filter((fe) => !onForm(fe.field));
        setError(
          elsewhere.length > 0
            ? elsewhere.map((fe) => `${fe.field}: ${fe.message}`).join('; ')
            : t('validation.serverRejected'),
        );
      } else {
        setError(describeError(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t(isCustomer ? 'customer.newTitle' : 'newTicket.title')} />
      {isCustomer && <Typography.Paragraph type="secondary">{t('customer.newIntro')}</Typography.Paragraph>}
      <Form<FormValues>
        form={form}
        name="new-ticket"
        layout="vertical"
        data-testid={isCustomer ? 'customer-new-ticket' : undefined}
        initialValues={
          isCustomer
            ? { requesterName: me?.displayName, requestType: 'FAULT' }
            : {
                channel: 'HOTLINE',
                receivedAt: openedAt,
                requestType: 'FAULT',
                ...(phoneFromLink ? { requesterPhone: phoneFromLink } : {}),
              }
        }
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed) => {
          // A device belongs to one site: drop the choice when the site changes.
          // So do the configuration items: they belong to the site's customer unit.
          if ('siteId' in changed) form.setFieldsValue({ deviceId: undefined, configItemIds: [] });
        }}
        scrollToFirstError
      >
        <Card title={t(isCustomer ? 'customer.contactSection' : 'newTicket.requesterSection')}>
          <Row gutter={16}>
            {!isCustomer && (
              <Col xs={24} md={8}>
                <Form.Item name="channel" label={t('ticket.channel')} rules={[requiredChoice('ticket.channel')]}>
                  <Select
                    data-testid="ticket-channel"
                    options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={8}>
              <Form.Item
                name="requesterName"
                label={t('ticket.requesterName')}
                rules={[required('ticket.requesterName'), max('ticket.requesterName', TICKET_LIMITS.requesterName)]}
              >
                <Input data-testid="ticket-requesterName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="requesterPhone"
                label={t('ticket.requesterPhone')}
                rules={[required('ticket.requesterPhone'), max('ticket.requesterPhone', TICKET_LIMITS.requesterPhone)]}
              >
                <Input data-testid="ticket-requesterPhone" inputMode="tel" />
              </Form.Item>
            </Col>
            {!isCustomer && (
              <Col xs={24}>
                <CallerLookup phone={requesterPhone} onPick={fillCaller} />
              </Col>
            )}
            <Col xs={24} md={8}>
              <Form.Item
                name="requesterUnit"
                label={t('ticket.requesterUnit')}
                rules={[max('ticket.requesterUnit', TICKET_LIMITS.requesterUnit)]}
              >
                <Input data-testid="ticket-requesterUnit" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="siteId" label={t('ticket.site')} rules={[requiredChoice('ticket.site')]}>
                <Select
                  data-testid="ticket-site"
                  showSearch
                  filterOption={matchSite}
                  placeholder={t('newTicket.sitePlaceholder')}
                  loading={sites.isFetching}
                  options={(sites.data ?? []).map((s) => ({
                    ...siteOption(s, s.customerName && !isCustomer ? `${s.name} · ${s.customerName}` : s.name),
                    'data-testid': `option-site-${s.id}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="deviceId" label={t('ticket.device')}>
                <Select
                  data-testid="ticket-device"
                  showSearch
                  allowClear
                  optionFilterProp="label"
                  disabled={!siteId}
                  loading={!!siteId && devices.isFetching}
                  placeholder={siteId ? t('newTicket.devicePlaceholder') : t('newTicket.deviceNeedsSite')}
                  options={(devices.data ?? []).map((d) => ({
                    value: d.id,
                    // the location is searchable too: a caller says "the camera on the north-east pole"
                    label: [d.name, d.location, d.model, d.ipAddress].filter(Boolean).join(' · '),
                    'data-testid': `option-device-${d.id}`,
                  }))}
                />
              </Form.Item>
            </Col>
            {mayNameItems && unitId != null && (
              <Col xs={24}>
                <Form.Item
                  name="configItemIds"
                  label={t('newTicket.configItems')}
                  extra={t('newTicket.configItemsHint')}
                  rules={[
                    {
                      validator: (_, value: number[] | undefined) =>
                        (value?.length ?? 0) > MAX_INTAKE_CONFIG_ITEMS
                          ? Promise.reject(new Error(t('newTicket.configItemsMax', { max: MAX_INTAKE_CONFIG_ITEMS })))
                          : Promise.resolve(),
                    },
                  ]}
                >
                  <Select
                    data-testid="ticket-config-items"
                    mode="multiple"
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    maxCount={MAX_INTAKE_CONFIG_ITEMS}
                    loading={unitItems.isFetching}
                    placeholder={t('newTicket.configItemsPlaceholder')}
                    notFoundContent={unitItems.isFetching ? undefined : t('newTicket.configItemsNone')}
                    options={itemOptions}
                  />
                </Form.Item>
              </Col>
            )}
            {!isCustomer && (
              <Col xs={24}>
                <OpenCaseWarning deviceId={deviceId} value={linkChoice} onChange={setLinkChoice} />
              </Col>
            )}
            {!isCustomer && (
              <Col xs={24} md={8}>
                <Form.Item
                  name="receivedAt"
                  label={t('newTicket.receivedAt')}
                  extra={t('newTicket.receivedAtHelp')}
                  rules={[
                    {
                      validator: (_, value: Dayjs | null | undefined) =>
                        value && Date.parse(serviceWallClockToInstant(value)) > Date.now() + FUTURE_TOLERANCE_MILLIS
                          ? Promise.reject(new Error(t('newTicket.receivedAtFuture')))
                          : Promise.resolve(),
                    },
                  ]}
                >
                  <DatePicker
                    data-testid="ticket-receivedAt"
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                    disabledDate={(day) => day.isAfter(serviceWallClockNow(), 'day')}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>

        <Card title={t(isFault ? 'newTicket.faultSection' : 'newTicket.requestSection')} style={{ marginTop: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={isFault ? 24 : 12}>
              <Form.Item
                name="requestType"
                label={t('ticket.requestType')}
                rules={[requiredChoice('ticket.requestType')]}
              >
                <Radio.Group data-testid="ticket-requestType" optionType="button">
                  {REQUEST_TYPES.map((r) => (
                    <Radio.Button key={r} value={r} data-testid={`ticket-requestType-${r}`}>
                      {t(`requestType.${r}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
            {requestType === 'SERVICE_REQUEST' && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="serviceItem"
                  label={t('ticket.serviceItem')}
                  rules={[requiredChoice('ticket.serviceItem')]}
                >
                  <Select
                    data-testid="ticket-serviceItem"
                    options={SERVICE_ITEMS.map((i) => ({ value: i, label: t(`serviceItem.${i}`) }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={16} style={isFault ? undefined : { display: 'none' }}>
            <Col xs={24} md={12}>
              <Form.Item
                name="impact"
                label={t('ticket.impact')}
                rules={isFault ? [requiredChoice('ticket.impact')] : []}
              >
                <Radio.Group data-testid="ticket-impact">
                  <Space direction="vertical">
                    {SEVERITIES.map((s) => (
                      <Radio key={s} value={s} data-testid={`ticket-impact-${s}`}>
                        {t(`impact.${s}`)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="urgency"
                label={t('ticket.urgency')}
                rules={isFault ? [requiredChoice('ticket.urgency')] : []}
              >
                <Radio.Group data-testid="ticket-urgency">
                  <Space direction="vertical">
                    {SEVERITIES.map((s) => (
                      <Radio key={s} value={s} data-testid={`ticket-urgency-${s}`}>
                        {t(`urgency.${s}`)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={t('ticket.title')}
            rules={[required('ticket.title'), max('ticket.title', TICKET_LIMITS.title)]}
          >
            <Input data-testid="ticket-title" showCount maxLength={TICKET_LIMITS.title} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t(isFault ? 'ticket.description' : 'newTicket.requestDescription')}
            rules={[required('ticket.description'), max('ticket.description', TICKET_LIMITS.description)]}
          >
            <Input.TextArea data-testid="ticket-description" rows={5} showCount maxLength={TICKET_LIMITS.description} />
          </Form.Item>
          {!isCustomer && (
            <SuggestionPanel
              text={`${typedTitle} ${typedDescription}`}
              deviceType={devices.data?.find((d) => d.id === deviceId)?.type}
            />
          )}
        </Card>

        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} data-testid="ticket-error" />}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={busy}
          style={{ marginTop: 16 }}
          data-testid="ticket-submit"
        >
          {t(isCustomer ? 'customer.submit' : 'newTicket.submit')}
        </Button>
      </Form>
    </>
  );
}

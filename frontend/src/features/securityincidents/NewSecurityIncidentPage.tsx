import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { referenceApi, referenceKeys } from '../../api/reference';
import { useAuth } from '../../auth/AuthContext';
import { useFormRules } from '../../shared/formRules';
import { serviceWallClockNow, serviceWallClockToInstant } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useSendOnce } from '../../shared/useSendOnce';
import { CasePicker } from '../caselink';
import {
  SECURITY_IMPACTS,
  SECURITY_INCIDENT_KINDS,
  SECURITY_INCIDENT_LIMITS,
  securityIncidentKeys,
  securityIncidentsApi,
  type NewSecurityIncident,
  type SecurityImpact,
  type SecurityIncidentKind,
} from './api';
import { codeLabel, describeIncidentError, formField } from './parts';
import { notInFuture, PICKER_PROPS } from './timeRules';

/** The occurrence is edited as a wall-clock time in the service zone (shared/format.ts), sent as an instant. */
interface FormValues {
  customerId?: number;
  kind?: SecurityIncidentKind;
  impact?: SecurityImpact;
  title?: string;
  description?: string;
  occurredAt?: Dayjs | null;
  involved?: string;
  ticketId?: number;
}

const FORM_FIELDS = new Set<string>([
  'customerId',
  'kind',
  'impact',
  'title',
  'description',
  'occurredAt',
  'involved',
  'ticketId',
]);

/**
 * Reporting a security incident (RP-6): the unit (staff choose it; a customer's user reports for their own unit and
 * is not asked), kind, first estimate of the impact, title, what happened, when, who was involved and the case it
 * happened in. The button cannot send twice; the server's field errors show under their fields; once recorded the
 * incident's page opens.
 */
export function NewSecurityIncidentPage() {
  const { t } = useTranslation();
  const { isCustomer } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const { required, choose, max } = useFormRules();

  const customers = useQuery({
    queryKey: referenceKeys.customers,
    queryFn: referenceApi.customers,
    enabled: !isCustomer,
  });
  // a unit of one: nothing to choose
  const onlyCustomer = customers.data?.length === 1 ? customers.data[0].id : undefined;
  useEffect(() => {
    if (!isCustomer && onlyCustomer != null && form.getFieldValue('customerId') == null)
      form.setFieldValue('customerId', onlyCustomer);
  }, [isCustomer, onlyCustomer, form]);

  const { ok, busy, error, setError } = useSendOnce(
    form,
    async (values) => {
      const body: NewSecurityIncident = {
        // a customer's user reports for their own unit: the server knows which
        ...(isCustomer ? {} : { customerId: values.customerId! }),
        kind: values.kind!,
        impact: values.impact!,
        title: values.title!.trim(),
        description: values.description!.trim(),
        occurredAt: serviceWallClockToInstant(values.occurredAt!),
        involved: values.involved?.trim() || null,
        ticketId: values.ticketId ?? null,
      };
      const created = await securityIncidentsApi.create(body);
      queryClient.setQueryData(securityIncidentKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: securityIncidentKeys.all });
      message.success(t('securityIncidents.new.created', { number: created.number }));
      void navigate(`/security-incidents/${created.id}`);
    },
    (e) => {
      if (e instanceof ApiError && e.status === 400 && e.fieldErrors.length > 0) {
        // a customer's user has no unit field: the server's word on it goes to the error line
        const shown = (field: string) => FORM_FIELDS.has(field) && !(isCustomer && field === 'customerId');
        const onForm = e.fieldErrors.filter((fe) => shown(formField(fe.field)));
        form.setFields(onForm.map((fe) => ({ name: formField(fe.field) as keyof FormValues, errors: [fe.message] })));
        const elsewhere = e.fieldErrors.filter((fe) => !shown(formField(fe.field)));
        if (elsewhere.length > 0) setError(elsewhere.map((fe) => fe.message).join('；'));
        else if (onForm.length === 0) setError(t('validation.serverRejected'));
      } else {
        setError(describeIncidentError(e, t));
      }
    },
  );

  const L = SECURITY_INCIDENT_LIMITS;

  return (
    <div data-testid="sec-new-page">
      <Link to="/security-incidents">{t('securityIncidents.detail.back')}</Link>
      <PageHeader title={t('securityIncidents.new.title')} />
      <Typography.Paragraph type="secondary">
        {t(isCustomer ? 'securityIncidents.new.introCustomer' : 'securityIncidents.new.intro')}
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        name="new-security-incident"
        layout="vertical"
        initialValues={{ occurredAt: serviceWallClockNow() }}
        scrollToFirstError
      >
        <Card>
          {!isCustomer && (
            <Form.Item
              name="customerId"
              label={t('securityIncidents.field.customer')}
              rules={[choose('securityIncidents.field.customer')]}
            >
              <Select
                data-testid="sec-form-customer"
                showSearch
                optionFilterProp="label"
                loading={customers.isFetching}
                placeholder={t('securityIncidents.new.customerPlaceholder')}
                options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="kind"
                label={t('securityIncidents.field.kind')}
                rules={[choose('securityIncidents.field.kind')]}
              >
                <Select
                  data-testid="sec-form-kind"
                  placeholder={t('securityIncidents.new.kindPlaceholder')}
                  options={SECURITY_INCIDENT_KINDS.map((k) => ({
                    value: k,
                    label: codeLabel(t, 'securityKind', k),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="impact"
                label={t('securityIncidents.field.impact')}
                extra={t('securityIncidents.new.impactHelp')}
                rules={[choose('securityIncidents.field.impact')]}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="sec-form-impact"
                  options={SECURITY_IMPACTS.map((i) => ({
                    value: i,
                    label: codeLabel(t, 'securityImpact', i),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={t('securityIncidents.field.title')}
            rules={[required('securityIncidents.field.title'), max('securityIncidents.field.title', L.title)]}
          >
            <Input data-testid="sec-form-title" showCount maxLength={L.title} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('securityIncidents.field.description')}
            extra={t('securityIncidents.new.descriptionHelp')}
            rules={[
              required('securityIncidents.field.description'),
              max('securityIncidents.field.description', L.description),
            ]}
          >
            <Input.TextArea data-testid="sec-form-description" rows={4} showCount maxLength={L.description} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="occurredAt"
                label={t('securityIncidents.field.occurredAt')}
                rules={[choose('securityIncidents.field.occurredAt'), notInFuture(t)]}
              >
                <DatePicker data-testid="sec-form-occurredAt" {...PICKER_PROPS} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="involved"
                label={t('securityIncidents.field.involved')}
                extra={t('securityIncidents.new.involvedHelp')}
                rules={[max('securityIncidents.field.involved', L.involved)]}
              >
                <Input data-testid="sec-form-involved" maxLength={L.involved} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="ticketId"
            label={t('securityIncidents.field.ticket')}
            extra={t('securityIncidents.new.ticketHelp')}
          >
            <CasePicker testId="sec-form-ticket" />
          </Form.Item>
        </Card>

        {error && (
          <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} data-testid="sec-form-error" />
        )}
        <Button
          type="primary"
          size="large"
          loading={busy}
          disabled={busy}
          onClick={() => void ok()}
          style={{ marginTop: 16 }}
          data-testid="sec-form-submit"
        >
          {t('securityIncidents.new.submit')}
        </Button>
      </Form>
    </div>
  );
}

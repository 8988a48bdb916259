import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { referenceApi, referenceKeys } from '../../api/reference';
import { useFormRules } from '../../shared/formRules';
import { useIsPhone } from '../../shared/useIsPhone';
import { useSendOnce } from '../../shared/useSendOnce';
import {
  CONFIG_ITEM_KINDS,
  CONFIG_ITEM_LIMITS,
  CONFIG_ITEM_STATUSES,
  configItemKeys,
  configItemsApi,
  type ConfigItemKind,
  type ConfigItemStatus,
  type ConfigItemView,
} from './api';
import { codeLabel, describeItemError, formField } from './parts';

interface FormValues {
  customerId?: number;
  kind?: ConfigItemKind;
  name?: string;
  version?: string;
  location?: string;
  status?: ConfigItemStatus;
  owner?: string;
  parameters?: string;
  notes?: string;
}

const FORM_FIELDS = new Set<string>([
  'customerId',
  'kind',
  'name',
  'version',
  'location',
  'status',
  'owner',
  'parameters',
  'notes',
]);

/** Blank is no value: sent as null. */
const optional = (s: string | undefined) => s?.trim() || null;

/**
 * Registering a configuration item (no `item`) or editing one: unit (on registering only; it cannot change), kind,
 * name, version, location, status, owner, key parameters and related documents. The OK button cannot send twice;
 * the server's field errors show under their fields; an edit of an item someone else changed meanwhile (409) says
 * so and reloads the item, keeping what was typed.
 */
export function ConfigItemModal({
  item,
  onClose,
  onSaved,
}: {
  item?: ConfigItemView;
  onClose: () => void;
  onSaved?: (view: ConfigItemView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const { required, choose, max } = useFormRules();
  const editing = !!item;

  const customers = useQuery({
    queryKey: referenceKeys.customers,
    queryFn: referenceApi.customers,
    enabled: !editing,
  });
  // a unit of one: nothing to choose
  const onlyCustomer = customers.data?.length === 1 ? customers.data[0].id : undefined;
  useEffect(() => {
    if (!editing && onlyCustomer != null && form.getFieldValue('customerId') == null)
      form.setFieldValue('customerId', onlyCustomer);
  }, [editing, onlyCustomer, form]);

  const { ok, busy, error, setError } = useSendOnce(
    form,
    async (values) => {
      const fields = {
        kind: values.kind!,
        name: values.name!.trim(),
        version: optional(values.version),
        location: optional(values.location),
        status: values.status!,
        owner: optional(values.owner),
        parameters: optional(values.parameters),
        notes: optional(values.notes),
      };
      const view = item
        ? // the revision of the item as the page has it now (read again after a 409)
          await configItemsApi.edit(item.id, { ...fields, revision: item.revision })
        : await configItemsApi.create({ customerId: values.customerId!, ...fields });
      queryClient.setQueryData(configItemKeys.detail(view.id), view);
      void queryClient.invalidateQueries({ queryKey: configItemKeys.all });
      message.success(item ? t('configItems.edit.saved') : t('configItems.new.created', { number: view.number }));
      onSaved?.(view);
      onClose();
    },
    (e) => {
      if (
        e instanceof ApiError &&
        e.status === 400 &&
        e.fieldErrors.some((fe) => FORM_FIELDS.has(formField(fe.field)))
      ) {
        form.setFields(
          e.fieldErrors
            .filter((fe) => FORM_FIELDS.has(formField(fe.field)))
            .map((fe) => ({ name: formField(fe.field) as keyof FormValues, errors: [fe.message] })),
        );
        const elsewhere = e.fieldErrors.filter((fe) => !FORM_FIELDS.has(formField(fe.field)));
        if (elsewhere.length > 0) setError(elsewhere.map((fe) => fe.message).join('；'));
      } else {
        setError(describeItemError(e, t));
      }
      if (item && e instanceof ApiError && e.status === 409) {
        void queryClient.invalidateQueries({ queryKey: configItemKeys.detail(item.id) });
      }
    },
  );

  const text = (name: 'name' | 'version' | 'location' | 'owner', isRequired = false, extra?: string) => (
    <Form.Item
      name={name}
      label={t(`configField.${name}`)}
      extra={extra}
      rules={[
        ...(isRequired ? [required(`configField.${name}`)] : []),
        max(`configField.${name}`, CONFIG_ITEM_LIMITS[name]),
      ]}
    >
      <Input data-testid={`ci-form-${name}`} maxLength={CONFIG_ITEM_LIMITS[name]} />
    </Form.Item>
  );
  const area = (name: 'parameters' | 'notes') => (
    <Form.Item
      name={name}
      label={t(`configField.${name}`)}
      extra={t(`configItems.help.${name}`)}
      rules={[max(`configField.${name}`, CONFIG_ITEM_LIMITS[name])]}
    >
      <Input.TextArea data-testid={`ci-form-${name}`} rows={3} showCount maxLength={CONFIG_ITEM_LIMITS[name]} />
    </Form.Item>
  );
  const half = phone ? 24 : 12;

  return (
    <Modal
      open
      title={t(item ? 'configItems.edit.title' : 'configItems.new.title')}
      okText={t(item ? 'configItems.edit.save' : 'configItems.new.submit')}
      cancelText={t('configItems.cancel')}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: busy, ...({ 'data-testid': 'ci-form-ok' } as object) }}
      width={phone ? '100%' : 640}
      style={phone ? { top: 8, maxWidth: '100vw', paddingInline: 0 } : undefined}
      destroyOnHidden
      maskClosable={!busy}
      data-testid="ci-form-modal"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          item
            ? {
                kind: item.kind,
                name: item.name,
                version: item.version ?? undefined,
                location: item.location ?? undefined,
                status: item.status,
                owner: item.owner ?? undefined,
                parameters: item.parameters ?? undefined,
                notes: item.notes ?? undefined,
              }
            : { status: 'IN_SERVICE' }
        }
      >
        {item ? (
          <Typography.Paragraph type="secondary" data-testid="ci-form-unit">
            {t('configItems.field.customer')}：{item.customerName}（{t('configItems.help.customerFixed')}）
          </Typography.Paragraph>
        ) : (
          <Form.Item
            name="customerId"
            label={t('configItems.field.customer')}
            rules={[choose('configItems.field.customer')]}
          >
            <Select
              data-testid="ci-form-customer"
              showSearch
              optionFilterProp="label"
              loading={customers.isFetching}
              placeholder={t('configItems.customerPlaceholder')}
              options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={half}>
            <Form.Item name="kind" label={t('configField.kind')} rules={[choose('configField.kind')]}>
              <Select
                data-testid="ci-form-kind"
                options={CONFIG_ITEM_KINDS.map((k) => ({ value: k, label: codeLabel(t, 'configKind', k) }))}
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="status" label={t('configField.status')} rules={[choose('configField.status')]}>
              <Select
                data-testid="ci-form-status"
                options={CONFIG_ITEM_STATUSES.map((s) => ({ value: s, label: codeLabel(t, 'configStatus', s) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {text('name', true)}
        <Row gutter={16}>
          <Col span={half}>{text('version')}</Col>
          <Col span={half}>{text('owner', false, t('configItems.help.owner'))}</Col>
        </Row>
        {text('location')}
        {area('parameters')}
        {area('notes')}
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="ci-form-error" />}
    </Modal>
  );
}

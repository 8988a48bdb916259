import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Customer } from '../../api/types';
import { describeError } from '../../shared/errors';
import { PageHeader } from '../../shared/PageHeader';
import { policyName } from '../sla';
import {
  CALENDAR_KINDS,
  CONTRACT_LANGUAGES,
  contractKeys,
  contractsApi,
  type Contract,
  type PolicyOption,
} from './api';
import {
  formValues,
  MAX_WINDOWS,
  toPayload,
  workingHoursProblems,
  type ContractFormValues,
  type SecretEdit,
} from './contractForm';
import { RepairTermsCard } from './RepairTermsCard';
import { ReportSettingsCard } from './ReportSettingsCard';

/**
 * Service contracts per customer (process owners and admins): SLA policy, calendar and office hours,
 * escalation contacts and notification channels. A change applies to tickets opened afterwards; the
 * "apply to open tickets" button moves the customer's open tickets onto the contract's terms.
 */
export function ContractsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const customers = useQuery({ queryKey: contractKeys.customers, queryFn: contractsApi.customers });
  const contracts = useQuery({ queryKey: contractKeys.all, queryFn: contractsApi.list });
  const policies = useQuery({ queryKey: contractKeys.policies, queryFn: contractsApi.policies });
  const schemeName = (code: string) => policyName(t, code, policies.data?.find((p) => p.code === code)?.name);
  // A saved contract changes the list; the customers and policies stay as they are.
  const reloadContracts = () => void queryClient.invalidateQueries({ queryKey: contractKeys.all, exact: true });
  const [editing, setEditing] = useState<Customer | null>(null);

  const byCustomer = useMemo(
    () => new Map((contracts.data ?? []).map((c) => [c.customerId, c] as const)),
    [contracts.data],
  );
  const error = customers.error ?? contracts.error ?? policies.error;

  return (
    <div data-testid="contracts-page">
      <PageHeader
        title={t('contracts.title')}
        extra={
          <Button onClick={reloadContracts} data-testid="contracts-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('contracts.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(error, t) })} />}
      <List
        loading={customers.isFetching || contracts.isFetching}
        // editing starts only once the contracts are known, so a form never opens blank over an existing one
        dataSource={contracts.data ? (customers.data ?? []) : []}
        locale={{ emptyText: t('contracts.noCustomers') }}
        renderItem={(customer) => {
          const contract = byCustomer.get(customer.id);
          return (
            <List.Item
              // on a phone the button goes below the name instead of squeezing it
              style={{ flexWrap: 'wrap', rowGap: 8 }}
              data-testid={`contract-row-${customer.id}`}
              actions={[
                <Button key="edit" onClick={() => setEditing(customer)} data-testid={`contract-edit-${customer.id}`}>
                  {t(contract ? 'contracts.edit' : 'contracts.create')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={customer.name}
                description={
                  contract ? (
                    <Space wrap size={[4, 4]}>
                      <span>{contract.name}</span>
                      {/* the policy's name, not its code: codes are for the API */}
                      {schemeName(contract.policyCode) && <Tag>{schemeName(contract.policyCode)}</Tag>}
                      <Tag color={contract.calendar === 'FIVE_BY_8' ? 'blue' : 'green'}>
                        {t(`contracts.calendar.${contract.calendar}`)}
                      </Tag>
                    </Space>
                  ) : (
                    t('contracts.none')
                  )
                }
              />
            </List.Item>
          );
        }}
      />
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('contracts.formTitle', { customer: editing.name }) : ''}
        width="min(640px, 100vw)"
        destroyOnHidden
      >
        {editing && (
          <ContractForm
            customerId={editing.id}
            contract={byCustomer.get(editing.id)}
            policies={policies.data}
            onSaved={reloadContracts}
          />
        )}
        {/* once the contract exists: the repair terms are kept per contract, under its own id */}
        {editing && byCustomer.get(editing.id) && <RepairTermsCard contractId={byCustomer.get(editing.id)!.id} />}
        {/* the scheduled reports' recipients and major fault level (RP-1), also per contract */}
        {editing && byCustomer.get(editing.id) && <ReportSettingsCard contractId={byCustomer.get(editing.id)!.id} />}
      </Drawer>
    </div>
  );
}

/** Server field names such as "workingHours[1].to" as form paths (["workingHours", 1, "to"]). */
function fieldPath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function ContractForm({
  customerId,
  contract,
  policies,
  onSaved,
}: {
  customerId: number;
  contract: Contract | undefined;
  policies: PolicyOption[] | undefined;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ContractFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hoursError, setHoursError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Contract>();
  const saved = answer ?? contract;
  const calendar = Form.useWatch('calendar', form);
  const policyCode = Form.useWatch('policyCode', form);
  const levels = (policies ?? []).find((p) => p.code === policyCode)?.definition?.levels ?? [];
  const initial = useMemo(() => formValues(contract), [contract]);

  const required = (labelKey: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field: t(labelKey) }),
  });

  const submit = async (values: ContractFormValues) => {
    setError(null);
    setHoursError(null);
    const problems = workingHoursProblems(values.workingHours ?? []);
    if (problems.length > 0) {
      form.setFields(
        problems
          .filter((p) => p.index >= 0 && p.end)
          .map((p) => ({ name: ['workingHours', p.index, p.end!], errors: [t(p.key, p.params)] })),
      );
      const whole = problems.find((p) => p.index < 0);
      if (whole) setHoursError(t(whole.key, whole.params));
      return;
    }
    setBusy(true);
    try {
      const stored = await contractsApi.save(customerId, toPayload(values));
      setAnswer(stored);
      form.setFieldsValue({
        wecomWebhookUrl: { mode: 'keep' },
        dingtalkWebhookUrl: { mode: 'keep' },
        dingtalkSecret: { mode: 'keep' },
      });
      message.success(t('contracts.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(
          e.fieldErrors.map((f) => ({ name: fieldPath(f.field), errors: [f.message] })) as Parameters<
            typeof form.setFields
          >[0],
        );
        if (e.fieldErrors.some((f) => f.field === 'workingHours')) {
          setHoursError(e.fieldErrors.find((f) => f.field === 'workingHours')!.message);
        }
        setError(t('validation.serverRejected'));
      } else {
        setError(describeError(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const applyToOpen = async () => {
    try {
      const count = await contractsApi.applyToOpen(customerId, true);
      modal.confirm({
        title: t('contracts.applyTitle'),
        content: t('contracts.applyText', { count: count.ticketsUpdated }),
        okText: t('contracts.applyConfirm'),
        cancelText: t('contracts.cancel'),
        okButtonProps: { disabled: count.ticketsUpdated === 0 },
        onOk: async () => {
          try {
            const done = await contractsApi.applyToOpen(customerId, false);
            message.success(t('contracts.applied', { count: done.ticketsUpdated }));
          } catch (e) {
            message.error(describeError(e, t));
          }
        },
      });
    } catch (e) {
      message.error(describeError(e, t));
    }
  };

  return (
    <Form<ContractFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => void submit(values)}
      disabled={busy}
      data-testid="contract-form"
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="contract-error" />
      )}
      <Form.Item name="name" label={t('contracts.name')} rules={[required('contracts.name'), { max: 200 }]}>
        <Input data-testid="contract-name" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="policyCode"
        label={t('contracts.policy')}
        rules={[{ required: true, message: t('validation.choose', { field: t('contracts.policy') }) }]}
      >
        <Select
          data-testid="contract-policy"
          loading={!policies}
          options={(policies ?? []).map((p) => ({ value: p.code, label: policyName(t, p.code, p.name) }))}
        />
      </Form.Item>
      <Form.Item name="planLevels" label={t('contracts.planLevels')} extra={t('contracts.planLevelsHelp')}>
        <Select
          mode="multiple"
          allowClear
          data-testid="contract-planLevels"
          options={levels.map((l) => ({
            value: l.code,
            label: t(`levelName.${policyCode}.${l.code}`, { defaultValue: l.name }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="surveySamplePercent"
        label={t('contracts.samplePercent')}
        extra={t('contracts.samplePercentHelp')}
        rules={[
          {
            validator: (_, v: number | null | undefined) =>
              v == null || (v > 0 && v <= 100 && Math.round(v * 100) === v * 100)
                ? Promise.resolve()
                : Promise.reject(new Error(t('contracts.samplePercentRange'))),
          },
        ]}
      >
        <InputNumber data-testid="contract-samplePercent" min={0.01} max={100} step={1} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="calendar" label={t('contracts.calendarLabel')} extra={t('contracts.calendarHelp')}>
        <Select
          data-testid="contract-calendar"
          options={CALENDAR_KINDS.map((k) => ({ value: k, label: t(`contracts.calendar.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="zone" label={t('contracts.zone')} rules={[required('contracts.zone')]}>
        <Input data-testid="contract-zone" maxLength={60} />
      </Form.Item>
      {/* Kept in the form on 7×24 too, so switching back finds the hours unchanged. */}
      <div hidden={calendar !== 'FIVE_BY_8'} data-testid="contract-hours">
        <Typography.Text strong>{t('contracts.hours')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('contracts.hoursHelp')}
        </Typography.Paragraph>
        <Form.List name="workingHours">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item name={[field.name, 'from']} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                    <Input
                      placeholder="08:30"
                      aria-label={t('contracts.hoursFrom', { n: index + 1 })}
                      data-testid={`contract-hours-${index}-from`}
                      maxLength={5}
                    />
                  </Form.Item>
                  <span style={{ lineHeight: '32px' }}>–</span>
                  <Form.Item name={[field.name, 'to']} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                    <Input
                      placeholder="12:00"
                      aria-label={t('contracts.hoursTo', { n: index + 1 })}
                      data-testid={`contract-hours-${index}-to`}
                      maxLength={5}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('contracts.hoursRemove', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                    data-testid={`contract-hours-${index}-remove`}
                  />
                </Flex>
              ))}
              {hoursError && <Alert type="error" message={hoursError} style={{ marginBottom: 8 }} />}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ from: '', to: '' })}
                disabled={fields.length >= MAX_WINDOWS}
                data-testid="contract-hours-add"
                style={{ marginBottom: 16 }}
              >
                {t('contracts.hoursAdd')}
              </Button>
            </>
          )}
        </Form.List>
      </div>
      <Card size="small" title={t('contracts.contacts')} style={{ marginBottom: 16 }}>
        {(['deskLead', 'projectManager', 'seniorEngineer', 'departmentHead'] as const).map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`contracts.${f}`)}
            extra={f === 'deskLead' ? t('contracts.contactsHelp') : undefined}
          >
            <Input data-testid={`contract-${f}`} maxLength={100} />
          </Form.Item>
        ))}
      </Card>
      <Card size="small" title={t('contracts.channels')} style={{ marginBottom: 16 }}>
        <Form.Item name="language" label={t('contracts.languageLabel')} extra={t('contracts.languageHelp')}>
          <Select
            data-testid="contract-language"
            options={CONTRACT_LANGUAGES.map((l) => ({ value: l, label: t(`contracts.language.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="notifyEmail" label={t('contracts.notifyEmail')} valuePropName="checked">
          <Switch data-testid="contract-notifyEmail" />
        </Form.Item>
        <Form.Item name="wecomWebhookUrl" label={t('contracts.wecomWebhookUrl')}>
          <SecretInput
            isSet={saved?.wecomWebhookSet === true}
            testId="contract-wecom"
            placeholder="https://qyapi.weixin.qq.com/..."
          />
        </Form.Item>
        <Form.Item name="dingtalkWebhookUrl" label={t('contracts.dingtalkWebhookUrl')}>
          <SecretInput
            isSet={saved?.dingtalkWebhookSet === true}
            testId="contract-dingtalk"
            placeholder="https://oapi.dingtalk.com/..."
          />
        </Form.Item>
        <Form.Item name="dingtalkSecret" label={t('contracts.dingtalkSecret')}>
          <SecretInput
            isSet={saved?.dingtalkSecretSet === true}
            testId="contract-dingtalk-secret"
            placeholder="SEC..."
          />
        </Form.Item>
      </Card>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="contract-save">
          {t('contracts.save')}
        </Button>
        {saved && (
          <Button onClick={() => void applyToOpen()} disabled={busy} data-testid="contract-apply">
            {t('contracts.apply')}
          </Button>
        )}
      </Flex>
      {saved && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('contracts.applyHelp')}
        </Typography.Paragraph>
      )}
    </Form>
  );
}

/**
 * A write-only value (webhook address, signing secret): shows whether one is stored, never the value, and
 * offers to replace or clear it. Unset values take a new one directly.
 */
function SecretInput({
  value,
  onChange,
  isSet,
  testId,
  placeholder,
}: {
  value?: SecretEdit;
  onChange?: (v: SecretEdit) => void;
  isSet: boolean;
  testId: string;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const edit = value ?? { mode: 'keep' };
  if (isSet && edit.mode === 'keep') {
    return (
      <Space wrap data-testid={testId}>
        <Tag color="green">{t('contracts.secretSet')}</Tag>
        <Button
          size="small"
          onClick={() => onChange?.({ mode: 'replace', value: '' })}
          data-testid={`${testId}-replace`}
        >
          {t('contracts.secretReplace')}
        </Button>
        <Button size="small" danger onClick={() => onChange?.({ mode: 'clear' })} data-testid={`${testId}-clear`}>
          {t('contracts.secretClear')}
        </Button>
      </Space>
    );
  }
  if (edit.mode === 'clear') {
    return (
      <Space wrap data-testid={testId}>
        <Tag color="red">{t('contracts.secretWillClear')}</Tag>
        <Button size="small" onClick={() => onChange?.({ mode: 'keep' })} data-testid={`${testId}-undo`}>
          {t('contracts.secretUndo')}
        </Button>
      </Space>
    );
  }
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        data-testid={`${testId}-input`}
        placeholder={isSet ? t('contracts.secretNewValue') : placeholder}
        value={edit.mode === 'replace' ? edit.value : ''}
        onChange={(e) =>
          onChange?.(
            e.target.value
              ? { mode: 'replace', value: e.target.value }
              : isSet
                ? { mode: 'replace', value: '' }
                : { mode: 'keep' },
          )
        }
        maxLength={500}
        autoComplete="off"
      />
      {isSet && (
        <Button onClick={() => onChange?.({ mode: 'keep' })} data-testid={`${testId}-undo`}>
          {t('contracts.secretUndo')}
        </Button>
      )}
    </Space.Compact>
  );
}

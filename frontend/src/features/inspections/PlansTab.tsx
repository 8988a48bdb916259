import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Input, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import {
  CYCLES,
  DEVICE_TYPES,
  inspectionKeys,
  inspectionsApi,
  type InspectionCycle,
  type InspectionPlan,
  type PlanCommand,
  type PlanItem,
} from './api';

const EMPTY_ITEM: PlanItem = { deviceType: 'CAMERA', item: '', method: '', automated: false };

/** The plan editor: customer, cycle, name and the checklist template (item, how, device probe) per device type. */
function PlanEditor({ plan, onDone }: { plan?: InspectionPlan; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const customers = useQuery({ queryKey: ['inspections', 'customers'], queryFn: inspectionsApi.customers });
  const [draft, setDraft] = useState<PlanCommand>(
    plan
      ? { ...plan, siteId: plan.siteId ?? null }
      : { customerId: 0, name: '', cycle: 'MONTHLY', active: true, items: [{ ...EMPTY_ITEM }] },
  );
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: () => (plan ? inspectionsApi.editPlan(plan.id, draft) : inspectionsApi.createPlan(draft)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.plans });
      onDone();
    },
    onError: (e) => setError(describeError(e, t)),
  });
  const setItem = (i: number, change: Partial<PlanItem>) =>
    setDraft({ ...draft, items: draft.items.map((it, j) => (j === i ? { ...it, ...change } : it)) });
  return (
    <Card size="small" title={plan ? plan.name : t('inspections.plans.new')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8} style={{ maxWidth: 760 }}>
        <Select
          placeholder={t('inspections.customer')}
          value={draft.customerId || undefined}
          disabled={!!plan}
          onChange={(customerId: number) => setDraft({ ...draft, customerId })}
          showSearch
          optionFilterProp="label"
          data-testid="plan-customer"
          options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Input
          placeholder={t('inspections.plans.name')}
          value={draft.name}
          maxLength={200}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          data-testid="plan-name"
        />
        <Space wrap>
          <Select
            value={draft.cycle}
            style={{ minWidth: 140 }}
            onChange={(cycle: InspectionCycle) => setDraft({ ...draft, cycle })}
            options={CYCLES.map((c) => ({ value: c, label: t(`inspection.cycle.${c}`) }))}
          />
          <Switch checked={draft.active} onChange={(active) => setDraft({ ...draft, active })} />
          <span>{t('inspections.plans.active')}</span>
        </Space>
        <strong>{t('inspections.plans.items')}</strong>
        {draft.items.map((it, i) => (
          <Flex key={i} gap={8} wrap align="center" className="inspection-plan-item">
            <Select
              value={it.deviceType}
              style={{ width: 130 }}
              onChange={(deviceType) => setItem(i, { deviceType })}
              options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`admin.deviceType.${d}`) }))}
            />
            <Input
              style={{ flex: '1 1 180px', minWidth: 0 }}
              placeholder={t('inspections.plans.item')}
              value={it.item}
              maxLength={200}
              onChange={(e) => setItem(i, { item: e.target.value })}
            />
            <Input
              style={{ flex: '1 1 180px', minWidth: 0 }}
              placeholder={t('inspections.plans.method')}
              value={it.method ?? ''}
              maxLength={500}
              onChange={(e) => setItem(i, { method: e.target.value })}
            />
            <Checkbox checked={it.automated} onChange={(e) => setItem(i, { automated: e.target.checked })}>
              {t('inspections.plans.automated')}
            </Checkbox>
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('inspections.plans.remove')}
              disabled={draft.items.length === 1}
              onClick={() => setDraft({ ...draft, items: draft.items.filter((_, j) => j !== i) })}
            />
          </Flex>
        ))}
        <Space wrap>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDraft({ ...draft, items: [...draft.items, { ...EMPTY_ITEM }] })}
          >
            {t('inspections.plans.addItem')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="plan-save">
            {t('inspections.plans.save')}
          </Button>
          <Button onClick={onDone}>{t('inspections.plans.cancel')}</Button>
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
      </Flex>
    </Card>
  );
}

/** Inspection plans per contract (PM-1, PM-2); the process owner, supervisor and admin edit them, the desk reads. */
export function PlansTab() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canEdit = hasRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN');
  const plans = useQuery({ queryKey: inspectionKeys.plans, queryFn: inspectionsApi.plans });
  const [editing, setEditing] = useState<InspectionPlan | 'new' | null>(null);
  return (
    <>
      {canEdit && editing === null && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          {t('inspections.plans.new')}
        </Button>
      )}
      {editing !== null && (
        <PlanEditor
          key={editing === 'new' ? 'new' : editing.id}
          plan={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <ResponsiveTable<InspectionPlan>
        rowKey="id"
        loading={plans.isLoading}
        dataSource={plans.data ?? []}
        pagination={false}
        cardTitle={(p) => p.name}
        cardHidden={['name']}
        columns={[
          { title: t('inspections.plans.name'), dataIndex: 'name' },
          { title: t('inspections.customer'), dataIndex: 'customerName' },
          {
            title: t('inspections.plans.cycle'),
            dataIndex: 'cycle',
            render: (c: InspectionCycle) => t(`inspection.cycle.${c}`),
          },
          {
            title: t('inspections.plans.items'),
            dataIndex: 'items',
            render: (items: PlanItem[]) => t('inspections.plans.itemCount', { count: items.length }),
          },
          {
            title: t('inspections.plans.active'),
            dataIndex: 'active',
            render: (a: boolean) => (
              <Tag color={a ? 'green' : 'default'}>
                {a ? t('inspections.plans.activeYes') : t('inspections.plans.activeNo')}
              </Tag>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, p: InspectionPlan) => (
                    <Button onClick={() => setEditing(p)}>{t('inspections.plans.edit')}</Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { periodText, stockApi, stockKeys, type StockBatch, type StockPart } from './api';

/** Levels per part with alarm and stale marks, the stale-stock warning, and (for keepers) receiving and the catalogue. */
export function PartsTab() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const keeper = hasRole('SUPERVISOR', 'ADMIN');
  const parts = useQuery({ queryKey: stockKeys.parts, queryFn: stockApi.parts });
  const stale = useQuery({ queryKey: stockKeys.stale, queryFn: stockApi.stale });

  const columns: ColumnsType<StockPart> = [
    { key: 'partNumber', title: t('stock.partNumber'), dataIndex: 'partNumber' },
    { key: 'name', title: t('stock.name'), dataIndex: 'name' },
    { key: 'model', title: t('stock.model'), dataIndex: 'model' },
    {
      key: 'onHand',
      title: t('stock.onHand'),
      // parts shipped between warehouses and not yet received are still ours: shown beside what is on the shelves
      render: (_, p) =>
        p.inTransit > 0
          ? `${p.onHand} ${p.unit}（${t('stock.inTransit', { count: p.inTransit })}）`
          : `${p.onHand} ${p.unit}`,
    },
    { key: 'alarmLevel', title: t('stock.alarmLevel'), dataIndex: 'alarmLevel' },
    {
      key: 'marks',
      title: t('stock.marks'),
      render: (_, p) => (
        <Space size={4} wrap>
          {p.atAlarm && (
            <Tag color="red" data-testid={`alarm-${p.partNumber}`}>
              {t('stock.atAlarm')}
            </Tag>
          )}
          {p.staleQuantity > 0 && (
            <Tag color="orange" data-testid={`stale-${p.partNumber}`}>
              {t('stock.staleQuantity', { n: p.staleQuantity })}
            </Tag>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {parts.error && <Alert type="error" showIcon message={describeError(parts.error, t)} />}
      {stale.data && stale.data.batches.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="stale-warning"
          message={t('stock.staleTitle', { n: stale.data.batches.length, date: stale.data.staleBefore })}
          description={
            <Space direction="vertical" size={2}>
              <Typography.Text type="secondary">
                {t('stock.staleHelp', { period: periodText(stale.data.staleAfter, t) })}
              </Typography.Text>
              {stale.data.batches.map((b) => (
                <Typography.Text key={b.id}>
                  {b.partNumber} {b.partName} · {b.warehouseCode} · {b.receivedOn} · {b.remaining} {b.unit} ·{' '}
                  {t('stock.ageDays', { n: b.ageDays })}
                </Typography.Text>
              ))}
            </Space>
          }
        />
      )}
      <ResponsiveTable<StockPart>
        data-testid="stock-parts"
        rowKey="id"
        loading={parts.isLoading}
        dataSource={parts.data ?? []}
        columns={columns}
        pagination={false}
        cardTitle={(p) => `${p.partNumber} · ${p.name}`}
        cardHidden={['partNumber', 'name']}
        expandable={{
          rowExpandable: (p) => p.batches.length > 0,
          expandedRowRender: (p) => <Batches batches={p.batches} />,
        }}
      />
      {keeper && <ReceiveForm parts={parts.data ?? []} />}
      {keeper && <AddPartForm />}
      {keeper && <AddWarehouseForm />}
    </Space>
  );
}

function Batches({ batches }: { batches: StockBatch[] }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text strong>{t('stock.batches')}</Typography.Text>
      {batches.map((b) => (
        <Typography.Text key={b.id}>
          {b.receivedOn} · {b.warehouseCode} · {t('stock.remaining')} {b.remaining}/{b.quantity} {b.unit}{' '}
          {b.stale && <Tag color="orange">{t('stock.stale')}</Tag>}
        </Typography.Text>
      ))}
    </Space>
  );
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: stockKeys.all });
}

function ReceiveForm({ parts }: { parts: StockPart[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const warehouses = useQuery({ queryKey: stockKeys.warehouses, queryFn: stockApi.warehouses });
  const receive = useMutation({
    mutationFn: (v: { partId: number; warehouseId: number; quantity: number; receivedOn?: Dayjs; unitCost?: number }) =>
      stockApi.receive({ ...v, receivedOn: v.receivedOn?.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success(t('stock.saved'));
      form.resetFields();
      void refresh();
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  const rule = [{ required: true, message: t('stock.required') }];
  return (
    <Card size="small" title={t('stock.receive')}>
      <Form form={form} layout="vertical" onFinish={(v) => receive.mutate(v)} data-testid="receive-form">
        <Form.Item name="partId" label={t('stock.partNumber')} rules={rule}>
          <Select
            showSearch
            optionFilterProp="label"
            options={parts.map((p) => ({ value: p.id, label: `${p.partNumber} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="warehouseId" label={t('stock.warehouse')} rules={rule}>
          <Select options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))} />
        </Form.Item>
        <Form.Item name="quantity" label={t('stock.quantity')} rules={rule}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('stock.receivedOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="unitCost" label={t('stock.unitCost')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={receive.isPending}>
          {t('stock.receive')}
        </Button>
      </Form>
    </Card>
  );
}

function AddPartForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: stockApi.addPart,
    onSuccess: () => {
      message.success(t('stock.saved'));
      form.resetFields();
      void refresh();
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  const rule = [{ required: true, message: t('stock.required') }];
  return (
    <Card size="small" title={t('stock.addPart')}>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="partNumber" label={t('stock.partNumber')} rules={rule}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="name" label={t('stock.name')} rules={rule}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="model" label={t('stock.model')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="unit" label={t('stock.unit')} rules={rule}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="alarmLevel" label={t('stock.alarmLevel')} rules={rule}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('stock.addPart')}
        </Button>
      </Form>
    </Card>
  );
}

function AddWarehouseForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: stockApi.addWarehouse,
    onSuccess: () => {
      message.success(t('stock.saved'));
      form.resetFields();
      void refresh();
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  const rule = [{ required: true, message: t('stock.required') }];
  return (
    <Card size="small" title={t('stock.addWarehouse')}>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="code" label={t('stock.code')} rules={rule}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="name" label={t('stock.name')} rules={rule}>
          <Input maxLength={200} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('stock.addWarehouse')}
        </Button>
      </Form>
    </Card>
  );
}

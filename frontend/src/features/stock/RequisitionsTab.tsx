import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { stockApi, stockKeys, type Requisition } from './api';

const STATUS_COLORS: Record<string, string> = { REQUESTED: 'gold', APPROVED: 'blue', REJECTED: 'red', ISSUED: 'green' };

/** Request parts (an engineer on a phone), approve or reject (supervisor), issue oldest batch first (keeper). */
export function RequisitionsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const approver = hasRole('SUPERVISOR');
  const keeper = hasRole('SUPERVISOR', 'ADMIN');
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: stockKeys.all });
  const list = useQuery({ queryKey: stockKeys.requisitions, queryFn: stockApi.requisitions });
  const [rejecting, setRejecting] = useState<Requisition | null>(null);
  const [reason, setReason] = useState('');

  const onError = (e: unknown) => message.error(describeError(e, t));
  const decide = useMutation({
    mutationFn: (v: { id: number; approved: boolean; reason?: string }) => stockApi.decide(v.id, v.approved, v.reason),
    onSuccess: () => {
      setRejecting(null);
      setReason('');
      void refresh();
    },
    onError,
  });
  const issue = useMutation({ mutationFn: stockApi.issue, onSuccess: () => void refresh(), onError });

  const columns: ColumnsType<Requisition> = [
    { key: 'part', title: t('stock.partNumber'), render: (_, r) => `${r.partNumber} ${r.partName}` },
    { key: 'quantity', title: t('stock.quantity'), render: (_, r) => `${r.quantity} ${r.unit}` },
    { key: 'warehouse', title: t('stock.warehouse'), dataIndex: 'warehouseCode' },
    { key: 'requestedBy', title: t('stock.requestedBy'), dataIndex: 'requestedBy' },
    { key: 'requestedAt', title: t('stock.requestedAt'), render: (_, r) => formatDateTime(r.requestedAt) },
    {
      key: 'purpose',
      title: t('stock.purpose'),
      render: (_, r) => [r.ticketId ? `#${r.ticketId}` : null, r.purpose].filter(Boolean).join(' '),
    },
    {
      key: 'status',
      title: t('stock.status'),
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[r.status]}>{t(`stock.requisitionStatus.${r.status}`)}</Tag>
          {r.rejectReason && <Typography.Text type="secondary">{r.rejectReason}</Typography.Text>}
          {r.issuedFrom.length > 0 && (
            <Typography.Text type="secondary">
              {t('stock.issuedFrom')}: {r.issuedFrom.map((b) => `${b.receivedOn} ×${b.quantity}`).join(', ')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: '',
      render: (_, r) => (
        <Space wrap>
          {approver && r.status === 'REQUESTED' && (
            <>
              <Button size="small" type="primary" onClick={() => decide.mutate({ id: r.id, approved: true })}>
                {t('stock.approve')}
              </Button>
              <Button size="small" danger onClick={() => setRejecting(r)}>
                {t('stock.reject')}
              </Button>
            </>
          )}
          {keeper && r.status === 'APPROVED' && (
            <Button size="small" type="primary" loading={issue.isPending} onClick={() => issue.mutate(r.id)}>
              {t('stock.issue')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <RequestForm />
      {list.error && <Alert type="error" showIcon message={describeError(list.error, t)} />}
      <ResponsiveTable<Requisition>
        data-testid="requisitions"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        cardTitle={(r) => `${r.partNumber} ${r.partName} ×${r.quantity}`}
        cardHidden={['part', 'quantity']}
      />
      <Modal
        open={rejecting != null}
        title={t('stock.rejectReason')}
        okText={t('stock.reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: decide.isPending }}
        onOk={() => rejecting && decide.mutate({ id: rejecting.id, approved: false, reason })}
        onCancel={() => setRejecting(null)}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} rows={3} />
      </Modal>
    </Space>
  );
}

function RequestForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const parts = useQuery({ queryKey: stockKeys.parts, queryFn: stockApi.parts });
  const warehouses = useQuery({ queryKey: stockKeys.warehouses, queryFn: stockApi.warehouses });
  const request = useMutation({
    mutationFn: stockApi.request,
    onSuccess: () => {
      message.success(t('stock.saved'));
      form.resetFields();
      void client.invalidateQueries({ queryKey: stockKeys.all });
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  const rule = [{ required: true, message: t('stock.required') }];
  return (
    <Card size="small" title={t('stock.request')}>
      <Form form={form} layout="vertical" onFinish={(v) => request.mutate(v)} data-testid="request-form">
        <Form.Item name="partId" label={t('stock.partNumber')} rules={rule}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(parts.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.partNumber} ${p.name} (${t('stock.onHand')} ${p.onHand} ${p.unit})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="warehouseId" label={t('stock.warehouse')} rules={rule}>
          <Select options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))} />
        </Form.Item>
        <Form.Item name="quantity" label={t('stock.quantity')} rules={rule}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="ticketId" label={t('stock.ticketId')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="purpose" label={t('stock.purpose')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={request.isPending}>
          {t('stock.request')}
        </Button>
      </Form>
    </Card>
  );
}

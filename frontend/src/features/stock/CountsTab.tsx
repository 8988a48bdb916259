import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { stockApi, stockKeys, type StockCountLine } from './api';

const COUNT_COLORS: Record<string, string> = { COUNTING: 'gold', SUBMITTED: 'blue', APPROVED: 'green' };

/** The monthly count: start one for a warehouse and month, enter the sheet, submit, and the supervisor's decision. */
export function CountsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState<number | null>(null);
  const counts = useQuery({ queryKey: stockKeys.counts, queryFn: stockApi.counts });
  const warehouses = useQuery({ queryKey: stockKeys.warehouses, queryFn: stockApi.warehouses });
  const start = useMutation({
    mutationFn: (v: { warehouseId: number; month: Dayjs }) =>
      stockApi.startCount(v.warehouseId, v.month.format('YYYY-MM')),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: stockKeys.counts });
      setOpen(created.id);
    },
    onError: (e) => message.error(describeError(e, t)),
  });

  if (open != null) return <CountSheet id={open} onBack={() => setOpen(null)} />;
  const rule = [{ required: true, message: t('stock.required') }];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('stock.startCount')}>
        <Form layout="vertical" onFinish={(v) => start.mutate(v)} initialValues={{ month: dayjs() }}>
          <Form.Item name="warehouseId" label={t('stock.warehouse')} rules={rule}>
            <Select options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))} />
          </Form.Item>
          <Form.Item name="month" label={t('stock.month')} rules={rule}>
            <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={start.isPending}>
            {t('stock.startCount')}
          </Button>
        </Form>
      </Card>
      {counts.error && <Alert type="error" showIcon message={describeError(counts.error, t)} />}
      <List
        data-testid="counts"
        bordered
        loading={counts.isLoading}
        locale={{ emptyText: t('stock.noCounts') }}
        dataSource={counts.data ?? []}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="open" size="small" onClick={() => setOpen(c.id)}>
                {t('stock.open')}
              </Button>,
            ]}
          >
            <Space wrap>
              <Typography.Text strong>{c.month}</Typography.Text>
              <span>{c.warehouseCode}</span>
              <Tag color={COUNT_COLORS[c.status]}>{t(`stock.countStatus.${c.status}`)}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}

type Entry = { counted?: number | null; reason?: string };

function CountSheet({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const approver = hasRole('SUPERVISOR');
  const client = useQueryClient();
  const count = useQuery({ queryKey: stockKeys.count(id), queryFn: () => stockApi.count(id) });
  const [entries, setEntries] = useState<Record<number, Entry>>({});
  const [recount, setRecount] = useState<string | null>(null);
  useEffect(() => {
    if (count.data) {
      setEntries(
        Object.fromEntries(count.data.lines.map((l) => [l.id, { counted: l.counted, reason: l.reason ?? '' }])),
      );
    }
  }, [count.data]);
  const refresh = () => client.invalidateQueries({ queryKey: stockKeys.all });
  const onError = (e: unknown) => message.error(describeError(e, t));
  const save = useMutation({
    mutationFn: () =>
      stockApi.enterCounts(
        id,
        Object.entries(entries).map(([lineId, e]) => ({
          lineId: Number(lineId),
          counted: e.counted ?? undefined,
          reason: e.reason,
        })),
      ),
    onSuccess: () => {
      message.success(t('stock.saved'));
      void refresh();
    },
    onError,
  });
  const submit = useMutation({
    mutationFn: async () => {
      await save.mutateAsync();
      await stockApi.submitCount(id);
    },
    onSuccess: () => void refresh(),
    onError,
  });
  const decide = useMutation({
    mutationFn: (v: { approved: boolean; reason?: string }) => stockApi.decideCount(id, v.approved, v.reason),
    onSuccess: () => {
      setRecount(null);
      void refresh();
    },
    onError,
  });

  const c = count.data;
  const editable = c?.status === 'COUNTING';
  const columns: ColumnsType<StockCountLine> = [
    { key: 'part', title: t('stock.partNumber'), render: (_, l) => `${l.partNumber} ${l.partName}` },
    { key: 'receivedOn', title: t('stock.receivedOn'), dataIndex: 'receivedOn' },
    { key: 'expected', title: t('stock.expected'), render: (_, l) => `${l.expected} ${l.unit}` },
    {
      key: 'counted',
      title: t('stock.counted'),
      render: (_, l) =>
        editable ? (
          <InputNumber
            min={0}
            precision={0}
            inputMode="numeric"
            value={entries[l.id]?.counted ?? null}
            onChange={(v) => setEntries((all) => ({ ...all, [l.id]: { ...all[l.id], counted: v } }))}
            data-testid={`counted-${l.id}`}
          />
        ) : (
          l.counted
        ),
    },
    {
      key: 'difference',
      title: t('stock.difference'),
      render: (_, l) => {
        const counted = editable ? entries[l.id]?.counted : l.counted;
        if (counted == null) return '';
        const d = counted - l.expected;
        return <Typography.Text type={d === 0 ? undefined : 'danger'}>{d > 0 ? `+${d}` : d}</Typography.Text>;
      },
    },
    {
      key: 'reason',
      title: t('stock.reason'),
      render: (_, l) =>
        editable ? (
          <Input
            value={entries[l.id]?.reason ?? ''}
            maxLength={1000}
            onChange={(e) => setEntries((all) => ({ ...all, [l.id]: { ...all[l.id], reason: e.target.value } }))}
          />
        ) : (
          l.reason
        ),
    },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={onBack}>{t('stock.back')}</Button>
        {c && (
          <>
            <Typography.Text strong>
              {c.month} · {c.warehouseCode}
            </Typography.Text>
            <Tag color={COUNT_COLORS[c.status]}>{t(`stock.countStatus.${c.status}`)}</Tag>
          </>
        )}
      </Space>
      {c?.rejectReason && c.status === 'COUNTING' && (
        <Alert type="warning" showIcon message={t('stock.sentBack', { reason: c.rejectReason })} />
      )}
      <ResponsiveTable<StockCountLine>
        data-testid="count-sheet"
        rowKey="id"
        loading={count.isLoading}
        dataSource={c?.lines ?? []}
        columns={columns}
        pagination={false}
        cardTitle={(l) => `${l.partNumber} ${l.partName}`}
        cardHidden={['part']}
      />
      <Space wrap>
        {editable && (
          <>
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('stock.saveCounts')}
            </Button>
            <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
              {t('stock.submit')}
            </Button>
          </>
        )}
        {approver && c?.status === 'SUBMITTED' && (
          <>
            <Button type="primary" onClick={() => decide.mutate({ approved: true })} loading={decide.isPending}>
              {t('stock.approve')}
            </Button>
            <Button danger onClick={() => setRecount('')}>
              {t('stock.recount')}
            </Button>
          </>
        )}
      </Space>
      <Modal
        open={recount != null}
        title={t('stock.recountReason')}
        okText={t('stock.recount')}
        okButtonProps={{ danger: true, disabled: !recount?.trim(), loading: decide.isPending }}
        onOk={() => decide.mutate({ approved: false, reason: recount ?? '' })}
        onCancel={() => setRecount(null)}
      >
        <Input.TextArea value={recount ?? ''} onChange={(e) => setRecount(e.target.value)} maxLength={1000} rows={3} />
      </Modal>
    </Space>
  );
}

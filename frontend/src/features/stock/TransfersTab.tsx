import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Form, Input, InputNumber, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { showable } from '../../api/readable';
import { useAuth } from '../../auth/AuthContext';
import { acceptLanguage } from '../../i18n';
import { ActionModal } from '../../shared/ActionModal';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useIsPhone } from '../../shared/useIsPhone';
import {
  STOCK_TRANSFER_LIMITS,
  STOCK_TRANSFER_STATUSES,
  STOCK_TRANSFERS_LISTED,
  stockApi,
  stockKeys,
  type NewStockTransfer,
  type StockTransferLine,
  type StockTransferStatus,
  type StockTransferView,
} from './api';

const STATUS_COLORS: Record<StockTransferStatus, string> = {
  IN_TRANSIT: 'processing',
  RECEIVED: 'green',
  CANCELLED: 'default',
};

/** A status in the reader's words (labels: transferStatus); a status this page does not know reads 其他, never as code. */
const statusLabel = (t: TFunction, status: string) =>
  t(`transferStatus.${status}`, { defaultValue: t('stock.transfers.unknownStatus') });

const money = (n: number) => `¥${n.toFixed(2)}`;

/** The server's own sentence when the reader can read it (a 409's detail), else ours. */
const serverSentence = (e: ApiError, fallback: string) =>
  showable(e.message, acceptLanguage() === 'zh-CN') && !/^HTTP \d+$/.test(e.message) ? e.message : fallback;

/** A 409 on receiving or withdrawing: the transfer moved on meanwhile; the problem's reason says which way. */
const movedOnSentence = (e: ApiError, t: TFunction) =>
  serverSentence(
    e,
    (e.problem as { reason?: string }).reason === 'transferCancelled'
      ? t('stock.transfers.alreadyWithdrawn')
      : t('stock.transfers.alreadyReceived'),
  );

type Filter = 'ALL' | StockTransferStatus;

/**
 * Transfers of spare parts between warehouses (调拨, FW-6): every stock reader sees them; the keepers ship (the parts
 * leave the source warehouse at once, oldest batch first, and are in transit) and confirm arrival at the target.
 */
export function TransfersTab() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const keeper = hasRole('SUPERVISOR', 'ADMIN');
  const phone = useIsPhone();
  const [filter, setFilter] = useState<Filter>('ALL');
  const [shipping, setShipping] = useState(false);
  const [receiving, setReceiving] = useState<StockTransferView | null>(null);
  const [withdrawing, setWithdrawing] = useState<StockTransferView | null>(null);
  const status = filter === 'ALL' ? undefined : filter;
  const list = useQuery({ queryKey: stockKeys.transfers(status), queryFn: () => stockApi.transfers(status) });
  const rows = list.data ?? [];

  // a desktop row keeps a number and a time on one line; a phone card lets them wrap (no sideways scroll)
  const oneLine = (text: ReactNode) => (phone ? text : <span style={{ whiteSpace: 'nowrap' }}>{text}</span>);
  const wrap = (text: ReactNode) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span>;
  const who = (name: string | null, username: string | null, at: string | null) => (
    <Space direction="vertical" size={0}>
      {wrap(name || username)}
      <Typography.Text type="secondary">{oneLine(formatDateTime(at))}</Typography.Text>
    </Space>
  );

  const columns: ColumnsType<StockTransferView> = [
    { key: 'number', title: t('stock.transfers.number'), render: (_, r) => oneLine(r.number) },
    { key: 'part', title: t('stock.transfers.part'), render: (_, r) => wrap(`${r.partNumber} ${r.partName}`) },
    {
      key: 'route',
      title: t('stock.transfers.route'),
      render: (_, r) => wrap(`${r.fromWarehouseName} → ${r.toWarehouseName}`),
    },
    { key: 'quantity', title: t('stock.transfers.quantity'), dataIndex: 'quantity' },
    {
      key: 'status',
      title: t('stock.transfers.status'),
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status] ?? 'default'} data-testid={`transfer-status-${r.id}`}>
          {statusLabel(t, r.status)}
        </Tag>
      ),
    },
    {
      key: 'shipped',
      title: t('stock.transfers.shippedBy'),
      render: (_, r) => who(r.shippedByName, r.shippedBy, r.shippedAt),
    },
    {
      key: 'received',
      title: t('stock.transfers.receivedBy'),
      render: (_, r) =>
        r.receivedAt ? (
          who(r.receivedByName, r.receivedBy, r.receivedAt)
        ) : r.status === 'CANCELLED' ? (
          <Space direction="vertical" size={0} data-testid={`transfer-withdrawn-${r.id}`}>
            <Typography.Text type="secondary">{t('stock.transfers.withdrawn')}</Typography.Text>
            {(r.cancelledByName || r.cancelledBy) && wrap(r.cancelledByName || r.cancelledBy)}
            {r.cancelledAt && (
              <Typography.Text type="secondary">{oneLine(formatDateTime(r.cancelledAt))}</Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('stock.transfers.notReceived')}</Typography.Text>
        ),
    },
    {
      key: 'note',
      title: t('stock.transfers.note'),
      render: (_, r) =>
        r.note || r.receiveNote || r.cancelReason ? (
          <Space direction="vertical" size={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.note && <span>{r.note}</span>}
            {r.receiveNote && (
              <Typography.Text type="secondary">
                {t('stock.transfers.receiveNoteShown', { note: r.receiveNote })}
              </Typography.Text>
            )}
            {r.cancelReason && (
              <Typography.Text type="secondary" data-testid={`transfer-cancel-reason-${r.id}`}>
                {t('stock.transfers.cancelReasonShown', { reason: r.cancelReason })}
              </Typography.Text>
            )}
          </Space>
        ) : null,
    },
    ...(keeper
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, r: StockTransferView) =>
              r.canReceive || r.canCancel ? (
                <Space size={8} wrap>
                  {r.canReceive && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={(e) => {
                        e.stopPropagation();
                        setReceiving(r);
                      }}
                      data-testid={`transfer-receive-${r.id}`}
                    >
                      {t('stock.transfers.receive')}
                    </Button>
                  )}
                  {r.canCancel && (
                    <Button
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        setWithdrawing(r);
                      }}
                      data-testid={`transfer-withdraw-${r.id}`}
                    >
                      {t('stock.transfers.withdraw')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="transfers">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('stock.transfers.intro')}
      </Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          aria-label={t('stock.transfers.filter')}
          options={[
            { value: 'ALL', label: t('stock.transfers.all') },
            ...STOCK_TRANSFER_STATUSES.map((s) => ({ value: s as Filter, label: statusLabel(t, s) })),
          ]}
          data-testid="transfer-filter"
        />
        {keeper && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setShipping(true)} data-testid="transfer-ship">
            {t('stock.transfers.ship')}
          </Button>
        )}
      </div>
      {list.error && <Alert type="error" showIcon message={describeError(list.error, t)} />}
      {rows.length >= STOCK_TRANSFERS_LISTED && (
        <Alert type="info" showIcon message={t('stock.transfers.tooMany', { max: STOCK_TRANSFERS_LISTED })} />
      )}
      <ResponsiveTable<StockTransferView>
        data-testid="transfer-list"
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <span data-testid="transfer-empty">
                  {filter !== 'ALL' ? (
                    t('stock.transfers.emptyFiltered')
                  ) : (
                    <>
                      <Typography.Text strong>{t('stock.transfers.empty')}</Typography.Text>
                      {keeper && (
                        <>
                          <br />
                          <Typography.Text type="secondary">{t('stock.transfers.emptyKeeper')}</Typography.Text>
                        </>
                      )}
                    </>
                  )}
                </span>
              }
            />
          ),
        }}
        onRow={(r) => ({ 'data-testid': `transfer-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        cardTitle={(r) => wrap(`${r.number} · ${r.partNumber} ${r.partName}`)}
        cardHidden={['number', 'part']}
        expandable={{
          rowExpandable: (r) => r.lines.length > 0,
          expandedRowRender: (r) => <Lines transfer={r} />,
        }}
      />
      {shipping && <ShipModal onClose={() => setShipping(false)} />}
      {receiving && <ReceiveModal transfer={receiving} onClose={() => setReceiving(null)} />}
      {withdrawing && <WithdrawModal transfer={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Space>
  );
}

/** The batches the transfer took from the source, oldest first: each keeps its received date at the target. */
function Lines({ transfer }: { transfer: StockTransferView }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={`transfer-lines-${transfer.id}`}>
      <Typography.Text strong>{t('stock.transfers.lines')}</Typography.Text>
      <ResponsiveTable<StockTransferLine>
        size="small"
        rowKey={(l, i) => `${l.receivedOn}-${i}`}
        dataSource={transfer.lines}
        pagination={false}
        style={{ maxWidth: 480 }}
        cardTitle={(l) => l.receivedOn}
        cardHidden={['receivedOn']}
        columns={[
          { key: 'receivedOn', title: t('stock.transfers.lineReceivedOn'), dataIndex: 'receivedOn' },
          { key: 'quantity', title: t('stock.transfers.lineQuantity'), dataIndex: 'quantity' },
          {
            key: 'unitCost',
            title: t('stock.transfers.lineUnitCost'),
            render: (_, l) => (l.unitCost == null ? t('stock.transfers.noUnitCost') : money(l.unitCost)),
          },
        ]}
      />
    </Space>
  );
}

interface ShipValues {
  partId?: number;
  fromWarehouseId?: number;
  toWarehouseId?: number;
  quantity?: number;
  note?: string;
}

const SHIP_FIELDS = new Set<string>(['partId', 'fromWarehouseId', 'toWarehouseId', 'quantity', 'note']);

/**
 * 新建调拨 in the shared ActionModal: part, source and target warehouse (the source cannot be chosen again as the
 * target), quantity and a note. The server's field errors go under their fields (one the form has no field for in the
 * line above the buttons), any other refusal (a 409: not enough stock at the source, in the server's words) there too;
 * after a 409 the parts' stock is read again.
 */
function ShipModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <ActionModal<ShipValues, StockTransferView>
      title={t('stock.transfers.shipTitle')}
      okText={t('stock.transfers.shipOk')}
      cancelText={t('stock.transfers.cancel')}
      testIds={{ modal: 'transfer-ship-modal', ok: 'transfer-ship-ok', error: 'transfer-ship-error' }}
      send={(v) =>
        stockApi.ship({
          partId: v.partId ?? null,
          fromWarehouseId: v.fromWarehouseId ?? null,
          toWarehouseId: v.toWarehouseId ?? null,
          quantity: v.quantity ?? null,
          note: v.note?.trim() || null,
        } satisfies NewStockTransfer)
      }
      onSent={() => void client.invalidateQueries({ queryKey: stockKeys.all })}
      done={(created) => t('stock.transfers.shippedMessage', { number: created.number })}
      onClose={onClose}
      // the stock at the source is not what the form showed: read it again
      onConflict={() => void client.invalidateQueries({ queryKey: stockKeys.parts })}
      fieldName={(field) => (SHIP_FIELDS.has(field) ? field : undefined)}
      describeError={(e) =>
        // only checks the form has no field for: each in its own words
        e instanceof ApiError && e.status === 400 && e.fieldErrors.length > 0
          ? e.fieldErrors.map((fe) => fe.message).join('；')
          : e instanceof ApiError && e.status === 409
            ? serverSentence(e, t('common.stateConflict'))
            : describeError(e, t)
      }
      onValuesChange={(changed, form) => {
        // the old target may now be the source
        if ('fromWarehouseId' in changed && form.getFieldValue('toWarehouseId') === changed.fromWarehouseId)
          form.setFieldValue('toWarehouseId', undefined);
      }}
    >
      <ShipFields />
    </ActionModal>
  );
}

/** The fields of 新建调拨; how much of the part the chosen source holds is shown under the quantity. */
function ShipFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ShipValues>();
  const parts = useQuery({ queryKey: stockKeys.parts, queryFn: stockApi.parts });
  const warehouses = useQuery({ queryKey: stockKeys.warehouses, queryFn: stockApi.warehouses });
  const partId = Form.useWatch('partId', form);
  const fromId = Form.useWatch('fromWarehouseId', form);
  const L = STOCK_TRANSFER_LIMITS;

  const part = (parts.data ?? []).find((p) => p.id === partId);
  const available =
    part && fromId != null
      ? part.batches.filter((b) => b.warehouseId === fromId).reduce((n, b) => n + b.remaining, 0)
      : null;
  const warehouseOptions = (disabledId?: number) =>
    (warehouses.data ?? []).map((w) => ({
      value: w.id,
      label: `${w.code} ${w.name}`,
      disabled: w.id === disabledId,
    }));
  const choose = (labelKey: string) => ({ required: true, message: t('validation.choose', { field: t(labelKey) }) });

  return (
    <>
      <Form.Item name="partId" label={t('stock.transfers.part')} rules={[choose('stock.transfers.part')]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={parts.isFetching}
          placeholder={t('stock.transfers.partPlaceholder')}
          options={(parts.data ?? []).map((p) => ({
            value: p.id,
            label: t('stock.transfers.partOption', {
              number: p.partNumber,
              name: p.name,
              onHand: p.onHand,
              unit: p.unit,
            }),
          }))}
          data-testid="transfer-part"
        />
      </Form.Item>
      <Form.Item name="fromWarehouseId" label={t('stock.transfers.from')} rules={[choose('stock.transfers.from')]}>
        <Select options={warehouseOptions()} loading={warehouses.isFetching} data-testid="transfer-from" />
      </Form.Item>
      <Form.Item
        name="toWarehouseId"
        label={t('stock.transfers.to')}
        dependencies={['fromWarehouseId']}
        rules={[
          choose('stock.transfers.to'),
          ({ getFieldValue }) => ({
            validator: (_, value?: number) =>
              value != null && value === getFieldValue('fromWarehouseId')
                ? Promise.reject(new Error(t('stock.transfers.sameWarehouse')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Select options={warehouseOptions(fromId)} loading={warehouses.isFetching} data-testid="transfer-to" />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={t('stock.transfers.quantity')}
        extra={
          available != null && part ? t('stock.transfers.available', { n: available, unit: part.unit }) : undefined
        }
        rules={[
          { required: true, message: t('validation.required', { field: t('stock.transfers.quantity') }) },
          {
            type: 'number',
            min: L.minQuantity,
            max: L.maxQuantity,
            message: t('stock.transfers.quantityRange', { min: L.minQuantity, max: L.maxQuantity }),
          },
        ]}
      >
        <InputNumber precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="transfer-quantity" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('stock.transfers.note')}
        rules={[
          {
            max: L.note,
            message: t('validation.maxLength', { field: t('stock.transfers.note'), max: L.note }),
          },
        ]}
      >
        <Input.TextArea
          rows={2}
          maxLength={L.note}
          showCount
          placeholder={t('stock.transfers.notePlaceholder')}
          data-testid="transfer-note"
        />
      </Form.Item>
    </>
  );
}

interface ReceiveValues {
  note?: string;
}

/**
 * 确认接收 in the shared ActionModal: the keeper at the target confirms the parts arrived, with an optional note. After a
 * 409 (someone received it first) the server's sentence is shown and the list is read again.
 */
function ReceiveModal({ transfer, onClose }: { transfer: StockTransferView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const max = STOCK_TRANSFER_LIMITS.note;
  return (
    <ActionModal<ReceiveValues, StockTransferView>
      title={t('stock.transfers.receiveTitle', { number: transfer.number })}
      okText={t('stock.transfers.receiveOk')}
      cancelText={t('stock.transfers.cancel')}
      testIds={{ modal: 'transfer-receive-modal', ok: 'transfer-receive-ok', error: 'transfer-receive-error' }}
      send={(v) => stockApi.receiveTransfer(transfer.id, { note: v.note?.trim() || null })}
      onSent={() => void client.invalidateQueries({ queryKey: stockKeys.all })}
      done={(view) => t('stock.transfers.receivedMessage', { number: view.number })}
      onClose={onClose}
      onConflict={() => void client.invalidateQueries({ queryKey: stockKeys.all })}
      fieldName={(field) => (field === 'note' ? 'note' : undefined)}
      describeError={(e) => (e instanceof ApiError && e.status === 409 ? movedOnSentence(e, t) : describeError(e, t))}
    >
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('stock.transfers.receiveHelp', {
          part: `${transfer.partNumber} ${transfer.partName}`,
          quantity: transfer.quantity,
          from: transfer.fromWarehouseName,
          to: transfer.toWarehouseName,
        })}
      </Typography.Paragraph>
      <Form.Item
        name="note"
        label={t('stock.transfers.receiveNote')}
        rules={[{ max, message: t('validation.maxLength', { field: t('stock.transfers.note'), max }) }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={max}
          showCount
          placeholder={t('stock.transfers.receiveNotePlaceholder')}
          data-testid="transfer-receive-note"
        />
      </Form.Item>
    </ActionModal>
  );
}

interface WithdrawValues {
  reason?: string;
}

/**
 * 撤回 in the shared ActionModal: a keeper withdraws a transfer still in transit (shipped by mistake, say); its parts go
 * back to the source warehouse with their received dates and costs. The reason is required. After a 409 (someone
 * received or withdrew it first) the server's sentence is shown and the list is read again.
 */
function WithdrawModal({ transfer, onClose }: { transfer: StockTransferView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const max = STOCK_TRANSFER_LIMITS.reason;
  const label = t('stock.transfers.withdrawReason');
  return (
    <ActionModal<WithdrawValues, StockTransferView>
      title={t('stock.transfers.withdrawTitle', { number: transfer.number })}
      okText={t('stock.transfers.withdrawOk')}
      cancelText={t('stock.transfers.cancel')}
      testIds={{ modal: 'transfer-withdraw-modal', ok: 'transfer-withdraw-ok', error: 'transfer-withdraw-error' }}
      send={(v) => stockApi.cancelTransfer(transfer.id, { reason: (v.reason ?? '').trim() })}
      onSent={() => void client.invalidateQueries({ queryKey: stockKeys.all })}
      done={(view) => t('stock.transfers.withdrawnMessage', { number: view.number, from: view.fromWarehouseName })}
      onClose={onClose}
      onConflict={() => void client.invalidateQueries({ queryKey: stockKeys.all })}
      fieldName={(field) => (field === 'reason' ? 'reason' : undefined)}
      describeError={(e) => (e instanceof ApiError && e.status === 409 ? movedOnSentence(e, t) : describeError(e, t))}
    >
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('stock.transfers.withdrawHelp', {
          part: `${transfer.partNumber} ${transfer.partName}`,
          quantity: transfer.quantity,
          from: transfer.fromWarehouseName,
        })}
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label={label}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: label }) },
          { max, message: t('validation.maxLength', { field: label, max }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={max}
          showCount
          placeholder={t('stock.transfers.withdrawReasonPlaceholder')}
          data-testid="transfer-withdraw-reason"
        />
      </Form.Item>
    </ActionModal>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { stockApi, stockKeys, type StaleStockWarning } from './api';

/**
 * The month-end written warnings about stale stock (FW-6; the contract's 每月终书面预警, to the purchasing supervisor
 * and the project's finance): one a month, written by the system on the month's last day; each as an Excel sheet.
 */
export function StaleWarningsTab() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const warnings = useQuery({ queryKey: stockKeys.staleWarnings, queryFn: stockApi.staleWarnings });
  const money = (n: number) => `¥${n.toFixed(2)}`;
  // "2026-11" → 2026年11月末
  const monthTitle = (w: StaleStockWarning) =>
    t('stock.staleWarnings.monthTitle', { year: w.month.slice(0, 4), month: Number(w.month.slice(5)) });
  const save = (w: StaleStockWarning) =>
    void stockApi.downloadStaleWarning(w).catch((e: unknown) => setError(describeError(e, t)));
  return (
    <div data-testid="stale-warnings">
      <Typography.Paragraph type="secondary">{t('stock.staleWarnings.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {warnings.error && <Alert type="error" showIcon message={describeError(warnings.error, t)} />}
      <Recipients />
      <ResponsiveTable<StaleStockWarning>
        rowKey="id"
        loading={warnings.isLoading}
        dataSource={warnings.data ?? []}
        pagination={false}
        locale={{ emptyText: t('stock.staleWarnings.empty') }}
        cardTitle={monthTitle}
        columns={[
          {
            key: 'month',
            title: t('stock.staleWarnings.month'),
            render: (_, w) => monthTitle(w),
          },
          {
            key: 'batches',
            title: t('stock.staleWarnings.batches'),
            render: (_, w) => t('stock.staleWarnings.batchesValue', { batches: w.batchCount, quantity: w.quantity }),
          },
          { key: 'cost', title: t('stock.staleWarnings.cost'), render: (_, w) => money(w.totalCost) },
          {
            key: 'writtenAt',
            title: t('stock.staleWarnings.writtenAt'),
            render: (_, w) => formatDateTime(w.writtenAt),
          },
          {
            key: 'file',
            title: t('stock.staleWarnings.file'),
            render: (_, w) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => save(w)}
                data-testid={`stale-warning-download-${w.month}`}
              >
                {t('stock.staleWarnings.download')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}

/** Who also gets each warning by mail with its sheet: the project's finance (财务科), which has no account here. */
function Recipients() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const current = useQuery({ queryKey: stockKeys.staleWarningRecipients, queryFn: stockApi.staleWarningRecipients });
  const [addresses, setAddresses] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (current.data) setAddresses(current.data.recipients);
  }, [current.data]);
  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await stockApi.setStaleWarningRecipients(addresses);
      await client.invalidateQueries({ queryKey: stockKeys.staleWarningRecipients });
      message.success(t('stock.staleWarnings.recipientsSaved'));
    } catch (e) {
      setProblem(describeError(e, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={{ marginBottom: 16 }} data-testid="stale-warning-recipients">
      <Typography.Text strong>{t('stock.staleWarnings.recipients')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('stock.staleWarnings.recipientsHint')}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Select
          mode="tags"
          value={addresses}
          onChange={setAddresses}
          tokenSeparators={[',', ';', ' ']}
          open={false}
          placeholder="finance@example.com"
          style={{ flex: 1, minWidth: 0 }}
          data-testid="stale-warning-recipients-input"
        />
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="stale-warning-recipients-save">
          {t('stock.staleWarnings.recipientsSave')}
        </Button>
      </Space.Compact>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 8 }} />}
    </div>
  );
}

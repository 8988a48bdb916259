import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
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

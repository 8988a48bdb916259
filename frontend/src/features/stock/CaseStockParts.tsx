import { Alert, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { stockApi, stockKeys } from './api';

/**
 * The parts a case took from stock (FW-5, ADR 0028), on the staff case page: whether the owner approved the case's
 * parts (the keeper cannot issue before), each requisition for the case with its status, and, once issued, the
 * batches it came from (received date and quantity, oldest first). Nothing when the case has no requisition.
 */
export function CaseStockParts({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: stockKeys.caseParts(ticketId), queryFn: () => stockApi.caseParts(ticketId) });
  if (!data?.requisitions?.length) return null;
  return (
    <div data-testid="case-stock-parts">
      <Typography.Text strong>{t('caseParts.title')}</Typography.Text>
      {!data.ownerApproved && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '4px 0' }}
          data-testid="case-stock-parts-waiting"
          message={t('caseParts.waitingForOwner')}
        />
      )}
      <ul style={{ paddingLeft: 20, margin: '4px 0' }}>
        {data.requisitions.map((r) => (
          <li key={r.id} style={{ wordBreak: 'break-word' }} data-testid="case-stock-part">
            <Space wrap size={4}>
              <span>
                {t('caseParts.line', { part: `${r.partName}（${r.partNumber}）`, quantity: r.quantity, unit: r.unit })}
              </span>
              <Tag>{t(`stock.requisitionStatus.${r.status}`, { defaultValue: '' })}</Tag>
            </Space>
            {r.issuedFrom.length > 0 && (
              <div data-testid="case-stock-part-batches">
                <Typography.Text type="secondary">
                  {t('caseParts.issued', { at: formatDateTime(r.issuedAt), warehouse: r.warehouseCode })}
                  {r.issuedFrom
                    .map((b) => t('caseParts.batch', { id: b.batchId, date: b.receivedOn, quantity: b.quantity }))
                    .join('；')}
                </Typography.Text>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

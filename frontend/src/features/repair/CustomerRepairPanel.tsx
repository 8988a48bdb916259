import { Alert, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { warrantyApi, warrantyKeys, type WarrantyView } from '../warranty';
import { daysLeft, repairApi, repairKeys, type RepairSlip } from './api';

const yuan = (n: number | null | undefined) => `¥${Number(n ?? 0).toFixed(2)}`;

/**
 * The portal's repair panel (RR-1..RR-5, WA-1): what the customer's user wants to know while their device is away —
 * where it is (vendor, slip number, sent, due back, late or not), whether a loaner keeps their service running, the
 * progress reports written so far, and whether this repair is free (warranty, repeat repair) or charged. Read only;
 * the server already leaves out the engineer's notes and staff names for a customer. Nothing when the case never
 * went to a vendor.
 */
export function CustomerRepairPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const repair = useQuery({ queryKey: repairKeys.one(ticketId), queryFn: () => repairApi.get(ticketId) });
  // same key as the warranty panel beside it: one request for both
  const warranty = useQuery({ queryKey: warrantyKeys.one(ticketId), queryFn: () => warrantyApi.get(ticketId) });
  const slips = repair.data?.slips ?? [];
  if (slips.length === 0) return null;
  return (
    <Card title={t('portalRepair.title')} data-testid="portal-repair-panel">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {[...slips].reverse().map((s) => (
          <SlipState key={s.id} slip={s} />
        ))}
        {warranty.data && <Charge view={warranty.data} />}
      </Space>
    </Card>
  );
}

function Headline({ slip }: { slip: RepairSlip }) {
  const { t } = useTranslation();
  if (slip.returnedAt) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="portal-repair-status"
        data-state="RETURNED"
        message={t('portalRepair.returned', {
          at: formatDateTime(slip.returnedAt),
          outcome: t(`repairOutcome.${slip.outcome}`, { defaultValue: '' }),
        })}
      />
    );
  }
  if (slip.overdue) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="portal-repair-status"
        data-state="OVERDUE"
        message={t('portalRepair.overdue', {
          vendor: slip.vendorName,
          days: Math.max(1, -daysLeft(slip.expectedReturnAt)),
        })}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="portal-repair-status"
      data-state="AWAY"
      message={t('portalRepair.away', { vendor: slip.vendorName, days: Math.max(0, daysLeft(slip.expectedReturnAt)) })}
    />
  );
}

function LoanerState({ slip }: { slip: RepairSlip }) {
  const { t } = useTranslation();
  if (!slip.loaner) {
    return <span data-testid="portal-repair-loaner">{t('portalRepair.noLoaner')}</span>;
  }
  const unit = [slip.loaner.model, slip.loaner.serial].filter(Boolean).join(' · ');
  return slip.loanerCollectedAt ? (
    <span data-testid="portal-repair-loaner">{t('portalRepair.loanerCollected', { unit })}</span>
  ) : (
    <span data-testid="portal-repair-loaner">
      <Tag color="green">{t('portalRepair.loanerOnSite')}</Tag>
      {t('portalRepair.loanerUnit', { unit, at: formatDateTime(slip.loanerInstalledAt) })}
    </span>
  );
}

function SlipState({ slip }: { slip: RepairSlip }) {
  const { t } = useTranslation();
  return (
    <div data-testid="portal-repair-slip" data-slip-number={slip.slipNumber}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Headline slip={slip} />
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          <Descriptions.Item label={t('repair.vendor')}>
            <span data-testid="portal-repair-vendor">{slip.vendorName}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('repair.slipNumber')}>
            <span data-testid="portal-repair-slip-number">{slip.slipNumber}</span>
          </Descriptions.Item>
          {slip.deviceName && (
            <Descriptions.Item label={t('repair.device')}>
              {[slip.deviceName, slip.deviceModel].filter(Boolean).join(' · ')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('repair.sentAt')}>
            <span data-testid="portal-repair-sent-at">{formatDateTime(slip.sentAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('repair.expectedReturn')}>
            <span data-testid="portal-repair-due">{formatDateTime(slip.expectedReturnAt)}</span>{' '}
            {slip.overdue ? (
              <Tag color="red" data-testid="portal-repair-overdue">
                {t('portalRepair.late')}
              </Tag>
            ) : (
              <Tag color="blue">{t('portalRepair.onTime')}</Tag>
            )}
          </Descriptions.Item>
          {slip.returnedAt && (
            <Descriptions.Item label={t('repair.returnedAt')}>{formatDateTime(slip.returnedAt)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('repair.loaner')}>
            <LoanerState slip={slip} />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text strong>{t('repair.progressReports')}</Typography.Text>
        {slip.progressReports.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portalRepair.noReports')} />
        ) : (
          <List
            size="small"
            dataSource={[...slip.progressReports].reverse()}
            data-testid="portal-repair-reports"
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{formatDateTime(r.writtenAt)}</Typography.Text>
                  <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.body}</span>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </div>
  );
}

/** Free (warranty or repeat repair) or charged: the same words as the warranty panel. */
function Charge({ view }: { view: WarrantyView }) {
  const { t } = useTranslation();
  let text: string;
  if (!view.assessed) text = t('warranty.notAssessed');
  else if (view.cost.freeOfCharge) text = t(`warranty.free.${view.cost.freeReason ?? 'WARRANTY'}`);
  else text = t('warranty.charged', { total: yuan(view.cost.total) });
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('portalRepair.charge')}>
        <span data-testid="portal-repair-charge" data-free={String(view.assessed && view.cost.freeOfCharge)}>
          {text}
        </span>
        {view.repeatOfNumber && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="portal-repair-repeat">
            {t('portalRepair.repeatOf', { number: view.repeatOfNumber })}
          </Typography.Paragraph>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

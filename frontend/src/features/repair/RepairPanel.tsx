import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { daysLeft, repairApi, repairKeys, type RepairSlip } from './api';

/**
 * The staff ticket page's repair panel (RR-1..RR-4): each slip with its vendor's deadline (days left or overdue),
 * the progress reports, and the loaner: install one from the pool while the device is away, collect it once back.
 * Shows nothing for a case that never went to a vendor.
 */
export function RepairPanel({ ticketId, onChanged }: { ticketId: string | number; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: repairKeys.one(ticketId), queryFn: () => repairApi.get(ticketId) });
  const slips = data?.slips ?? [];
  if (slips.length === 0) return null;
  return (
    <Card
      title={t('repair.panelTitle')}
      data-testid="repair-panel"
      extra={
        <Link to={`/tickets/${ticketId}/repair-slip`} data-testid="repair-slip-link">
          <PrinterOutlined /> {t('repair.slipTitle')}
        </Link>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {slips.map((s) => (
          <SlipCard key={s.id} slip={s} ticketId={ticketId} onChanged={onChanged} />
        ))}
      </Space>
    </Card>
  );
}

function Deadline({ slip }: { slip: RepairSlip }) {
  const { t } = useTranslation();
  if (slip.returnedAt) {
    return (
      <Tag color={slip.overdue ? 'orange' : 'green'} data-testid="repair-returned">
        {t(`repairOutcome.${slip.outcome}`, { defaultValue: slip.outcome })}
      </Tag>
    );
  }
  const days = daysLeft(slip.expectedReturnAt);
  return slip.overdue ? (
    <Tag color="red" data-testid="repair-deadline" data-overdue="true">
      {t('repair.overdueDays', { days: Math.max(1, -days) })}
    </Tag>
  ) : (
    <Tag color="blue" data-testid="repair-deadline" data-overdue="false">
      {t('repair.daysLeft', { days })}
    </Tag>
  );
}

function SlipCard({
  slip,
  ticketId,
  onChanged,
}: {
  slip: RepairSlip;
  ticketId: string | number;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [loanerId, setLoanerId] = useState<number | undefined>();
  const away = !slip.returnedAt;
  const onSite = slip.loaner && !slip.loanerCollectedAt;
  const pool = useQuery({ queryKey: repairKeys.loaners, queryFn: repairApi.loaners, enabled: away && !onSite });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: repairKeys.one(ticketId) });
    await queryClient.invalidateQueries({ queryKey: repairKeys.loaners });
    onChanged?.();
  };
  const install = useMutation({
    mutationFn: (id: number) => repairApi.install(ticketId, id),
    onSuccess: async () => {
      void message.success(t('repair.installed'));
      setLoanerId(undefined);
      await refresh();
    },
    onError: (e) => void message.error(describeError(e, t)),
  });
  const collect = useMutation({
    mutationFn: () => repairApi.collect(ticketId),
    onSuccess: async () => {
      void message.success(t('repair.collected'));
      await refresh();
    },
    onError: (e) => void message.error(describeError(e, t)),
  });
  const available = (pool.data ?? []).filter((l) => l.status === 'AVAILABLE');
  return (
    <div data-testid="repair-slip-card">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('repair.slipNumber')}>
          <span data-testid="repair-slip-number">{slip.slipNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('repair.vendor')}>{slip.vendorName}</Descriptions.Item>
        <Descriptions.Item label={t('repair.sentAt')}>{formatDateTime(slip.sentAt)}</Descriptions.Item>
        <Descriptions.Item label={t('repair.expectedReturn')}>
          <Space wrap>
            {formatDateTime(slip.expectedReturnAt)}
            <Deadline slip={slip} />
          </Space>
        </Descriptions.Item>
        {slip.returnedAt && (
          <Descriptions.Item label={t('repair.returnedAt')}>{formatDateTime(slip.returnedAt)}</Descriptions.Item>
        )}
        {slip.vendorReport && (
          <Descriptions.Item label={t('repair.vendorReport')}>{slip.vendorReport}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('repair.loaner')}>
          {slip.loaner ? (
            <span data-testid="repair-loaner">
              {slip.loaner.model} · {slip.loaner.serial}{' '}
              {slip.loanerCollectedAt ? (
                <Tag>{t('repair.loanerCollected')}</Tag>
              ) : (
                <Tag color="green">{t('repair.loanerOnSite')}</Tag>
              )}
            </span>
          ) : (
            t('repair.noLoaner')
          )}
        </Descriptions.Item>
      </Descriptions>
      {away && !onSite && (
        <Space wrap style={{ marginTop: 12 }}>
          <Select
            style={{ minWidth: 240, maxWidth: '100%' }}
            placeholder={t('repair.pickLoaner')}
            value={loanerId}
            onChange={setLoanerId}
            data-testid="repair-loaner-select"
            options={available.map((l) => ({ value: l.id, label: `${l.model} · ${l.serial} · ${l.keptAt ?? ''}` }))}
            notFoundContent={t('repair.poolEmpty')}
          />
          <Button
            type="primary"
            disabled={loanerId === undefined}
            loading={install.isPending}
            onClick={() => loanerId !== undefined && install.mutate(loanerId)}
            data-testid="repair-install-loaner"
          >
            {t('repair.installLoaner')}
          </Button>
        </Space>
      )}
      {!away && onSite && (
        <Button
          style={{ marginTop: 12 }}
          loading={collect.isPending}
          onClick={() => collect.mutate()}
          data-testid="repair-collect-loaner"
        >
          {t('repair.collectLoaner')}
        </Button>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('repair.progressReports')}
      </Typography.Title>
      {slip.progressReports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('repair.noReports')} />
      ) : (
        <List
          size="small"
          dataSource={slip.progressReports}
          data-testid="repair-progress-reports"
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {formatDateTime(r.writtenAt)} {r.writtenBy ?? ''}
                </Typography.Text>
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.body}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

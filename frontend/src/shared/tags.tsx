import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<string, string> = {
  NEW: 'default',
  AT_DESK: 'blue',
  AWAITING_DISPATCH: 'gold',
  DISPATCHED: 'cyan',
  IN_PROGRESS: 'processing',
  THIRD_PARTY: 'purple',
  AWAITING_VENDOR: 'purple',
  VERIFYING: 'geekblue',
  AWAITING_CALLBACK: 'lime',
  CLOSED: 'green',
};

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const LEVEL_COLORS: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'blue' };

export function LevelTag({ level, testId }: { level: number | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (level == null) return <Tag data-testid={testId}>{t('level.none')}</Tag>;
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={testId} data-level={level}>
      {t('level.value', { level })}
    </Tag>
  );
}

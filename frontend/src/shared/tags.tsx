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

/** Fault level; tickets send a number, the SLA board a level code such as "2" (with its name as a tooltip). */
export function LevelTag({
  level,
  name,
  testId,
}: {
  level: number | string | null | undefined;
  name?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (level == null || level === '') return <Tag data-testid={testId}>{t('level.none')}</Tag>;
  return (
    <Tag color={LEVEL_COLORS[Number(level)]} data-testid={testId} data-level={level} title={name ?? undefined}>
      {t('level.value', { level })}
    </Tag>
  );
}

import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';

/** One rung a late report or survey reached (ADR 0050): when, the roles told in the app and the people told by name. */
export interface LadderRung {
  rung: number;
  reachedAt: string;
  roles: string[];
  people: string[];
}

/**
 * The escalation history of late work that is not a case: one line per rung, lowest first ("第1级 · 2026-11-07 07:30 ·
 * 已通知：服务台、主管、张三"). Nothing when it never went late.
 */
export function LateLadder({ ladder, testId }: { ladder?: LadderRung[] | null; testId?: string }) {
  const { t } = useTranslation();
  if (!ladder || ladder.length === 0) return null;
  return (
    <div data-testid={testId ?? 'late-ladder'} style={{ marginTop: 4 }}>
      {ladder.map((r) => (
        <Typography.Text
          key={r.rung}
          type={r.rung > 1 ? 'danger' : 'warning'}
          style={{ display: 'block', fontSize: 12 }}
        >
          {t('lateLadder.rung', {
            rung: r.rung,
            at: formatDateTime(r.reachedAt),
            told: [...r.roles.map((role) => t(`role.${role}`)), ...r.people].join(t('lateLadder.separator')),
          })}
        </Typography.Text>
      ))}
    </div>
  );
}

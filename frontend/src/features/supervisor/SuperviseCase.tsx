import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasRole } from '../../auth/AuthContext';
import type { SuperviseAction } from './api';
import { SuperviseDialog } from './SuperviseDialog';

/** Levels offered to raise to when the case's scheme is not known here (the demo scheme has three, 1 most severe). */
const DEFAULT_LEVELS = ['1', '2', '3'];

/** The supervisor's actions on the case page (issue 15): reassign, nudge, raise the level; supervisors and admins only. */
export function SuperviseCase({
  ticket,
  onChanged,
}: {
  ticket: { id: number; number: string; level?: string | number | null; status: string };
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const canAct = useHasRole('SUPERVISOR', 'ADMIN');
  const [acting, setActing] = useState<SuperviseAction | null>(null);
  if (!canAct || ticket.status === 'CLOSED') return null;
  const current = ticket.level == null ? null : String(ticket.level);
  const levels = DEFAULT_LEVELS.filter((l) => !current || l.localeCompare(current, undefined, { numeric: true }) < 0);
  return (
    <Card size="small" title={t('supervise.title')} data-testid="supervise-case">
      <Space wrap>
        <Button onClick={() => setActing('REASSIGN')} data-testid="supervise-case-REASSIGN">
          {t('supervise.reassign')}
        </Button>
        <Button onClick={() => setActing('NUDGE')} data-testid="supervise-case-NUDGE">
          {t('supervise.nudge')}
        </Button>
        <Button
          onClick={() => setActing('RAISE_LEVEL')}
          disabled={levels.length === 0}
          data-testid="supervise-case-RAISE_LEVEL"
        >
          {t('supervise.raiseLevel')}
        </Button>
      </Space>
      {acting && (
        <SuperviseDialog
          action={acting}
          targets={[{ ticketId: ticket.id, number: ticket.number, level: current }]}
          levels={levels}
          onDone={onChanged}
          onClose={() => setActing(null)}
        />
      )}
    </Card>
  );
}

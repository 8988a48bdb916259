import { ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Task } from '../../api/types';
import { LevelTag, StatusTag } from '../../shared/tags';
import { formatSpan, levelName, useMonotonicNow } from '../sla';
import { useSignedInUser } from '../../auth/AuthContext';
import { taskName } from './formFields';

/** Seconds until the deadline (negative: overdue by), measured now; null without a deadline. */
export function secondsLeft(deadline: string | null | undefined, nowMillis: number): number | null {
  if (!deadline) return null;
  const due = Date.parse(deadline);
  return Number.isNaN(due) ? null : Math.floor((due - nowMillis) / 1000);
}

/** The next deadline counting down, red once it has passed. */
export function DeadlineCountdown({ deadline }: { deadline: string | null | undefined }) {
  const { t } = useTranslation();
  useMonotonicNow(1000); // re-render every second
  const left = secondsLeft(deadline, Date.now());
  if (left === null) {
    return (
      <Typography.Text type="secondary" data-testid="job-deadline" data-overdue="false">
        {t('phone.noDeadline')}
      </Typography.Text>
    );
  }
  const overdue = left < 0;
  return (
    <span className={`countdown${overdue ? ' overdue' : ''}`} data-testid="job-deadline" data-overdue={overdue}>
      <ClockCircleOutlined />{' '}
      {overdue ? t('phone.overdueBy', { time: formatSpan(left, t) }) : t('phone.dueIn', { time: formatSpan(left, t) })}
    </span>
  );
}

/**
 * One job of the inbox on a phone: the ticket number and title, the site and its address, the level, the task's
 * name and the next deadline counting down; "claim" and "open" as thumb-sized buttons.
 */
export function JobCard({
  task,
  holder,
  onClaim,
  onOpen,
}: {
  task: Task;
  /** the holder's name as people know them (工程师 7), when the task is held */
  holder?: string | null;
  onClaim?: (task: Task) => void;
  onOpen: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  return (
    <Card
      size="small"
      className="job-card"
      data-testid="task-row"
      data-task-key={task.key}
      data-ticket-number={task.ticketNumber}
      title={
        <Link to={`/tickets/${task.ticketId}`} data-testid="task-ticket-link">
          {task.ticketNumber}
        </Link>
      }
      extra={<DeadlineCountdown deadline={task.nextDeadline} />}
    >
      <Typography.Text strong className="job-card-line" data-testid="job-title">
        {task.ticketTitle}
      </Typography.Text>
      {task.siteName && (
        <div className="job-card-line" data-testid="job-site">
          <EnvironmentOutlined /> {task.siteName}
          {task.siteAddress && <Typography.Text type="secondary"> · {task.siteAddress}</Typography.Text>}
        </div>
      )}
      <Space size={4} wrap className="job-card-line">
        <Tag color="blue" data-testid="job-task">
          {taskName(t, task)}
        </Tag>
        {task.levelCode && (
          <LevelTag
            level={task.levelCode}
            name={levelName(t, task.policyCode, task.levelCode, task.levelName)}
            testId="job-level"
          />
        )}
        {task.ticketStatus && <StatusTag status={task.ticketStatus} />}
        {task.assignee ? (
          <Typography.Text type="secondary" data-testid="job-holder">
            {task.assignee === me ? t('tasks.heldByMe') : t('detail.heldBy', { who: holder ?? task.assignee })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.unassigned')}</Typography.Text>
        )}
      </Space>
      <div className="job-card-actions">
        {!task.assignee && onClaim && (
          <Button onClick={() => onClaim(task)} data-testid="task-claim">
            {t('tasks.claim')}
          </Button>
        )}
        <Button type="primary" onClick={() => onOpen(task)} data-testid="task-open">
          {t('tasks.open')}
        </Button>
      </div>
    </Card>
  );
}

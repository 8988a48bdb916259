import { useQuery, type QueryKey } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { Link } from 'react-router-dom';

interface LateCountNoticeProps {
  queryKey: QueryKey;
  fetchCount: () => Promise<{ overdue: number }>;
  /** data-testid prefix: `<prefix>-none` for the quiet line, `<prefix>-overdue` for the warning */
  testId: string;
  noneText: string;
  lateText: (count: number) => string;
  /** the list filtered to what is late */
  to: string;
}

/**
 * One line on the supervisor board about work past its due time that is not a case (late reports, late surveys;
 * ADR 0050): a quiet line when none is late, else a warning linking to the list filtered to 逾期.
 */
export function LateCountNotice({ queryKey, fetchCount, testId, noneText, lateText, to }: LateCountNoticeProps) {
  const count = useQuery({ queryKey, queryFn: fetchCount, refetchInterval: 60_000 });
  if (count.data == null) return null;
  const overdue = count.data.overdue;
  if (overdue === 0) {
    return (
      <Typography.Text type="secondary" data-testid={`${testId}-none`} style={{ display: 'block', marginBottom: 8 }}>
        {noneText}
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={`${testId}-overdue`}
      message={<Link to={to}>{lateText(overdue)}</Link>}
    />
  );
}

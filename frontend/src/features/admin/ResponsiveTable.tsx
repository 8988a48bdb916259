import { Card, Empty, Grid, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
}

interface Props<T> {
  rows: T[] | undefined;
  rowKey: (row: T) => string | number;
  columns: Column<T>[];
  /** Buttons for a row: the last table column, the foot of a card. */
  actions?: (row: T) => ReactNode;
  actionsTitle?: ReactNode;
  loading?: boolean;
  empty: ReactNode;
  testId: string;
  onSelect?: (row: T) => void;
  selectedKey?: string | number;
}

/** A table on wide screens; on a phone a stack of cards (label: value), so nothing scrolls sideways at 390 px. */
export function ResponsiveTable<T extends object>(props: Props<T>) {
  const { rows, rowKey, columns, actions, actionsTitle, loading, empty, testId, onSelect, selectedKey } = props;
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;

  if (narrow) {
    if (!loading && (rows ?? []).length === 0) return <Empty description={empty} data-testid={`${testId}-empty`} />;
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
        {(rows ?? []).map((row) => (
          <Card
            key={rowKey(row)}
            size="small"
            data-testid={`${testId}-row`}
            onClick={onSelect ? () => onSelect(row) : undefined}
            className={selectedKey === rowKey(row) ? 'admin-card admin-card-selected' : 'admin-card'}
          >
            {columns.map((c) => (
              <div key={c.key} className="admin-card-line">
                <Typography.Text type="secondary">{c.title}：</Typography.Text>
                <span>{c.render(row)}</span>
              </div>
            ))}
            {actions && <div className="admin-card-actions">{actions(row)}</div>}
          </Card>
        ))}
      </Space>
    );
  }

  return (
    <Table<T>
      data-testid={testId}
      rowKey={(row) => String(rowKey(row))}
      loading={loading}
      dataSource={rows ?? []}
      pagination={false}
      size="middle"
      locale={{ emptyText: <Empty description={empty} data-testid={`${testId}-empty`} /> }}
      rowClassName={(row) =>
        selectedKey === rowKey(row) ? 'ant-table-row-selected clickable-row' : onSelect ? 'clickable-row' : ''
      }
      onRow={(row) =>
        ({ onClick: onSelect ? () => onSelect(row) : undefined, 'data-testid': `${testId}-row` }) as never
      }
      columns={[
        ...columns.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, row: T) => c.render(row) })),
        ...(actions ? [{ key: 'actions', title: actionsTitle, render: (_: unknown, row: T) => actions(row) }] : []),
      ]}
    />
  );
}

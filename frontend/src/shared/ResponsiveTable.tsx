import { Card, Checkbox, Empty, Pagination, Space, Spin, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { HTMLAttributes, Key, ReactNode } from 'react';
import { useIsPhone } from './useIsPhone';

export type ResponsiveTableProps<T> = TableProps<T> & {
  /** The card's heading on a phone (e.g. the ticket number and title); the columns follow as "label: value". */
  cardTitle?: (row: T) => ReactNode;
  /** Columns (by key or dataIndex) left off the phone card, e.g. ones the title already shows. */
  cardHidden?: string[];
};

function columnKey<T>(c: ColumnType<T>, i: number): string {
  if (c.key != null) return String(c.key);
  if (Array.isArray(c.dataIndex)) return c.dataIndex.join('.');
  if (c.dataIndex != null) return String(c.dataIndex as string | number);
  return String(i);
}

function cellValue<T>(c: ColumnType<T>, row: T): unknown {
  if (c.dataIndex == null) return undefined;
  const path = Array.isArray(c.dataIndex) ? c.dataIndex : [c.dataIndex];
  let value: unknown = row;
  for (const part of path) value = (value as Record<string, unknown> | null | undefined)?.[part as string];
  return value;
}

/**
 * An antd table on wide screens; on a phone the same rows as a stack of cards (the columns as "label: value"
 * lines that wrap), so no list collapses into one letter per line and nothing scrolls sideways at 390 px.
 * Takes the table's own props: a page switches by changing `Table` to `ResponsiveTable`. Row attributes and
 * clicks from `onRow` (data-testid, onClick) and `rowClassName` go onto the card too; an expandable row's content
 * sits at the card's foot; with `rowSelection` each card has a checkbox before its title (with the props of
 * `getCheckboxProps`).
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const { cardTitle, cardHidden, ...tableProps } = props;
  const phone = useIsPhone();
  if (!phone) return <Table<T> {...tableProps} />;

  const { dataSource, columns, rowKey, onRow, loading, locale, pagination, rowClassName, expandable, rowSelection } =
    tableProps;
  const rows = [...(dataSource ?? [])];
  const visible = ((columns ?? []) as ColumnType<T>[]).filter(
    (c, i) => !c.hidden && !(cardHidden ?? []).includes(columnKey(c, i)),
  );
  const keyOf = (row: T, i: number): string =>
    typeof rowKey === 'function'
      ? String(rowKey(row, i))
      : String((row as Record<string, unknown>)[(rowKey as string | undefined) ?? 'key'] ?? i);
  const testId = (tableProps as Record<string, unknown>)['data-testid'] as string | undefined;
  const busy = typeof loading === 'object' ? !!loading.spinning : !!loading;
  const selectedKeys = (rowSelection?.selectedRowKeys ?? []).map(String);
  const toggle = (row: T, i: number, checked: boolean) => {
    const key = keyOf(row, i);
    const next = checked ? [...selectedKeys, key] : selectedKeys.filter((k) => k !== key);
    const nextRows = rows.filter((r, ri) => next.includes(keyOf(r, ri)));
    const rawKey = (r: T): Key =>
      typeof rowKey === 'function'
        ? rowKey(r, rows.indexOf(r))
        : ((r as Record<string, unknown>)[(rowKey as string | undefined) ?? 'key'] as Key);
    rowSelection?.onChange?.(nextRows.map(rawKey), nextRows, { type: 'single' });
  };

  return (
    <Spin spinning={busy}>
      <Space direction="vertical" size={8} className="card-list" data-testid={testId} data-layout="cards">
        {rows.length === 0 &&
          !busy &&
          ((locale?.emptyText as ReactNode) ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)}
        {rows.map((row, i) => {
          const attrs = (onRow?.(row, i) ?? {}) as HTMLAttributes<HTMLElement>;
          const rowClass = typeof rowClassName === 'function' ? rowClassName(row, i, 0) : (rowClassName ?? '');
          // what the table shows when a row is expanded sits at the foot of the card
          const more =
            expandable?.expandedRowRender && (expandable.rowExpandable?.(row) ?? true)
              ? expandable.expandedRowRender(row, i, 0, true)
              : null;
          return (
            <Card
              key={keyOf(row, i)}
              size="small"
              className={`list-card${attrs.onClick ? ' clickable-row' : ''}${rowClass ? ` ${rowClass}` : ''}`}
              title={
                cardTitle || rowSelection ? (
                  <div className="list-card-title">
                    {rowSelection && (
                      <Checkbox
                        {...(rowSelection.getCheckboxProps?.(row) ?? {})}
                        checked={selectedKeys.includes(keyOf(row, i))}
                        onClick={(e) => e.stopPropagation()}
                        onChange={(e) => toggle(row, i, e.target.checked)}
                        style={{ marginRight: 8 }}
                      />
                    )}
                    {cardTitle?.(row)}
                  </div>
                ) : undefined
              }
              {...attrs}
            >
              {visible.map((c, ci) => {
                const value = cellValue(c, row);
                const shown = c.render ? (c.render(value, row, i) as ReactNode) : (value as ReactNode);
                return (
                  <div key={columnKey(c, ci)} className="list-card-line">
                    {c.title != null && c.title !== '' && (
                      <Typography.Text type="secondary" className="list-card-label">
                        {typeof c.title === 'function' ? null : (c.title as ReactNode)}
                      </Typography.Text>
                    )}
                    <span className="list-card-value">{shown ?? '—'}</span>
                  </div>
                );
              })}
              {more && <div className="list-card-more">{more}</div>}
            </Card>
          );
        })}
        {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 10) && (
          <Pagination
            simple
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            onChange={pagination.onChange}
            style={{ textAlign: 'center' }}
          />
        )}
      </Space>
    </Spin>
  );
}

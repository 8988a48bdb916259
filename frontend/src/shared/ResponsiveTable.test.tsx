import type { HTMLAttributes } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '../test/render';
import { resetViewport, setViewportWidth } from '../test/viewport';
import { ResponsiveTable } from './ResponsiveTable';

interface Row {
  id: number;
  number: string;
  title: string;
  site: string;
}

const rows: Row[] = [
  {
    id: 1,
    number: 'INC-1',
    title: 'A very long title that would be one letter per line in a squeezed table',
    site: 'North',
  },
  { id: 2, number: 'INC-2', title: 'Second', site: 'South' },
];

function renderList(onClick = vi.fn()) {
  render(
    <ResponsiveTable<Row>
      data-testid="list"
      rowKey="id"
      dataSource={rows}
      cardTitle={(r) => `${r.number} · ${r.title}`}
      cardHidden={['number', 'title']}
      columns={[
        { title: 'No.', dataIndex: 'number' },
        { title: 'Title', dataIndex: 'title' },
        { title: 'Site', dataIndex: 'site', render: (s: string) => <b>{s.toUpperCase()}</b> },
      ]}
      onRow={(r) => ({ onClick: () => onClick(r), 'data-testid': 'list-row' }) as HTMLAttributes<HTMLElement>}
    />,
  );
  return onClick;
}

describe('ResponsiveTable', () => {
  afterEach(() => resetViewport());

  it('shows cards with "label: value" lines on a phone, keeping row test ids and taps', () => {
    setViewportWidth(390);
    const onClick = renderList();
    const list = screen.getByTestId('list');
    expect(list.getAttribute('data-layout')).toBe('cards');
    expect(list.querySelector('table')).toBeNull();
    const cards = screen.getAllByTestId('list-row');
    expect(cards).toHaveLength(2);
    expect(
      within(cards[0]).getByText('INC-1 · A very long title that would be one letter per line in a squeezed table'),
    ).toBeTruthy();
    // the title column is the card's heading, not a line again; other columns render as on the table
    expect(within(cards[0]).queryByText('Title')).toBeNull();
    expect(within(cards[0]).getByText('Site')).toBeTruthy();
    expect(within(cards[0]).getByText('NORTH').tagName).toBe('B');
    fireEvent.click(cards[1]);
    expect(onClick).toHaveBeenCalledWith(rows[1]);
  });

  it('is the antd table on a desktop', () => {
    renderList();
    const list = screen.getByTestId('list');
    expect(list.querySelector('table')).not.toBeNull();
    expect(screen.getAllByTestId('list-row')).toHaveLength(2);
    expect(screen.getByText('Title')).toBeTruthy();
  });
});

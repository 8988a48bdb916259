import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { render, screen, within } from '../../test/render';
import type { ConfigItemView } from './api';
import { ItemCases } from './ItemCases';
import { itemView } from './testSupport';

const show = (cases: ConfigItemView['cases']) =>
  render(
    <MemoryRouter>
      <ItemCases item={itemView({ cases })} />
    </MemoryRouter>,
  );

describe('ItemCases (相关故障)', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('lists the cases naming the item in the order sent, each linking to its case, with its status and times', () => {
    show([
      {
        id: 302,
        number: 'INC-000302',
        title: '录像无法调阅',
        status: 'IN_PROGRESS',
        reportedAt: '2026-12-02T01:00:00Z',
        linkedAt: '2026-12-02T02:30:00Z',
      },
      {
        id: 301,
        number: 'INC-000301',
        title: '指挥中心视频黑屏',
        status: 'CLOSED',
        reportedAt: '2026-11-30T01:00:00Z',
        linkedAt: '2026-11-30T01:10:00Z',
      },
    ]);
    const card = screen.getByTestId('ci-cases');
    expect(card.textContent).toContain('相关故障');
    const lines = Array.from(card.querySelectorAll('[data-testid^="ci-case-"]'));
    expect(lines.map((l) => l.getAttribute('data-testid'))).toEqual(['ci-case-302', 'ci-case-301']);
    const first = lines[0] as HTMLElement;
    expect(within(first).getByRole('link').getAttribute('href')).toBe('/tickets/302');
    expect(within(first).getByRole('link').textContent).toBe('INC-000302');
    expect(first.textContent).toContain('录像无法调阅');
    expect(first.textContent).toContain('处理中');
    expect(first.textContent).toContain('报修于 2026-12-02 09:00 · 关联于 2026-12-02 10:30');
    expect(lines[1].textContent).toContain('已关闭');
    expect(document.body.textContent).not.toMatch(/IN_PROGRESS|CLOSED|configItems\./);
  });

  it('says so when no case names the item', () => {
    show([]);
    expect(screen.getByTestId('ci-cases').textContent).toContain('没有关联此配置项的故障');
    expect(screen.queryByTestId('ci-case-301')).toBeNull();
  });
});

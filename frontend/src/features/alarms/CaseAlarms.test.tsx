import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { render, screen } from '../../test/render';
import type { CaseAlarm } from './api';
import { CaseAlarms } from './CaseAlarms';

const resolved: CaseAlarm = {
  source: '总部监控',
  sourceKind: 'ZABBIX',
  dedupKey: '2718351',
  severity: 'ERROR',
  summary: 'NVR 硬盘 1 错误',
  state: 'RESOLVED',
  triggerCount: 3,
  firstAt: '2026-12-04T00:15:00Z',
  lastTriggeredAt: '2026-12-04T00:20:00Z',
  acknowledgedAt: '2026-12-04T00:17:00Z',
  resolvedAt: '2026-12-04T00:22:00Z',
};

function renderWith(alarms: CaseAlarm[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify(alarms), { headers: { 'Content-Type': 'application/json' } })),
    ),
  );
  return render(<CaseAlarms ticketId={7} />);
}

describe('the alarms behind a case', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('offers the monitoring system’s recovery as evidence, in Chinese', async () => {
    await i18n.changeLanguage('zh');
    renderWith([resolved]);
    const recovered = await screen.findByTestId('case-alarm-recovered');
    expect(recovered.textContent).toContain('监控系统“总部监控”已于');
    expect(recovered.textContent).toContain('报告恢复');
    const alarm = screen.getByTestId('case-alarm');
    expect(alarm.dataset.state).toBe('RESOLVED');
    expect(alarm.textContent).toContain('已恢复');
    expect(alarm.textContent).toContain('错误');
    expect(alarm.textContent).toContain('共触发 3 次');
    expect(alarm.textContent).not.toMatch(/RESOLVED|ERROR/);
  });

  it('says when the alarm fired again after the recovery', async () => {
    await i18n.changeLanguage('zh');
    renderWith([{ ...resolved, state: 'FIRING', flappingNotedAt: '2026-12-04T00:30:00Z' }]);
    const recovered = await screen.findByTestId('case-alarm-recovered');
    expect(recovered.textContent).toContain('之后告警再次触发，尚未恢复。');
    expect(screen.getByTestId('case-alarm').textContent).toContain('告警频繁波动');
  });

  it('shows nothing for a case no alarm opened', async () => {
    const { container } = renderWith([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });
});

import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { render, screen, testQueryClient } from '../../test/render';
import type { WeatherWarning } from './api';
import { WARNINGS_SHOWN, WeatherWarnings } from './WeatherWarnings';

const SLOW = { timeout: 30_000 };

const warning = (overrides: Partial<WeatherWarning> = {}): WeatherWarning => ({
  id: 1,
  sourceId: 'CMA-1',
  hazard: 'LIGHTNING',
  level: 'YELLOW',
  areas: ['东城区', '西城区'],
  title: '示范市气象台发布雷电黄色预警',
  issuedAt: '2026-12-07T06:00:00Z', // 14:00 in Beijing
  receivedAt: '2026-12-07T06:00:05Z',
  receivedBy: 'weather-feed',
  inspectionsStarted: 3,
  ...overrides,
});

function answer(body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) =>
      Promise.resolve(
        String(input) === 'api/weather-warnings'
          ? new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
          : new Response('{}', { status: 404 }),
      ),
    ),
  );
}

function show() {
  render(
    <QueryClientProvider client={testQueryClient()}>
      <WeatherWarnings />
    </QueryClientProvider>,
  );
}

describe('WeatherWarnings', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows each warning in Chinese with its areas, Beijing time and what it started', async () => {
    answer([
      warning(),
      warning({ id: 2, level: 'BLUE', hazard: 'WIND', areas: [], title: '大风蓝色预警', inspectionsStarted: 0 }),
    ]);
    show();
    const first = await screen.findByTestId('weather-warning-1', undefined, SLOW);
    expect(first.textContent).toContain('雷雨黄色预警');
    expect(first.textContent).toContain('区域：东城区、西城区');
    expect(first.textContent).toContain('2026-12-07 14:00');
    expect(first.textContent).toContain('已自动发起 3 个巡查');
    const second = screen.getByTestId('weather-warning-2');
    expect(second.textContent).toContain('大风蓝色预警');
    expect(second.textContent).toContain('全部区域');
    expect(second.textContent).toContain('未新发起巡查');
    expect(second.textContent).not.toMatch(/BLUE|WIND|LIGHTNING/);
  });

  it('shows only the latest few and says so when none came', async () => {
    answer(Array.from({ length: WARNINGS_SHOWN + 2 }, (_, i) => warning({ id: i + 1 })));
    show();
    await screen.findByTestId('weather-warning-1', undefined, SLOW);
    expect(screen.queryByTestId(`weather-warning-${WARNINGS_SHOWN + 1}`)).toBeNull();
  });

  it('explains the feed when no warning came yet', async () => {
    answer([]);
    show();
    expect((await screen.findByText(/尚未收到气象预警/, undefined, SLOW)).textContent).toContain('黄色及以上预警');
  });
});

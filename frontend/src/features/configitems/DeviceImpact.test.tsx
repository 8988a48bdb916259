import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../../i18n';
import { render, screen, waitFor, within } from '../../test/render';
import type { DeviceImpact as Impact } from './api';
import { DeviceImpact, DevicesImpact } from './DeviceImpact';
import { json, SLOW } from './testSupport';

const IMPACTS: Impact[] = [
  {
    itemId: 14,
    itemNumber: 'CI-000014',
    itemName: '录像调阅服务',
    itemKind: 'SERVICE',
    itemStatus: 'IN_SERVICE',
    relation: 'DEPENDS_ON',
    viaItemName: '视频监控平台',
    depth: 2,
  },
  {
    itemId: 12,
    itemNumber: 'CI-000012',
    itemName: '视频监控平台',
    itemKind: 'APPLICATION',
    itemStatus: 'IN_SERVICE',
    relation: 'RUNS_ON',
    depth: 1,
  },
  {
    itemId: 17,
    itemNumber: 'CI-000017',
    itemName: '人脸比对系统',
    itemKind: 'APPLICATION',
    itemStatus: 'PLANNED',
    relation: 'RUNS_ON',
    depth: 1,
  },
];

function answering(byDevice: Record<number, () => Promise<Response>>) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const m = /^api\/devices\/(\d+)\/config-items$/.exec(String(input));
    const answer = m ? byDevice[Number(m[1])] : undefined;
    return answer ? answer() : json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const show = (ui: React.ReactElement) =>
  render(
    <App>
      <MemoryRouter>
        <div data-testid="host">{ui}</div>
      </MemoryRouter>
    </App>,
  );

describe('DeviceImpact', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('lists the items that stop with the device, direct ones first, an indirect one through which item', async () => {
    answering({ 21: () => json(IMPACTS) });
    show(<DeviceImpact deviceId={21} />);
    const card = await screen.findByTestId('device-impact', undefined, SLOW);
    expect(card.textContent).toContain('受影响的配置项');
    const lines = Array.from(card.querySelectorAll('[data-testid^="device-impact-item-"]'));
    expect(lines.map((l) => l.getAttribute('data-testid'))).toEqual([
      'device-impact-item-12',
      'device-impact-item-17',
      'device-impact-item-14',
    ]);
    expect(
      within(lines[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/config-items/12');
    expect(lines[0].textContent).toBe('视频监控平台应用系统· 运行于');
    expect(lines[1].textContent).toContain('规划中');
    expect(lines[2].textContent).toContain('录像调阅服务');
    expect(lines[2].textContent).toContain('业务服务');
    expect(lines[2].textContent).toContain('依赖于');
    expect(lines[2].textContent).toContain('经由 视频监控平台');
    expect(document.body.textContent).not.toMatch(/SERVICE|RUNS_ON|DEPENDS_ON|configItems\./);
  });

  it('shows nothing at all when no item depends on the device, or the reader may not see it', async () => {
    const fetchMock = answering({ 21: () => json([]), 22: () => json({ status: 403 }, 403) });
    show(
      <>
        <DeviceImpact deviceId={21} />
        <DeviceImpact deviceId={22} />
        <DeviceImpact deviceId={23} />
      </>,
    );
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3), SLOW);
    // give the answers time to land
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('device-impact')).toBeNull();
    expect(screen.getByTestId('host').textContent).toBe('');
  });

  it('names each device over its items when it covers several, and says when the look-up failed', async () => {
    answering({
      21: () => json(IMPACTS.slice(1, 2)),
      22: () => json([]),
      23: () => json({ status: 500 }, 500),
    });
    show(
      <DevicesImpact
        devices={[
          { id: 21, name: 'NVR-01' },
          { id: 22, name: '核心交换机' },
          { id: 23, name: '存储服务器' },
        ]}
      />,
    );
    const card = await screen.findByTestId('device-impact', undefined, SLOW);
    await waitFor(() => expect(screen.getByTestId('device-impact-failed')).toBeTruthy(), SLOW);
    expect(screen.getByTestId('device-impact-21').textContent).toContain('NVR-01');
    expect(screen.queryByTestId('device-impact-22')).toBeNull();
    expect(card.textContent).not.toContain('核心交换机');
    expect(screen.getByTestId('device-impact-failed').textContent).toContain('无法查询受影响的配置项');
  });
});

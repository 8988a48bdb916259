import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import i18n from '../../i18n';
import { act, fireEvent, screen, waitFor } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import type { ConfigGraph } from './api';
import type { GraphNodeDatum } from './ConfigGraph';
import {
  asked,
  itemView,
  json,
  mockApi,
  pick,
  renderConfigItems,
  SLOW,
  summary,
  TEST_TIMEOUT,
  unitGraph,
} from './testSupport';

// jsdom has no layout for ECharts to measure: the chart library itself is replaced, the pages are not
const chart = vi.hoisted(() => ({
  setOption: vi.fn(),
  clicks: [] as ((p: { dataIndex: number; dataType?: string }) => void)[],
}));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({
    on: (_event: string, handler: (p: { dataIndex: number; dataType?: string }) => void) => chart.clicks.push(handler),
    setOption: chart.setOption,
    resize: vi.fn(),
    dispose: vi.fn(),
  })),
}));

const CUSTOMERS = [
  { id: 7, name: '示范市公安局' },
  { id: 8, name: '示范县交警大队' },
];
const GRAPH_URL = 'api/config-items/graph?customerId=7';

/** The list of unit 7, its graph (as given), item 12's and 13's pages. */
function graphApi(roles: Role[], graph: ConfigGraph = unitGraph) {
  return mockApi(roles, (url) => {
    if (url === 'api/customers') return json(roles.includes('CUSTOMER') ? [CUSTOMERS[0]] : CUSTOMERS);
    if (url.startsWith('api/config-items/graph')) return json(graph);
    if (url === 'api/config-items/12') return json(itemView());
    if (url === 'api/config-items/13') return json(itemView({ id: 13, number: 'CI-000013', name: '视频数据库' }));
    if (url.startsWith('api/config-items')) return json([summary()]);
    return undefined;
  });
}

/** The nodes last handed to ECharts. */
const drawnNodes = () => {
  const option = chart.setOption.mock.calls.at(-1)?.[0] as { series: { data: GraphNodeDatum[] }[] } | undefined;
  return (option?.series[0].data ?? []).filter((d) => !d.anchor);
};
const graphOption = () => screen.getByTestId('ci-view').querySelectorAll('.ant-segmented-item')[1];
const location = () => screen.getByTestId('location').textContent;

describe('the relation graph on the configuration item pages', () => {
  beforeEach(async () => {
    authStore.set('Basic ZGVzazpkZW1v');
    chart.setOption.mockClear();
    chart.clicks.length = 0;
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    resetViewport();
    await i18n.changeLanguage('en');
  });

  it(
    'offers 关系图 only once a unit is chosen, then draws that unit from ?view=graph and back to 列表',
    async () => {
      const fetchMock = graphApi(['ENGINEER']);
      renderConfigItems('/config-items');
      await screen.findByTestId('ci-row-12', undefined, SLOW);
      expect(graphOption().textContent).toBe('关系图');
      expect(graphOption().className).toContain('ant-segmented-item-disabled');
      expect(screen.getByTestId('ci-view-choose-unit').textContent).toBe('请先选择客户单位，再查看关系图');
      fireEvent.click(screen.getByText('关系图'));
      expect(location()).toBe('/config-items');

      await pick('ci-filter-unit', '示范市公安局');
      await waitFor(() => expect(graphOption().className).not.toContain('ant-segmented-item-disabled'), SLOW);
      expect(screen.queryByTestId('ci-view-choose-unit')).toBeNull();
      expect(asked(fetchMock)).not.toContain(GRAPH_URL);

      fireEvent.click(screen.getByText('关系图'));
      await waitFor(() => expect(location()).toBe('/config-items?customerId=7&view=graph'), SLOW);
      await screen.findByTestId('ci-graph', undefined, SLOW);
      expect(asked(fetchMock)).toContain(GRAPH_URL);
      await waitFor(() => expect(drawnNodes().map((n) => n.id)).toEqual(unitGraph.nodes.map((n) => n.key)), SLOW);
      expect(screen.queryByTestId('ci-list')).toBeNull();
      expect(screen.queryByTestId('ci-filter-kind')).toBeNull();
      expect(screen.queryByTestId('ci-graph-truncated')).toBeNull();
      expect(screen.getByTestId('ci-graph-view').textContent).toContain('红色表示有未结的故障工单');

      fireEvent.click(screen.getByText('列表'));
      await waitFor(() => expect(location()).toBe('/config-items?customerId=7'), SLOW);
      expect(await screen.findByTestId('ci-list', undefined, SLOW)).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'opens an item clicked in the graph; an edge click stays',
    async () => {
      graphApi(['SUPERVISOR']);
      renderConfigItems('/config-items?customerId=7&view=graph');
      await screen.findByTestId('ci-graph', undefined, SLOW);
      await waitFor(() => expect(chart.clicks.length).toBeGreaterThan(0), SLOW);
      const click = chart.clicks.at(-1)!;
      const index = (key: string) => unitGraph.nodes.findIndex((n) => n.key === key);
      act(() => click({ dataIndex: 0, dataType: 'edge' }));
      expect(location()).toBe('/config-items?customerId=7&view=graph');
      act(() => click({ dataIndex: index('item-13'), dataType: 'node' }));
      await waitFor(() => expect(location()).toBe('/config-items/13'), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    "opens a device's own page (设备档案) when the device is clicked in the graph",
    async () => {
      graphApi(['SUPERVISOR']);
      renderConfigItems('/config-items?customerId=7&view=graph');
      await screen.findByTestId('ci-graph', undefined, SLOW);
      await waitFor(() => expect(chart.clicks.length).toBeGreaterThan(0), SLOW);
      const click = chart.clicks.at(-1)!;
      act(() => click({ dataIndex: unitGraph.nodes.findIndex((n) => n.key === 'device-22'), dataType: 'node' }));
      await waitFor(() => expect(location()).toBe('/devices/22'), SLOW);
    },
    TEST_TIMEOUT,
  );

  it(
    'says so when the unit has no items',
    async () => {
      graphApi(['ENGINEER'], { ...unitGraph, nodes: [], edges: [] });
      renderConfigItems('/config-items?customerId=7&view=graph');
      expect((await screen.findByTestId('ci-graph-empty', undefined, SLOW)).textContent).toContain(
        '该单位还没有配置项',
      );
      expect(screen.queryByTestId('ci-graph')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'notes a graph cut short at 300 items',
    async () => {
      graphApi(['ENGINEER'], { ...unitGraph, truncated: true });
      renderConfigItems('/config-items?customerId=7&view=graph');
      expect((await screen.findByTestId('ci-graph-truncated', undefined, SLOW)).textContent).toBe(
        '仅显示前 300 个配置项',
      );
      expect(screen.getByTestId('ci-graph')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'draws 480 px high on a desktop',
    async () => {
      graphApi(['ENGINEER']);
      renderConfigItems('/config-items?customerId=7&view=graph');
      expect((await screen.findByTestId('ci-graph', undefined, SLOW)).style.height).toBe('480px');
      expect(screen.getByTestId('ci-graph').style.width).toBe('100%');
    },
    TEST_TIMEOUT,
  );

  it(
    'fits a phone: 320 px high, as wide as the page, items above devices',
    async () => {
      setViewportWidth(390);
      graphApi(['ENGINEER']);
      renderConfigItems('/config-items?customerId=7&view=graph');
      await waitFor(() => expect(screen.getByTestId('ci-graph').style.height).toBe('320px'), SLOW);
      expect(screen.getByTestId('ci-graph').style.width).toBe('100%');
      const nodes = drawnNodes();
      const lowestItem = Math.max(...nodes.filter((n) => n.id.startsWith('item-')).map((n) => n.y));
      nodes.filter((n) => n.id.startsWith('device-')).forEach((n) => expect(n.y).toBeGreaterThan(lowestItem));
    },
    TEST_TIMEOUT,
  );

  it(
    "draws a customer's user their own unit without a unit filter",
    async () => {
      const fetchMock = graphApi(['CUSTOMER']);
      renderConfigItems('/config-items?view=graph');
      await screen.findByTestId('ci-graph', undefined, SLOW);
      expect(asked(fetchMock)).toContain('api/customers');
      expect(asked(fetchMock)).toContain(GRAPH_URL);
      expect(screen.queryByTestId('ci-view-choose-unit')).toBeNull();
      expect(screen.queryByTestId('ci-filter-unit')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    "shows an item's neighbourhood on its page, the item highlighted",
    async () => {
      const fetchMock = graphApi(['ENGINEER']);
      renderConfigItems('/config-items/12');
      const card = await screen.findByTestId('ci-item-graph', undefined, SLOW);
      expect(card.textContent).toContain('关系图');
      await waitFor(
        () =>
          expect(drawnNodes().map((n) => n.id)).toEqual([
            'item-12',
            'item-13',
            'item-14',
            'item-16',
            'device-21',
            'device-22',
          ]),
        SLOW,
      );
      expect(asked(fetchMock)).toContain(GRAPH_URL);
      const focus = drawnNodes().find((n) => n.id === 'item-12')!;
      expect(focus.itemStyle.borderWidth).toBeGreaterThan(0);
      expect(drawnNodes().filter((n) => n.itemStyle.borderWidth)).toHaveLength(1);
    },
    TEST_TIMEOUT,
  );

  it(
    'says an item without relations has none',
    async () => {
      const lonely: ConfigGraph = { ...unitGraph, edges: [] };
      const fetchMock = graphApi(['ENGINEER'], lonely);
      renderConfigItems('/config-items/12');
      expect((await screen.findByTestId('ci-item-graph-empty', undefined, SLOW)).textContent).toContain(
        '该配置项还没有关系',
      );
      expect(asked(fetchMock)).toContain(GRAPH_URL);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks nothing for a retired item (retired items are not in the graph)',
    async () => {
      const fetchMock = mockApi(['ENGINEER'], (url) =>
        url === 'api/config-items/12' ? json(itemView({ status: 'RETIRED' })) : undefined,
      );
      renderConfigItems('/config-items/12');
      expect((await screen.findByTestId('ci-item-graph', undefined, SLOW)).textContent).toContain(
        '已停用的配置项不显示在关系图中',
      );
      expect(asked(fetchMock).some((u) => u.startsWith('api/config-items/graph'))).toBe(false);
    },
    TEST_TIMEOUT,
  );
});

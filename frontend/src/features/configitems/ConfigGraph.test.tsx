import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { ConfigGraph } from './api';
import {
  DEVICE_COLOR,
  graphOption,
  neighbourhood,
  OPEN_CASES_COLOR,
  type GraphEdgeDatum,
  type GraphNodeDatum,
} from './ConfigGraph';
import { graphDevice as device, graphEdge as edge, graphItem as item, unitGraph } from './testSupport';

type Series = { data: GraphNodeDatum[]; links: GraphEdgeDatum[]; categories: { name: string }[]; roam: boolean };
/** The series, without the two invisible corners that pin the layout. */
const seriesOf = (option: ReturnType<typeof graphOption>) => {
  const series = (option.series as Series[])[0];
  return { ...series, data: series.data.filter((d) => !d.anchor) };
};
const nodeOf = (series: Series, key: string) => series.data.find((d) => d.id === key)!;

describe('the relation graph', () => {
  const t = i18n.getFixedT('zh');
  beforeAll(async () => {
    await i18n.changeLanguage('zh');
  });

  it('maps every node and link, in the graph order, named in words', () => {
    const option = graphOption(unitGraph, t);
    const series = seriesOf(option);
    expect(series.roam).toBe(true);
    expect(series.data.map((d) => d.id)).toEqual(unitGraph.nodes.map((n) => n.key));
    expect(series.data.map((d) => d.name)).toEqual(unitGraph.nodes.map((n) => n.name));
    expect(series.links.map((l) => [l.source, l.target, l.relation])).toEqual([
      ['item-14', 'item-12', '依赖于'],
      ['item-12', 'item-13', '依赖于'],
      ['item-12', 'device-21', '运行于'],
      ['item-13', 'device-22', '运行于'],
      ['item-16', 'item-14', '依赖于'],
      ['item-17', 'item-16', '连接至'],
      ['item-17', 'device-23', '运行于'],
    ]);
    expect(series.links[2].label.formatter).toBe('运行于');
    expect(series.links[2].tip).toBe('CI-000012 视频监控平台 运行于 NVR-01');
    // the legend: the kinds present in their usual order, then the devices
    expect(series.categories.map((c) => c.name)).toEqual(['应用系统', '平台软件', '网络链路', '业务服务', '设备']);
    expect((option.legend as { data: string[] }).data).toEqual([
      '应用系统',
      '平台软件',
      '网络链路',
      '业务服务',
      '设备',
    ]);
    expect(nodeOf(series, 'device-21').category).toBe(4);
    expect(nodeOf(series, 'item-14').category).toBe(3);
    // no code is ever shown: not in names, labels, tips or the legend
    const shown = JSON.stringify(option);
    for (const code of ['RUNS_ON', 'DEPENDS_ON', 'CONNECTS_TO', 'APPLICATION', 'SOFTWARE', 'SERVER', 'IN_SERVICE'])
      expect(shown).not.toContain(code);
  });

  it('colours items by kind and devices alike, and draws a node with open fault cases red, saying how many', () => {
    const series = seriesOf(graphOption(unitGraph, t));
    expect(nodeOf(series, 'item-13').itemStyle.color).toBe(OPEN_CASES_COLOR);
    expect(nodeOf(series, 'item-13').tip).toContain('未结故障工单 2 张');
    expect(nodeOf(series, 'item-13').tip).toContain('CI-000013 视频数据库');
    expect(nodeOf(series, 'item-13').tip).toContain('平台软件 · 运行中');
    expect(nodeOf(series, 'device-23').itemStyle.color).toBe(OPEN_CASES_COLOR);
    expect(nodeOf(series, 'device-23').tip).toContain('未结故障工单 1 张');
    expect(nodeOf(series, 'device-21').itemStyle.color).toBe(DEVICE_COLOR);
    expect(nodeOf(series, 'device-21').tip).toContain('设备 · 硬盘录像机');
    expect(nodeOf(series, 'device-22').itemStyle.color).toBe(DEVICE_COLOR);
    expect(nodeOf(series, 'item-12').itemStyle.color).not.toBe(OPEN_CASES_COLOR);
    expect(nodeOf(series, 'item-12').tip).not.toContain('未结');
    // kinds differ in colour and shape
    expect(nodeOf(series, 'item-12').itemStyle.color).not.toBe(nodeOf(series, 'item-14').itemStyle.color);
    expect(nodeOf(series, 'item-12').symbol).not.toBe(nodeOf(series, 'item-15').symbol);
    expect(nodeOf(series, 'item-12').itemStyle.color).toBe(nodeOf(series, 'item-16').itemStyle.color);
  });

  it('shows the tooltip the node carries, with the names escaped', () => {
    const graph: ConfigGraph = {
      ...unitGraph,
      nodes: [item(12, '<img src=x onerror=alert(1)>', 'APPLICATION')],
      edges: [],
    };
    const option = graphOption(graph, t);
    const tip = nodeOf(seriesOf(option), 'item-12').tip;
    expect(tip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tip).not.toContain('<img');
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ data: { tip } })).toBe(tip);
  });

  it('lays the items out before the devices: left to right on a desktop, top to bottom on a phone', () => {
    const wide = seriesOf(graphOption(unitGraph, t));
    const x = (key: string) => nodeOf(wide, key).x;
    expect(x('item-14')).toBeLessThan(x('item-12'));
    expect(x('item-12')).toBeLessThan(x('item-13'));
    const lastItem = Math.max(...wide.data.filter((d) => d.id.startsWith('item-')).map((d) => d.x));
    wide.data.filter((d) => d.id.startsWith('device-')).forEach((d) => expect(d.x).toBeGreaterThan(lastItem));

    const tall = seriesOf(graphOption(unitGraph, t, { vertical: true }));
    const lowestItem = Math.max(...tall.data.filter((d) => d.id.startsWith('item-')).map((d) => d.y));
    tall.data.filter((d) => d.id.startsWith('device-')).forEach((d) => expect(d.y).toBeGreaterThan(lowestItem));
    // no two nodes on one spot
    const spots = new Set(tall.data.map((d) => `${d.x},${d.y}`));
    expect(spots.size).toBe(tall.data.length);
  });

  it('pins the layout to the drawing area in pixels, so ECharts does not stretch it', () => {
    const option = graphOption(unitGraph, t, { width: 1000, height: 480 });
    const series = (option.series as (Series & { left: number; right: number; top: number; bottom: number })[])[0];
    const width = 1000 - series.left - series.right;
    const height = 480 - series.top - series.bottom;
    expect(series.data.filter((d) => d.anchor).map((d) => [d.x, d.y])).toEqual([
      [0, 0],
      [width, height],
    ]);
    expect(series.data.filter((d) => d.anchor).every((d) => d.symbolSize === 0 && d.name === '')).toBe(true);
    series.data.forEach((d) => {
      expect(d.x).toBeGreaterThanOrEqual(0);
      expect(d.x).toBeLessThanOrEqual(width);
      expect(d.y).toBeGreaterThanOrEqual(0);
      expect(d.y).toBeLessThanOrEqual(height);
    });
    // a link past the next line bends (12 → NVR passes the database's line); neighbours are straight
    const link = (from: string, to: string) => series.links.find((l) => l.source === from && l.target === to)!;
    expect(link('item-12', 'device-21').lineStyle?.curveness).toBeGreaterThan(0);
    expect(link('item-12', 'item-13').lineStyle).toBeUndefined();
    // relation names on the links on a desktop; on a phone only when a link or node is tapped
    type EdgeLabel = { edgeLabel: { show: boolean }; emphasis: { edgeLabel: { show: boolean } } };
    expect((series as unknown as EdgeLabel).edgeLabel.show).toBe(true);
    const phone = (graphOption(unitGraph, t, { vertical: true }).series as EdgeLabel[])[0];
    expect(phone.edgeLabel.show).toBe(false);
    expect(phone.emphasis.edgeLabel.show).toBe(true);
  });

  it('highlights the focused node only', () => {
    const series = seriesOf(graphOption(unitGraph, t, { focusKey: 'item-12' }));
    const focus = nodeOf(series, 'item-12');
    expect(focus.itemStyle.borderWidth).toBeGreaterThan(0);
    expect(focus.label?.fontWeight).toBe('bold');
    series.data
      .filter((d) => d.id !== 'item-12')
      .forEach((d) => {
        expect(d.itemStyle.borderWidth).toBeUndefined();
        expect(d.symbolSize).toBeLessThan(focus.symbolSize);
      });
  });

  it("keeps an item's neighbourhood: two links either way, and the links among what is kept", () => {
    const near = neighbourhood(unitGraph, 'item-12', 2);
    // 14 and 16 point at 12 (incoming), 13, 21 and 22 are what it needs (outgoing)
    expect(near.nodes.map((n) => n.key)).toEqual([
      'item-12',
      'item-13',
      'item-14',
      'item-16',
      'device-21',
      'device-22',
    ]);
    expect(near.edges.map((e) => e.id)).toEqual([60, 52, 51, 53, 70]);
    expect(near.customerId).toBe(7);

    expect(neighbourhood(unitGraph, 'item-12', 1).nodes.map((n) => n.key)).toEqual([
      'item-12',
      'item-13',
      'item-14',
      'device-21',
    ]);
    // from a device upwards: the items running on it, and what those connect to
    expect(neighbourhood(unitGraph, 'device-23', 2).nodes.map((n) => n.key)).toEqual([
      'item-16',
      'item-17',
      'device-23',
    ]);
    expect(neighbourhood(unitGraph, 'item-15', 2).nodes.map((n) => n.key)).toEqual(['item-15']);
    // not in the graph (retired): nothing
    expect(neighbourhood(unitGraph, 'item-99', 2)).toMatchObject({ nodes: [], edges: [] });
  });

  it('draws a graph with a cycle and one with nothing but devices', () => {
    const cyclic: ConfigGraph = {
      ...unitGraph,
      nodes: [item(1, '甲', 'NETWORK'), item(2, '乙', 'NETWORK')],
      edges: [edge(1, 'item-1', 'item-2', 'CONNECTS_TO'), edge(2, 'item-2', 'item-1', 'CONNECTS_TO')],
    };
    const series = seriesOf(graphOption(cyclic, t));
    expect(series.data.every((d) => Number.isFinite(d.x) && Number.isFinite(d.y))).toBe(true);
    const devices: ConfigGraph = { ...unitGraph, nodes: [device(5, 'UPS-01', 'UPS')], edges: [] };
    expect(seriesOf(graphOption(devices, t)).data[0]).toMatchObject({ id: 'device-5', category: 0 });
  });
});

// The relation graph of a customer unit's configuration items (RP-4: 应用与硬件的关系), drawn by ECharts' graph
// series (ADR 0108): the items on the left (on a phone: at the top), the devices they run on at the right (bottom).
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../shared/errors';
import { useIsPhone } from '../../shared/useIsPhone';
import { configItemKeys, configItemsApi, type ConfigGraph, type ConfigGraphNode, type ConfigItemKind } from './api';
import { codeLabel } from './parts';

// ECharts loads with the chart only: this feature's index is also imported by pages of the main bundle (the case
// page's affected items), which must not carry it
const EChart = lazy(() => import('../../shared/EChart').then((m) => ({ default: m.EChart })));

/** The server's limit on a graph's items (`truncated` says when a unit has more). */
export const GRAPH_MAX_ITEMS = 300;

/** The graph's key of an item (the server's "item-12"). */
export const itemKey = (id: number) => `item-${id}`;

/** Open fault cases: the node is drawn in this red. */
export const OPEN_CASES_COLOR = '#f5222d';
export const DEVICE_COLOR = '#8c8c8c';
const KIND_STYLE: Record<ConfigItemKind, { color: string; symbol: string }> = {
  APPLICATION: { color: '#1677ff', symbol: 'roundRect' },
  SOFTWARE: { color: '#722ed1', symbol: 'circle' },
  NETWORK: { color: '#13c2c2', symbol: 'diamond' },
  SERVICE: { color: '#52c41a', symbol: 'pin' },
};
const OTHER_STYLE = { color: '#faad14', symbol: 'circle' };
const DEVICE_SYMBOL = 'rect';

/**
 * The nodes within `hops` links of `focusKey`, following links either way (what it runs on or depends on, and what
 * depends on it), with the links among them. The focus not in the graph (a retired item): an empty graph.
 */
export function neighbourhood(graph: ConfigGraph, focusKey: string, hops = 2): ConfigGraph {
  if (!graph.nodes.some((n) => n.key === focusKey)) return { ...graph, nodes: [], edges: [] };
  const near = new Map<string, string[]>();
  const join = (a: string, b: string) => near.set(a, [...(near.get(a) ?? []), b]);
  graph.edges.forEach((e) => {
    join(e.from, e.to);
    join(e.to, e.from);
  });
  const kept = new Set([focusKey]);
  let ring = [focusKey];
  for (let hop = 0; hop < hops && ring.length > 0; hop++) {
    ring = ring.flatMap((key) => near.get(key) ?? []).filter((key) => !kept.has(key));
    ring.forEach((key) => kept.add(key));
  }
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => kept.has(n.key)),
    edges: graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to)),
  };
}

/** The drawing area of a graph: its size in pixels, and the layout's direction. */
export interface GraphArea {
  width: number;
  height: number;
  /** Items at the top, devices at the bottom (a phone); else items left, devices right. */
  vertical: boolean;
}

/**
 * A layered layout: an item comes after every item that points at it (an application before the software it runs
 * on), the devices last; in each layer the nodes are ordered by where their neighbours in the earlier layers stand
 * (fewer crossing lines), and a layer too long for the area is folded into several lines. Positions are pixels in
 * the area, spread over all of it (ECharts maps them one to one: text and arrows keep their shape).
 */
export function layeredLayout(graph: ConfigGraph, area: GraphArea) {
  const { width, height, vertical } = area;
  const keys = new Set(graph.nodes.map((n) => n.key));
  const edges = graph.edges.filter((e) => keys.has(e.from) && keys.has(e.to));
  const isDevice = (n: ConfigGraphNode) => n.type === 'DEVICE';
  const layer = new Map(graph.nodes.map((n) => [n.key, 0]));
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  // longest path from the items nothing points at; a cycle (the server refuses them) stops after n rounds
  for (let round = 0; round < graph.nodes.length; round++) {
    let moved = false;
    for (const e of edges) {
      if (isDevice(byKey.get(e.to)!)) continue;
      const next = layer.get(e.from)! + 1;
      if (next > layer.get(e.to)!) {
        layer.set(e.to, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const items = graph.nodes.filter((n) => !isDevice(n));
  const last = items.length === 0 ? -1 : Math.max(...items.map((n) => layer.get(n.key)!));
  graph.nodes.filter(isDevice).forEach((n) => layer.set(n.key, last + 1));

  // across a line: labels side by side need more room than labels under each other
  const across = vertical ? width : height;
  const along = vertical ? height : width;
  const minGap = vertical ? 80 : 36;
  const perLine = Math.max(2, Math.floor(across / minGap) + 1);

  const layers: ConfigGraphNode[][] = [];
  graph.nodes.forEach((n) => (layers[layer.get(n.key)!] ??= []).push(n));
  const neighbours = new Map<string, string[]>();
  edges.forEach((e) => {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  });
  const slot = new Map<string, number>(); // place in its line, centred on 0
  const lineOf = new Map<string, number>();
  const sortName = (n: ConfigGraphNode) => `${n.kind ?? n.deviceType ?? ''} ${n.number ?? ''} ${n.name}`;
  let lines = 0;
  let widest = 1;
  for (const nodes of layers.filter(Boolean)) {
    const centre = (n: ConfigGraphNode) => {
      const placed = (neighbours.get(n.key) ?? []).filter((k) => slot.has(k)).map((k) => slot.get(k)!);
      return placed.length === 0 ? 0 : placed.reduce((a, b) => a + b, 0) / placed.length;
    };
    const ordered = nodes
      .map((n) => ({ n, c: centre(n), s: sortName(n) }))
      .sort((a, b) => a.c - b.c || a.s.localeCompare(b.s, 'zh-CN'));
    // folded into lines of equal length (24 nodes: 12 and 12, 14: 7 and 7)
    const size = Math.ceil(ordered.length / Math.ceil(ordered.length / perLine));
    for (let start = 0; start < ordered.length; start += size) {
      const chunk = ordered.slice(start, start + size);
      widest = Math.max(widest, chunk.length);
      chunk.forEach(({ n }, i) => {
        slot.set(n.key, i - (chunk.length - 1) / 2);
        lineOf.set(n.key, lines);
      });
      lines++;
    }
  }
  // lines spread over the whole length; nodes in a line no further apart than they need
  const gap = widest === 1 ? 0 : Math.min(across / (widest - 1), vertical ? 110 : 90);
  return new Map(
    graph.nodes.map((n) => {
      const a = lines === 1 ? along / 2 : (lineOf.get(n.key)! / (lines - 1)) * along;
      const c = across / 2 + slot.get(n.key)! * gap;
      const line = lineOf.get(n.key)!;
      return [n.key, vertical ? { x: c, y: a, line } : { x: a, y: c, line }];
    }),
  );
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The name a node reads as: an item's number and name, a device's name. */
const fullName = (n: ConfigGraphNode) => [n.number, n.name].filter(Boolean).join(' ');

export interface GraphOptions {
  /** The node drawn larger, with a thick border (the item whose page this is). */
  focusKey?: string;
  /** A phone: items at the top, devices at the bottom, fewer nodes in a line. */
  vertical?: boolean;
  /** The chart's size in pixels (default: a desktop's 1000 × 480, a phone's 360 × 320). */
  width?: number;
  height?: number;
}

/** A node or a link as handed to ECharts, with the tooltip's text (`tip`, HTML with the names escaped). */
export interface GraphNodeDatum {
  id: string;
  name: string;
  x: number;
  y: number;
  /** The legend's entry (none for the corners). */
  category?: number;
  symbol: string;
  symbolSize: number;
  itemStyle: { color: string; borderColor?: string; borderWidth?: number };
  label?: { fontWeight?: 'bold'; show?: false };
  tip: string;
  /** One of the two invisible corners that pin the layout to the drawing area (no graph node). */
  anchor?: true;
}
export interface GraphEdgeDatum {
  source: string;
  target: string;
  relation: string;
  label: { formatter: string };
  lineStyle?: { curveness: number };
  tip: string;
}

/**
 * The ECharts option of a graph (pure, so it is tested without a canvas): nodes named in words, shaped and coloured
 * by kind (devices one colour), red when they have open fault cases; links read as their relation (运行于 …); the
 * node `focusKey` stands out. The series' data keep the graph's node order (a click's dataIndex is a node's index).
 */
export function graphOption(graph: ConfigGraph, t: TFunction, options: GraphOptions = {}): EChartsCoreOption {
  const { focusKey, vertical = false } = options;
  const width = options.width || (vertical ? 360 : 1000);
  const height = options.height || (vertical ? 320 : 480);
  const labelWidth = vertical ? 72 : 140;
  const margin = { left: labelWidth / 2 + 8, right: labelWidth / 2 + 8, top: vertical ? 64 : 48, bottom: 28 };
  const area = {
    width: Math.max(width - margin.left - margin.right, 40),
    height: Math.max(height - margin.top - margin.bottom, 40),
    vertical,
  };
  const positions = layeredLayout(graph, area);
  const deviceName = codeLabel(t, 'configTarget', 'DEVICE');

  // legend entries: the kinds present, then the devices
  const kindsPresent = [
    ...new Set(graph.nodes.filter((n) => n.type !== 'DEVICE').map((n) => (n.kind && KIND_STYLE[n.kind] ? n.kind : ''))),
  ].sort((a, b) => Object.keys(KIND_STYLE).indexOf(a) - Object.keys(KIND_STYLE).indexOf(b));
  const categories = kindsPresent.map((kind) => {
    const style = KIND_STYLE[kind as ConfigItemKind] ?? OTHER_STYLE;
    return { name: codeLabel(t, 'configKind', kind), symbol: style.symbol, itemStyle: { color: style.color } };
  });
  const hasDevices = graph.nodes.some((n) => n.type === 'DEVICE');
  if (hasDevices) categories.push({ name: deviceName, symbol: DEVICE_SYMBOL, itemStyle: { color: DEVICE_COLOR } });

  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const data: GraphNodeDatum[] = graph.nodes.map((n) => {
    const device = n.type === 'DEVICE';
    const kind = n.kind && KIND_STYLE[n.kind] ? n.kind : '';
    const style = device
      ? { color: DEVICE_COLOR, symbol: DEVICE_SYMBOL }
      : (KIND_STYLE[kind as ConfigItemKind] ?? OTHER_STYLE);
    const focus = n.key === focusKey;
    const what = device
      ? [deviceName, n.deviceType ? t(`admin.deviceType.${n.deviceType}`, { defaultValue: '' }) : ''].filter(Boolean)
      : [codeLabel(t, 'configKind', n.kind), n.status ? codeLabel(t, 'configStatus', n.status) : ''].filter(Boolean);
    const lines = [`<b>${escapeHtml(fullName(n))}</b>`, escapeHtml(what.join(' · '))];
    if (n.openCases > 0)
      lines.push(
        `<span style="color:${OPEN_CASES_COLOR}">${escapeHtml(t('configItems.graph.openCases', { n: n.openCases }))}</span>`,
      );
    const { x, y } = positions.get(n.key)!;
    return {
      id: n.key,
      name: n.name,
      x,
      y,
      category: device ? categories.length - 1 : kindsPresent.indexOf(kind),
      symbol: style.symbol,
      symbolSize: focus ? 30 : device ? 16 : 20,
      itemStyle: {
        color: n.openCases > 0 ? OPEN_CASES_COLOR : style.color,
        ...(focus ? { borderColor: '#fadb14', borderWidth: 4 } : {}),
      },
      ...(focus ? { label: { fontWeight: 'bold' as const } } : {}),
      tip: lines.join('<br/>'),
    };
  });
  const links: GraphEdgeDatum[] = graph.edges
    .filter((e) => byKey.has(e.from) && byKey.has(e.to))
    .map((e) => {
      const relation = codeLabel(t, 'configRelation', e.relation);
      // a link past the next line bends, so it is not read as two links through the nodes it passes
      const long = Math.abs(positions.get(e.from)!.line - positions.get(e.to)!.line) > 1;
      return {
        source: e.from,
        target: e.to,
        relation,
        ...(long ? { lineStyle: { curveness: 0.25 } } : {}),
        label: { formatter: relation },
        tip: escapeHtml(
          t('configItems.graph.edgeTip', {
            from: fullName(byKey.get(e.from)!),
            relation,
            to: fullName(byKey.get(e.to)!),
          }),
        ),
      };
    });

  // ECharts fits the nodes' bounding box into the drawing area: two invisible corners make that box the area itself,
  // so a position is a pixel (one scale both ways; a stretched box would distort the links' labels and arrows)
  const corner = (id: string, x: number, y: number): GraphNodeDatum => ({
    id,
    name: '',
    x,
    y,
    symbol: 'none',
    symbolSize: 0,
    itemStyle: { color: 'transparent' },
    label: { show: false },
    tip: '',
    anchor: true,
  });
  data.push(corner('corner-start', 0, 0), corner('corner-end', area.width, area.height));
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '',
    },
    legend: { top: 0, data: categories.map((c) => c.name) },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        scaleLimit: { min: 0.3, max: 8 },
        // the drawing area: the margins leave room for the legend and for the outer nodes' names
        ...margin,
        categories,
        data,
        links,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 7,
        label: { show: true, position: 'bottom', fontSize: 11, width: labelWidth, overflow: 'truncate' },
        // crowded node names give way (zooming in shows them); the links' labels are placed as they are drawn, too late
        // for ECharts to weigh them: they keep out of it
        labelLayout: (p: { dataType?: string }) => ({ hideOverlap: p.dataType !== 'edge' }),
        // relation names on the links while they are few enough to read (on a phone the links run under the names:
        // a tap on a link or a node tells); else on hovering a node
        edgeLabel: { show: !vertical && links.length <= 30, fontSize: 10, color: '#8c8c8c' },
        lineStyle: { color: '#bfbfbf', width: 1.2, opacity: 0.9 },
        emphasis: { focus: 'adjacency', label: { show: true }, edgeLabel: { show: true }, lineStyle: { width: 2 } },
      },
    ],
  };
}

/** A graph drawn to fit the page's width; clicking an item or a device opens its page. */
export function ConfigGraphChart({ graph, focusKey }: { graph: ConfigGraph; focusKey?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const height = phone ? 320 : 480;
  // the layout is drawn to the chart's width (0 until measured, and in tests: a usual width then)
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const measure = () => setWidth(Math.round(element.clientWidth));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const option = useMemo(
    () => graphOption(graph, t, { focusKey, vertical: phone, width, height }),
    [graph, t, focusKey, phone, width, height],
  );
  return (
    <div ref={box} style={{ width: '100%', minWidth: 0 }}>
      <Suspense fallback={<Spin />}>
        <EChart
          option={option}
          height={height}
          testId="ci-graph"
          onPick={(index, type) => {
            const node = type === 'node' ? graph.nodes[index] : undefined;
            if (node?.type === 'ITEM') void navigate(`/config-items/${node.id}`);
            else if (node?.type === 'DEVICE') void navigate(`/devices/${node.id}`);
          }}
        />
      </Suspense>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('configItems.graph.hint')}
      </Typography.Text>
    </div>
  );
}

/** The unit's graph, asked for once per unit (shared by the list and the item pages through the query cache). */
export function useUnitGraph(customerId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: configItemKeys.graph(customerId ?? 0),
    queryFn: () => configItemsApi.graph(customerId!),
    enabled: enabled && customerId != null,
  });
}

/** 关系图 on the list page: the whole unit, with an empty state and a note when the server cut it short. */
export function UnitGraph({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const graph = useUnitGraph(customerId);
  if (graph.isLoading) return <Spin data-testid="ci-graph-loading" />;
  if (graph.error || !graph.data)
    return <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(graph.error, t) })} />;
  if (graph.data.nodes.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('configItems.graph.empty')}
        data-testid="ci-graph-empty"
      />
    );
  return (
    <div data-testid="ci-graph-view">
      {graph.data.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('configItems.graph.truncated', { max: GRAPH_MAX_ITEMS })}
          data-testid="ci-graph-truncated"
        />
      )}
      <ConfigGraphChart graph={graph.data} />
    </div>
  );
}

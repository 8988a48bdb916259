import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

// only the parts the pages draw (line, bar, the configuration items' relation graph, axes, legend, tooltip; SVG): the
// rest of ECharts stays out of the bundle.
// Import this only from pages loaded lazily (App.tsx): ECharts then stays out of the main bundle too.
echarts.use([LineChart, BarChart, GraphChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * One ECharts chart that follows its container's width (a phone turned, a sidebar folded) and tells which bar or
 * point was clicked, so a figure on a chart drills down like its card does. Used by the KPI dashboard, the hotline
 * page (moved here from features/kpi so that both may use it) and the configuration items' relation graph (whose
 * clicks say whether a node or an edge was hit: `dataType`).
 */
export function EChart({
  option,
  height,
  onPick,
  testId,
}: {
  option: EChartsCoreOption;
  height: number;
  onPick?: (dataIndex: number, dataType?: string) => void;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!box.current) return undefined;
    const c = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => pick.current?.(p.dataIndex, p.dataType));
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    observer?.observe(box.current);
    return () => {
      observer?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}

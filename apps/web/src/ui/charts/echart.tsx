import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

export type EChartOption = EChartsCoreOption;
export type EChartClick = { dataIndex: number; seriesIndex?: number; data: unknown; componentType: string };

let setup: Promise<typeof import('./echarts-setup')> | null = null;
/** The charting code, fetched once, the first time a chart is drawn (or asked for ahead of that). */
export const loadECharts = () => {
  setup ??= import('./echarts-setup');
  return setup;
};

/**
 * One ECharts canvas: the option is replaced whenever it changes, the canvas follows its box's size, and
 * a click on a data item is reported. The box takes its place at once; the charting code is fetched on
 * the first chart, so a page with a chart draws the rest of itself without waiting for it.
 */
export function EChart({
  option,
  height,
  onClick,
  label,
}: {
  option: EChartOption;
  height: number;
  onClick?: (event: EChartClick) => void;
  /** what the chart shows, for screen readers */
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  const latest = useRef(option);

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    let closed = false;
    let observer: ResizeObserver | undefined;
    void loadECharts().then(({ init }) => {
      if (closed || !element.current) return;
      const instance = init(element.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.on('click', (event) => click.current?.(event as unknown as EChartClick));
      instance.setOption(latest.current, true);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
    });
    return () => {
      closed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

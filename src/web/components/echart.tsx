import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// SVG: crisp at any zoom and in screenshots, and light for the small charts of these screens.
// Each chart registers the series and components it uses (tree-shaken `echarts/core` imports).
use([SVGRenderer]);

const prefersReducedMotion = () =>
  typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

type Props = {
  option: EChartsCoreOption;
  /** CSS height; the chart takes the full width of its container and follows its size. */
  height: number | string;
  /** What the chart shows, for screen readers (the figures are also in a table next to it). */
  ariaLabel: string;
  testId?: string;
};

/**
 * An Apache ECharts chart as a React component: created on mount, updated when `option`
 * changes (pass a memoised option), resized with its container, disposed on unmount.
 */
export function EChart({ option, height, ariaLabel, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(prefersReducedMotion() ? { ...option, animation: false } : option, {
      notMerge: true,
    });
  }, [option]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', height }}
    />
  );
}

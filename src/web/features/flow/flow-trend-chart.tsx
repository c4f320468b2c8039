import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { formatMonth, formatNumber } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import type { TrendSeries } from './flow-figures';

use([LineChart, GridComponent, LegendComponent, TooltipComponent]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#9c36b5', '#f08c00', '#495057'];

/**
 * The monthly trend of the main metrics as lines. A suppressed month is null: the line breaks
 * there (connectNulls off) instead of dropping to zero, and the tooltip says 「秘匿」.
 * Loaded on its own (React.lazy), so ECharts is fetched only by the people who open the page.
 */
export default function FlowTrendChart({
  months,
  series,
  municipalityName,
}: {
  months: string[];
  series: TrendSeries[];
  municipalityName: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo<Option>(
    () => ({
      aria: { enabled: false },
      grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, type: 'plain' },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) =>
          typeof value === 'number' ? formatNumber(value, language) : t('flow.suppressed'),
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: months.map((m) => formatMonth(m, language)),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s, i): LineSeriesOption => ({
        type: 'line',
        name: t(`flow.metrics.${s.metric}`),
        color: COLORS[i % COLORS.length],
        data: s.values.map((v) => (v === null ? '-' : v)),
        connectNulls: false,
        symbolSize: 7,
        emphasis: { focus: 'series' },
      })),
    }),
    [months, series, language, t],
  );
  return (
    <EChart
      option={option}
      height={340}
      ariaLabel={t('flow.trend.aria', { name: municipalityName })}
      testId="flow-trend-chart"
    />
  );
}

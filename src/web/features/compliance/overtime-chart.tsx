import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_MONTHLY_LIMIT_MINUTES } from '../../../domain/labor/labor-rules';
import { EChart } from '../../components/echart';
import { formatMinutes, formatMonth } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import type { OvertimeBar } from './compliance-figures';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent]);

type Option = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

const hoursLabel = (hours: number) => formatMinutes(Math.round(hours * 60));

/**
 * Overtime by worker for a month, as horizontal stacked bars (names stay readable on a phone):
 * 時間外 up to 60 h, beyond 60 h, and legal-holiday work, with the 36 agreement's 45 h line.
 * Loaded on its own (React.lazy), so ECharts is fetched only by the people who open this page.
 */
export default function OvertimeChart({ bars, month }: { bars: OvertimeBar[]; month: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = useMemo<Option>(() => {
    const names = bars.map((b) => b.workerName);
    const series = (
      name: string,
      color: string,
      values: number[],
      withLimitLine: boolean,
    ): BarSeriesOption => ({
      type: 'bar',
      name,
      stack: 'overtime',
      color,
      barMaxWidth: 22,
      emphasis: { focus: 'series' },
      data: values,
      ...(withLimitLine
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#c92a2a', type: 'dashed' },
              label: { formatter: t('compliance.chart.limit45'), position: 'start' },
              data: [{ xAxis: AGREEMENT_MONTHLY_LIMIT_MINUTES / 60 }],
            },
          }
        : {}),
    });
    return {
      aria: { enabled: false },
      grid: { left: 8, right: 24, top: 40, bottom: 8 },
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => (typeof value === 'number' ? hoursLabel(value) : String(value)),
      },
      xAxis: {
        type: 'value',
        name: t('compliance.chart.hours'),
        nameLocation: 'end',
        max: (extent: { max: number }) =>
          Math.max(Math.ceil(extent.max / 10) * 10, AGREEMENT_MONTHLY_LIMIT_MINUTES / 60 + 5),
      },
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
      series: [
        series(
          t('compliance.chart.overtimeWithin60'),
          '#4263eb',
          bars.map((b) => b.overtimeWithin60Hours),
          true,
        ),
        series(
          t('compliance.chart.overtimeOver60'),
          '#e8590c',
          bars.map((b) => b.overtimeOver60Hours),
          false,
        ),
        series(
          t('compliance.chart.legalHoliday'),
          '#9c36b5',
          bars.map((b) => b.legalHolidayHours),
          false,
        ),
      ],
    };
  }, [bars, t]);
  return (
    <EChart
      option={option}
      height={Math.max(180, 70 + bars.length * 30)}
      ariaLabel={t('compliance.chart.aria', { month: formatMonth(month, language) })}
      testId="overtime-chart"
    />
  );
}

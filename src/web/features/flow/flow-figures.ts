import type { MunicipalityFlow } from './flow-api';

/**
 * How the people-flow page arranges the server's figures. The figures are already protected
 * (decision 9): a suppressed one has no value, and nothing here estimates or fills one in —
 * a suppressed month is a gap in a chart and 「秘匿」 in a table, never a zero.
 */

type Metric = MunicipalityFlow['metrics'][number]['metric'];
export type FlowFigure = { value: number | null; suppressed: boolean };

/** The metrics of the monthly chart: who came, and how they stayed. */
export const TREND_CHART_METRICS = [
  'visitors',
  'overnight_visitors',
  'day_trippers',
  'repeat_visitors',
  'workationers',
] as const satisfies readonly Metric[];

/** The metrics of the monthly table, in reading order (the chart's first). */
export const TREND_TABLE_METRICS = [
  ...TREND_CHART_METRICS,
  'visitors_weekday',
  'visitors_holiday',
  'visit_days',
  'trips',
  'dual_residents',
  'passers_through',
] as const satisfies readonly Metric[];

export type TrendSeries = { metric: Metric; values: (number | null)[] };

/**
 * One series per metric over the dataset's months; a suppressed month is null, which ECharts
 * draws as a gap in the line.
 * @example trendSeries(flow, ['visitors']) // { months: ['2026-04', …], series: [{ metric: 'visitors', values: [305, null, …] }] }
 */
export function trendSeries(
  flow: Pick<MunicipalityFlow, 'dataset' | 'metrics'>,
  metrics: readonly Metric[],
): { months: string[]; series: TrendSeries[] } {
  const months = flow.dataset?.months ?? [];
  const byMetric = new Map(flow.metrics.map((m) => [m.metric, m]));
  return {
    months,
    series: metrics.map((metric) => {
      const row = byMetric.get(metric);
      const byMonth = new Map(row?.months.map((f) => [f.month, f]) ?? []);
      return {
        metric,
        values: months.map((month) => {
          const figure = byMonth.get(month);
          return figure && !figure.suppressed ? figure.value : null;
        }),
      };
    }),
  };
}

export type TrendRow = { metric: Metric; months: FlowFigure[]; period: FlowFigure };

const SUPPRESSED: FlowFigure = { value: null, suppressed: true };

/** The table's rows: each metric's months (in the dataset's order) and its period total. */
export function trendRows(
  flow: Pick<MunicipalityFlow, 'dataset' | 'metrics'>,
  metrics: readonly Metric[],
): TrendRow[] {
  const months = flow.dataset?.months ?? [];
  const byMetric = new Map(flow.metrics.map((m) => [m.metric, m]));
  return metrics.map((metric) => {
    const row = byMetric.get(metric);
    const byMonth = new Map(row?.months.map((f) => [f.month, f]) ?? []);
    return {
      metric,
      months: months.map((month) => byMonth.get(month) ?? SUPPRESSED),
      period: row?.period ?? SUPPRESSED,
    };
  });
}

/** Whether any figure of the rows is suppressed (the table then explains 「秘匿」). */
export function anySuppressed(rows: readonly TrendRow[]): boolean {
  return rows.some((r) => r.period.suppressed || r.months.some((m) => m.suppressed));
}

/** The choices of whose origins to list: the whole period first, then each month. */
export function originScopeOptions(flow: Pick<MunicipalityFlow, 'dataset'>): string[] {
  return flow.dataset ? ['period', ...flow.dataset.months] : ['period'];
}

/** A scope from the address bar, or the period when it is not one of the dataset's. */
export function originScopeFromParam(param: string | null): string {
  return param !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(param) ? param : 'period';
}

/**
 * The origins as the map reads them: a value per prefecture keyed by its two-digit number
 * (the map's region names), with the largest value for the colour scale.
 * @example prefectureMapValues([{ prefectureCode: '130001', name: '東京都', value: 120 }])
 * // { values: [{ key: '13', prefectureCode: '130001', name: '東京都', value: 120 }], max: 120 }
 */
export function prefectureMapValues(byPrefecture: MunicipalityFlow['origins']['byPrefecture']): {
  values: { key: string; prefectureCode: string; name: string | null; value: number }[];
  max: number;
} {
  const values = byPrefecture
    .filter((p) => /^\d{6}$/.test(p.prefectureCode))
    .map((p) => ({ key: p.prefectureCode.slice(0, 2), ...p }));
  return { values, max: values.reduce((max, p) => Math.max(max, p.value), 0) };
}

/** The listed origins, largest first; 'unknown' (home not known) last. */
export function originRows(
  items: MunicipalityFlow['origins']['items'],
): MunicipalityFlow['origins']['items'] {
  return [...items].sort(
    (a, b) =>
      Number(a.kind === 'unknown') - Number(b.kind === 'unknown') ||
      b.value - a.value ||
      a.code.localeCompare(b.code),
  );
}

/**
 * Visitors whose home is not in the list of origins: hidden ones (under k, or protecting another
 * figure). The API's `notListed` also counts unknown homes; when those are listed as a row of
 * their own they are taken out here, so no one is shown twice. Null when visitors are suppressed.
 * @example hiddenOriginVisitors({ notListed: 40, items: [{ kind: 'unknown', value: 29, … }] }) // 11
 */
export function hiddenOriginVisitors(
  origins: Pick<MunicipalityFlow['origins'], 'notListed' | 'items'>,
): number | null {
  if (origins.notListed === null) return null;
  const unknown = origins.items.find((i) => i.kind === 'unknown')?.value ?? 0;
  return Math.max(0, origins.notListed - unknown);
}

import type { FlowDatasetView, MunicipalityFlowResponse } from '../../../contracts/flow';
import { isPrefectureCode } from '../../../domain/geo/local-gov-code';
import { prefectureOfOrigin } from '../../../domain/mobility/disclosure';
import { UNKNOWN_ORIGIN } from '../../../domain/mobility/flow-aggregate';
import { FLOW_METRICS, type FlowMetric, PERIOD_SCOPE } from '../../../domain/mobility/metrics';

type Figure = { value: number | null; suppressed: boolean };

const SEGMENTS = [
  { segment: '2-7', metric: 'connected_2_7' },
  { segment: '8-30', metric: 'connected_8_30' },
  { segment: '31+', metric: 'connected_31_plus' },
] as const;

/**
 * The stored figures of one municipality as the page shows them: every metric for every month
 * of the dataset and the period. A figure that is not stored is suppressed — a municipality none
 * of whose figures met k is not stored at all, and shows as wholly suppressed.
 */
export function municipalityFigures(
  dataset: FlowDatasetView | null,
  cells: readonly { scope: string; metric: string; value: number | null }[],
): Pick<
  MunicipalityFlowResponse,
  'metrics' | 'connectedPopulation' | 'listed' | 'suppressedCells'
> {
  const byKey = new Map(cells.map((c) => [`${c.scope}|${c.metric}`, c.value]));
  const figure = (scope: string, metric: FlowMetric): Figure => {
    const value = byKey.get(`${scope}|${metric}`) ?? null;
    return { value, suppressed: value === null };
  };
  const months = dataset?.months ?? [];
  const metrics = dataset
    ? FLOW_METRICS.map((metric) => ({
        metric,
        months: months.map((month) => ({ month, ...figure(month, metric) })),
        period: figure(PERIOD_SCOPE, metric),
      }))
    : [];
  const suppressedCells = dataset
    ? (months.length + 1) * FLOW_METRICS.length - cells.filter((c) => c.value !== null).length
    : 0;
  return {
    listed: cells.length > 0,
    suppressedCells,
    metrics,
    connectedPopulation: {
      total: figure(PERIOD_SCOPE, 'connected_population'),
      segments: SEGMENTS.map((s) => ({ ...s, ...figure(PERIOD_SCOPE, s.metric) })),
    },
  };
}

/**
 * The published origins of one scope, and their sum per home prefecture for the map. What is
 * not listed (hidden origins, unknown homes) is the visitors' figure less the listed ones — a
 * reader could subtract that anyway, so saying it reveals nothing.
 */
export function originView(
  scope: string,
  rows: readonly { origin: string; value: number; name: string | null }[],
  visitors: number | null,
  prefectureNames: ReadonlyMap<string, string>,
): MunicipalityFlowResponse['origins'] {
  const items = rows.map((r) => {
    const kind =
      r.origin === UNKNOWN_ORIGIN
        ? 'unknown'
        : isPrefectureCode(r.origin)
          ? 'prefecture'
          : 'municipality';
    return {
      code: r.origin,
      kind,
      name: r.name,
      prefectureCode: kind === 'unknown' ? null : prefectureOfOrigin(r.origin),
      value: r.value,
    } as const;
  });
  const byPrefecture = new Map<string, number>();
  let listed = 0;
  for (const item of items) {
    if (item.prefectureCode !== null) {
      byPrefecture.set(
        item.prefectureCode,
        (byPrefecture.get(item.prefectureCode) ?? 0) + item.value,
      );
      listed += item.value;
    }
  }
  return {
    scope,
    items,
    byPrefecture: [...byPrefecture]
      .map(([prefectureCode, value]) => ({
        prefectureCode,
        name: prefectureNames.get(prefectureCode) ?? null,
        value,
      }))
      .sort((a, b) => b.value - a.value || a.prefectureCode.localeCompare(b.prefectureCode)),
    notListed: visitors === null ? null : Math.max(0, visitors - listed),
  };
}

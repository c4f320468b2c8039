/**
 * The files `flow analyze` writes into OUT: the protected metrics and origins (CSV and JSON)
 * and the quality report. Only already-protected figures reach these files: a suppressed cell
 * has no value, a hidden origin is not listed.
 */
import path from 'node:path';
import { isPrefectureCode } from '../../domain/geo/local-gov-code';
import { UNKNOWN_ORIGIN } from '../../domain/mobility/flow-aggregate';
import { type FlowPublication, publishedOrigins } from '../../domain/mobility/flow-publication';
import { FLOW_METRICS, PERIOD_SCOPE } from '../../domain/mobility/metrics';
import { writeFileAtomicallySync } from './flow-bucket-file';
import { csvField } from './process-bucket';

/** What a published dataset says about itself (metrics.json, the platform's flow_datasets). */
export type FlowRunMetadata = {
  /** The input's file name (never its folder: paths may name people or machines). */
  source: string;
  boundaries: string;
  period: { first: string; last: string; months: string[] };
  profile: string;
  k: number;
  minOriginDevices: number;
  /** Devices with a known home active on at least 3 days of the period: the panel. */
  panelDevices: number;
  /** Devices with any fix in the period. */
  devices: number;
  municipalities: number;
  withheldMunicipalities: number;
  cells: number;
  suppressedCells: number;
  belowK: number;
  complementary: number;
  originsPublished: number;
  generatedAt: string;
};

export type OriginKind = 'municipality' | 'prefecture' | 'unknown';

export function originKindOf(origin: string): OriginKind {
  if (origin === UNKNOWN_ORIGIN) return 'unknown';
  return isPrefectureCode(origin) ? 'prefecture' : 'municipality';
}

export type MetricRow = {
  municipality: string;
  name: string | null;
  scope: string;
  metric: string;
  value: number | null;
  suppressed: boolean;
};

export type OriginRow = {
  municipality: string;
  name: string | null;
  scope: string;
  origin: string;
  originKind: OriginKind;
  originName: string | null;
  value: number;
};

const METRIC_ORDER = new Map<string, number>(FLOW_METRICS.map((m, i) => [m, i]));
const scopeOrder = (scope: string) => (scope === PERIOD_SCOPE ? '9999-99' : scope);

/** The published rows, ordered by municipality, metric (FLOW_METRICS order), then month. */
export function publicationRows(
  publication: FlowPublication,
  names: ReadonlyMap<string, string>,
): { metrics: MetricRow[]; origins: OriginRow[] } {
  const metrics = publication.cells
    .map((c) => ({
      municipality: c.municipality,
      name: names.get(c.municipality) ?? null,
      scope: c.scope,
      metric: c.metric,
      value: c.published,
      suppressed: c.published === null,
    }))
    .sort(
      (a, b) =>
        a.municipality.localeCompare(b.municipality) ||
        METRIC_ORDER.get(a.metric)! - METRIC_ORDER.get(b.metric)! ||
        scopeOrder(a.scope).localeCompare(scopeOrder(b.scope)),
    );
  const origins = publishedOrigins(publication)
    .map((o) => ({
      municipality: o.municipality,
      name: names.get(o.municipality) ?? null,
      scope: o.scope,
      origin: o.origin,
      originKind: originKindOf(o.origin),
      originName: names.get(o.origin) ?? null,
      value: o.published!,
    }))
    .sort(
      (a, b) =>
        a.municipality.localeCompare(b.municipality) ||
        scopeOrder(a.scope).localeCompare(scopeOrder(b.scope)) ||
        b.value - a.value ||
        a.origin.localeCompare(b.origin),
    );
  return { metrics, origins };
}

const line = (fields: (string | number | null)[]) =>
  `${fields.map((f) => (f === null ? '' : csvField(String(f)))).join(',')}\n`;

export type FlowOutputFiles = {
  metricsCsv: string;
  metricsJson: string;
  originsCsv: string;
  originsJson: string;
};

/** Writes metrics.csv/json and origins.csv/json into `outDir`, each atomically. */
export function writeFlowOutputs(
  outDir: string,
  rows: { metrics: MetricRow[]; origins: OriginRow[] },
  metadata: FlowRunMetadata,
): FlowOutputFiles {
  const files: FlowOutputFiles = {
    metricsCsv: path.join(outDir, 'metrics.csv'),
    metricsJson: path.join(outDir, 'metrics.json'),
    originsCsv: path.join(outDir, 'origins.csv'),
    originsJson: path.join(outDir, 'origins.json'),
  };
  let csv = line([
    'municipality_code',
    'municipality_name',
    'scope',
    'metric',
    'value',
    'suppressed',
  ]);
  for (const r of rows.metrics) {
    csv += line([
      r.municipality,
      r.name,
      r.scope,
      r.metric,
      r.value,
      r.suppressed ? 'true' : 'false',
    ]);
  }
  writeFileAtomicallySync(files.metricsCsv, csv);
  writeFileAtomicallySync(
    files.metricsJson,
    `${JSON.stringify({ metadata, cells: rows.metrics }, null, 1)}\n`,
  );
  let origins = line([
    'municipality_code',
    'municipality_name',
    'scope',
    'origin_code',
    'origin_kind',
    'origin_name',
    'value',
  ]);
  for (const r of rows.origins) {
    origins += line([
      r.municipality,
      r.name,
      r.scope,
      r.origin,
      r.originKind,
      r.originName,
      r.value,
    ]);
  }
  writeFileAtomicallySync(files.originsCsv, origins);
  writeFileAtomicallySync(
    files.originsJson,
    `${JSON.stringify(
      {
        metadata,
        note: 'Published origins only: an origin missing from a scope is zero, below k, or protected.',
        origins: rows.origins,
      },
      null,
      1,
    )}\n`,
  );
  return files;
}

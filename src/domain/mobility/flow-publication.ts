import {
  type CellStatus,
  DEFAULT_K,
  DEFAULT_MIN_ORIGIN_DEVICES,
  type DisclosureCell,
  type DisclosureRelation,
  prefectureOfOrigin,
  protectCells,
} from './disclosure';
import { type FlowAggregate, UNKNOWN_ORIGIN } from './flow-aggregate';
import { FLOW_METRICS, type FlowMetric, PERIOD_SCOPE } from './metrics';

/**
 * What a people-flow analysis publishes (decision 9): for each municipality, every metric per
 * month and for the period, and the origins of its visitors — all protected together, because
 * the tables are linked by more sums than the months of one metric:
 * - months sum to the period (assumed for distinct counts too, which errs on the safe side);
 * - a metric split into exclusive parts sums to its whole (`FLOW_METRIC_SPLITS`);
 * - origins sum to the visitors of their month or period, and an origin's months to its period.
 * A cell may sit in three of these at once, so the tables are not hierarchical; `protectCells`
 * audits them exactly (no linear combination recovers a hidden cell).
 */

/** Metrics that are the exact sum of others, per cell (metrics.ts guarantees each split). */
export const FLOW_METRIC_SPLITS: readonly { total: FlowMetric; parts: readonly FlowMetric[] }[] = [
  // A visitor either stayed a night in the scope or did not.
  { total: 'visitors', parts: ['overnight_visitors', 'day_trippers'] },
  // A visit-day is on a working day or on a weekend or holiday.
  { total: 'visit_days', parts: ['visit_days_weekday', 'visit_days_holiday'] },
  // A connected person is in exactly one segment of visit-days.
  {
    total: 'connected_population',
    parts: ['connected_2_7', 'connected_8_30', 'connected_31_plus'],
  },
];

/** The metric whose origins are published (where the visitors live). */
export const ORIGIN_METRIC: FlowMetric = 'visitors';

export type FlowPublicationOptions = {
  k: number;
  /** Origin municipalities with fewer devices over the period are merged into their prefecture. */
  minOriginDevices: number;
};

export const FLOW_PUBLICATION_DEFAULTS: Readonly<FlowPublicationOptions> = Object.freeze({
  k: DEFAULT_K,
  minOriginDevices: DEFAULT_MIN_ORIGIN_DEVICES,
});

export type ProtectedFlowCell = {
  municipality: string;
  scope: string;
  metric: FlowMetric;
  value: number;
  devices: number;
  status: CellStatus;
  /** The figure shown; null when suppressed. */
  published: number | null;
};

export type ProtectedOriginCell = {
  municipality: string;
  scope: string;
  /** A municipality code (≥ minOriginDevices devices), a prefecture code ("the rest of that prefecture") or `unknown`. */
  origin: string;
  value: number;
  devices: number;
  status: CellStatus;
  published: number | null;
};

export type FlowPublication = {
  /**
   * Every metric × scope of each municipality with at least one published figure, suppressed
   * cells included (a fixed grid, so a hidden cell says nothing by being listed).
   */
  cells: ProtectedFlowCell[];
  /**
   * The origin grid of each listed municipality (every origin seen there, in every scope, zeros
   * filled in), hidden cells included for audit. List only {@link publishedOrigins}: listing a
   * hidden origin would tell that someone came from there.
   */
  origins: ProtectedOriginCell[];
  /** Municipalities left out because none of their figures could be published. */
  withheldMunicipalities: number;
  counts: {
    cells: number;
    published: number;
    belowK: number;
    complementary: number;
    originCells: number;
    originsPublished: number;
  };
};

type Counter = { value: number; devices: number };

const add = (map: Map<string, Counter>, key: string, value: number, devices: number) => {
  const c = map.get(key);
  if (c) {
    c.value += value;
    c.devices += devices;
  } else map.set(key, { value, devices });
};

/** One municipality's counters: metric cells `scope|metric`, origin cells `scope|origin`. */
type MunicipalityTables = { metrics: Map<string, Counter>; origins: Map<string, Counter> };

function tablesByMunicipality(aggregate: FlowAggregate, scopes: ReadonlySet<string>) {
  const originIndex = FLOW_METRICS.indexOf(ORIGIN_METRIC);
  const out = new Map<string, MunicipalityTables>();
  for (const c of aggregate.cells.values()) {
    if (!scopes.has(c.scope)) continue;
    let t = out.get(c.municipality);
    if (!t) out.set(c.municipality, (t = { metrics: new Map(), origins: new Map() }));
    for (let i = 0; i < FLOW_METRICS.length; i++) {
      if (c.devices[i] === 0) continue;
      add(t.metrics, `${c.scope}|${FLOW_METRICS[i]}`, c.values[i]!, c.devices[i]!);
    }
    if (c.devices[originIndex]! > 0) {
      add(t.origins, `${c.scope}|${c.origin}`, c.values[originIndex]!, c.devices[originIndex]!);
    }
  }
  return out;
}

/**
 * Origins as published: a municipality of origin stays when at least `minDevices` of the
 * period's visitors live there, otherwise it joins "the rest of its prefecture". Decided on
 * the period so that an origin is keyed alike in every month (its months sum to its period).
 */
function mergeOrigins(origins: Map<string, Counter>, minDevices: number): Map<string, Counter> {
  const keep = new Set<string>();
  for (const [key, c] of origins) {
    const [scope, origin] = key.split('|') as [string, string];
    if (scope === PERIOD_SCOPE && origin !== UNKNOWN_ORIGIN && c.devices >= minDevices) {
      keep.add(origin);
    }
  }
  const merged = new Map<string, Counter>();
  for (const [key, c] of origins) {
    const [scope, origin] = key.split('|') as [string, string];
    const shown =
      origin === UNKNOWN_ORIGIN || keep.has(origin) ? origin : prefectureOfOrigin(origin);
    add(merged, `${scope}|${shown}`, c.value, c.devices);
  }
  return merged;
}

/**
 * Protects everything a people-flow analysis publishes (docs/domain-mobility.md §6, decisions
 * 7 and 8): per municipality, the 18 metrics for each month of the period and the period
 * itself (zeros filled in), and the origins of its visitors. At least `k` distinct devices per
 * published cell; complementary suppression over every sum a reader could use — months to
 * period, the exclusive splits of a metric (visitors = overnight_visitors + day_trippers,
 * visit_days = weekday + holiday, connected_population = its three segments), origins to
 * visitors, an origin's months to its period — until no hidden cell can be recovered by any
 * linear combination. Raw panel counts are shown as they are (no expansion, no rounding).
 *
 * @example
 * const publication = protectFlowTables(aggregate, ['2026-07', '2026-08'], { k: 10, minOriginDevices: 50 });
 * // publication.cells: [{ municipality: '203211', scope: '2026-08', metric: 'visitors', devices: 812, published: 812, … }, …]
 */
export function protectFlowTables(
  aggregate: FlowAggregate,
  months: readonly string[],
  options: FlowPublicationOptions = FLOW_PUBLICATION_DEFAULTS,
): FlowPublication {
  const k = options.k;
  // An origin shown by name must pass k on its own in the period, whatever the merge threshold.
  const minOriginDevices = Math.max(options.minOriginDevices, k);
  const scopes = [...months, PERIOD_SCOPE];
  const byMunicipality = tablesByMunicipality(aggregate, new Set(scopes));
  const publication: FlowPublication = {
    cells: [],
    origins: [],
    withheldMunicipalities: 0,
    counts: {
      cells: 0,
      published: 0,
      belowK: 0,
      complementary: 0,
      originCells: 0,
      originsPublished: 0,
    },
  };

  for (const municipality of [...byMunicipality.keys()].sort()) {
    const tables = byMunicipality.get(municipality)!;
    const origins = mergeOrigins(tables.origins, minOriginDevices);
    const originKeys = [...new Set([...origins.keys()].map((key) => key.split('|')[1]!))].sort();

    const cells: DisclosureCell[] = [];
    for (const scope of scopes) {
      for (const metric of FLOW_METRICS) {
        const c = tables.metrics.get(`${scope}|${metric}`);
        cells.push({ id: `m|${scope}|${metric}`, devices: c?.devices ?? 0, value: c?.value ?? 0 });
      }
      for (const origin of originKeys) {
        const c = origins.get(`${scope}|${origin}`);
        cells.push({ id: `o|${scope}|${origin}`, devices: c?.devices ?? 0, value: c?.value ?? 0 });
      }
    }
    const relations: DisclosureRelation[] = [];
    for (const metric of FLOW_METRICS) {
      relations.push({
        total: `m|${PERIOD_SCOPE}|${metric}`,
        members: months.map((scope) => `m|${scope}|${metric}`),
      });
    }
    for (const scope of scopes) {
      for (const split of FLOW_METRIC_SPLITS) {
        relations.push({
          total: `m|${scope}|${split.total}`,
          members: split.parts.map((part) => `m|${scope}|${part}`),
        });
      }
      if (originKeys.length > 0) {
        relations.push({
          total: `m|${scope}|${ORIGIN_METRIC}`,
          members: originKeys.map((origin) => `o|${scope}|${origin}`),
        });
      }
    }
    for (const origin of originKeys) {
      relations.push({
        total: `o|${PERIOD_SCOPE}|${origin}`,
        members: months.map((scope) => `o|${scope}|${origin}`),
      });
    }

    const result = protectCells(cells, relations, { k, roundTo: null });
    if (!result.some((p) => p.status === 'published' && p.id.startsWith('m|'))) {
      publication.withheldMunicipalities += 1;
      continue;
    }
    result.forEach((p, i) => {
      const cell = cells[i]!;
      const [kind, scope, key] = p.id.split('|') as ['m' | 'o', string, string];
      if (kind === 'm') {
        publication.cells.push({
          municipality,
          scope,
          metric: key as FlowMetric,
          value: cell.value,
          devices: cell.devices,
          status: p.status,
          published: p.value,
        });
        publication.counts.cells += 1;
        if (p.status === 'published') publication.counts.published += 1;
        else if (p.status === 'below_k') publication.counts.belowK += 1;
        else publication.counts.complementary += 1;
        return;
      }
      publication.counts.originCells += 1;
      if (p.status === 'published') publication.counts.originsPublished += 1;
      publication.origins.push({
        municipality,
        scope,
        origin: key,
        value: cell.value,
        devices: cell.devices,
        status: p.status,
        published: p.value,
      });
    });
  }
  return publication;
}

/**
 * The origin cells that may be listed: the published ones. An origin missing from a scope's
 * list is zero, under k, or protected — a reader cannot tell which.
 * @example publishedOrigins(protectFlowTables(aggregate, months)).map((o) => o.origin) // ['130001', 'unknown']
 */
export function publishedOrigins(publication: FlowPublication): ProtectedOriginCell[] {
  return publication.origins.filter((o) => o.status === 'published');
}

import { FLOW_DEFAULTS, FLOW_METRICS, type DeviceFlow, type FlowMetric } from './metrics';

/**
 * The mergeable aggregate of the people-flow metrics (decision 7). Per-device rows are added
 * into counters keyed by (municipality, scope, origin); two aggregates of disjoint device sets
 * merge by adding counters, so partitions (by device hash) can be analysed apart and combined
 * in any order. Every device row is that device's single contribution to its cell, so the
 * number of rows with a non-zero value *is* the number of distinct devices behind a value —
 * the figure the k-anonymity test needs — and no device set has to be kept.
 * The one rule: each device is analysed exactly once (one partition holds all its pings).
 */

const METRIC_COUNT = FLOW_METRICS.length;
const METRIC_INDEX = new Map<FlowMetric, number>(FLOW_METRICS.map((m, i) => [m, i]));

/** Origin key of devices whose home is unknown. */
export const UNKNOWN_ORIGIN = 'unknown';

export type FlowCell = {
  municipality: string;
  scope: string;
  /** Home municipality code, or UNKNOWN_ORIGIN. */
  origin: string;
  /** Per metric (FLOW_METRICS order): the sum of the devices' values. */
  values: Float64Array;
  /** Per metric: how many devices contributed a non-zero value. */
  devices: Float64Array;
};

export type QualityCounters = {
  /** Devices active in the scope (any fix or stay point). */
  devices: number;
  /** Of which active on fewer than `minActiveDaysForRates` analysis days: left out of rates. */
  lowActivityDevices: number;
  /** Over the devices kept: device-days active, and with a stay point. */
  activeDeviceDays: number;
  stayDeviceDays: number;
};

export type FlowAggregate = {
  /** Key `municipality|scope|origin`. */
  cells: Map<string, FlowCell>;
  /** Key `scope|home`: panel devices living in a municipality (home known, not low-activity). */
  panel: Map<string, number>;
  /** Key scope. */
  quality: Map<string, QualityCounters>;
};

/** @example const aggregate = createFlowAggregate(); */
export function createFlowAggregate(): FlowAggregate {
  return { cells: new Map(), panel: new Map(), quality: new Map() };
}

function cellOf(
  aggregate: FlowAggregate,
  municipality: string,
  scope: string,
  origin: string,
): FlowCell {
  const key = `${municipality}|${scope}|${origin}`;
  let cell = aggregate.cells.get(key);
  if (!cell) {
    cell = {
      municipality,
      scope,
      origin,
      values: new Float64Array(METRIC_COUNT),
      devices: new Float64Array(METRIC_COUNT),
    };
    aggregate.cells.set(key, cell);
  }
  return cell;
}

/**
 * Adds one device's contribution into an aggregate the caller owns (mutated in place: the
 * aggregate of a partition grows device by device).
 *
 * @example
 * for (const device of partition) addDeviceFlow(aggregate, computeDeviceFlow(device, context));
 */
export function addDeviceFlow(
  aggregate: FlowAggregate,
  flow: DeviceFlow,
  minActiveDaysForRates: number = FLOW_DEFAULTS.minActiveDaysForRates,
): void {
  for (const row of flow.cells) {
    const cell = cellOf(aggregate, row.municipality, row.scope, row.origin ?? UNKNOWN_ORIGIN);
    for (let i = 0; i < METRIC_COUNT; i++) {
      const value = row.values[FLOW_METRICS[i]!];
      if (value === 0) continue;
      cell.values[i] = cell.values[i]! + value;
      cell.devices[i] = cell.devices[i]! + 1;
    }
  }
  for (const s of flow.scopes) {
    if (s.activeDays === 0) continue;
    let q = aggregate.quality.get(s.scope);
    if (!q) {
      q = { devices: 0, lowActivityDevices: 0, activeDeviceDays: 0, stayDeviceDays: 0 };
      aggregate.quality.set(s.scope, q);
    }
    q.devices += 1;
    if (s.activeDays < minActiveDaysForRates) {
      q.lowActivityDevices += 1;
      continue;
    }
    q.activeDeviceDays += s.activeDays;
    q.stayDeviceDays += s.stayDays;
    if (s.home !== null) {
      const key = `${s.scope}|${s.home}`;
      aggregate.panel.set(key, (aggregate.panel.get(key) ?? 0) + 1);
    }
  }
}

/**
 * Adds aggregate `from` into `into` (both of disjoint device sets, e.g. two partitions).
 * @example mergeFlowAggregates(total, partitionAggregate);
 */
export function mergeFlowAggregates(into: FlowAggregate, from: FlowAggregate): void {
  for (const c of from.cells.values()) {
    const cell = cellOf(into, c.municipality, c.scope, c.origin);
    for (let i = 0; i < METRIC_COUNT; i++) {
      cell.values[i] = cell.values[i]! + c.values[i]!;
      cell.devices[i] = cell.devices[i]! + c.devices[i]!;
    }
  }
  for (const [key, n] of from.panel) into.panel.set(key, (into.panel.get(key) ?? 0) + n);
  for (const [scope, q] of from.quality) {
    const t = into.quality.get(scope);
    if (!t) into.quality.set(scope, { ...q });
    else {
      t.devices += q.devices;
      t.lowActivityDevices += q.lowActivityDevices;
      t.activeDeviceDays += q.activeDeviceDays;
      t.stayDeviceDays += q.stayDeviceDays;
    }
  }
}

/** scope → origin → weight. */
export type ExpansionWeights = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Expansion weights (docs/domain-mobility.md §5): for each scope and home municipality,
 * resident population ÷ panel devices living there. Devices of unknown home (and homes missing
 * from `population`) get the scope's overall ratio, Σ population ÷ Σ panel over the homes that
 * have both.
 *
 * @example
 * expansionWeights(aggregate, new Map([['131016', 67_000]]));
 * // Map { '2026-08' => Map { '131016' => 670, 'unknown' => 670 } } with 100 panel devices in 千代田区
 */
export function expansionWeights(
  aggregate: FlowAggregate,
  population: ReadonlyMap<string, number>,
): ExpansionWeights {
  const weights = new Map<string, Map<string, number>>();
  const totals = new Map<string, { population: number; panel: number }>();
  for (const [key, panel] of aggregate.panel) {
    const [scope, home] = key.split('|') as [string, string];
    const pop = population.get(home);
    let scopeWeights = weights.get(scope);
    if (!scopeWeights) weights.set(scope, (scopeWeights = new Map()));
    if (pop === undefined || panel === 0) continue;
    scopeWeights.set(home, pop / panel);
    const t = totals.get(scope) ?? { population: 0, panel: 0 };
    t.population += pop;
    t.panel += panel;
    totals.set(scope, t);
  }
  for (const [scope, scopeWeights] of weights) {
    const t = totals.get(scope);
    const overall = t && t.panel > 0 ? t.population / t.panel : 1;
    scopeWeights.set(UNKNOWN_ORIGIN, overall);
  }
  return weights;
}

function weightOf(weights: ExpansionWeights | undefined, scope: string, origin: string): number {
  const scopeWeights = weights?.get(scope);
  return scopeWeights?.get(origin) ?? scopeWeights?.get(UNKNOWN_ORIGIN) ?? 1;
}

/** One published figure before disclosure control. */
export type MetricCell = {
  municipality: string;
  scope: string;
  value: number;
  /** Distinct devices behind the value (the k test's count). */
  devices: number;
  /** The value expanded to population, when weights were given. */
  expanded: number | null;
};

export type OriginMetricCell = MetricCell & { origin: string };

/**
 * One metric per (municipality, scope), summed over origins, sorted by municipality and scope.
 * @example metricCells(aggregate, 'visitors') // [{ municipality: '203211', scope: '2026-08', value: 812, devices: 812, expanded: null }, …]
 */
export function metricCells(
  aggregate: FlowAggregate,
  metric: FlowMetric,
  weights?: ExpansionWeights,
): MetricCell[] {
  const i = METRIC_INDEX.get(metric)!;
  const byKey = new Map<string, MetricCell>();
  for (const c of aggregate.cells.values()) {
    if (c.devices[i] === 0) continue;
    const key = `${c.municipality}|${c.scope}`;
    let cell = byKey.get(key);
    if (!cell) {
      cell = {
        municipality: c.municipality,
        scope: c.scope,
        value: 0,
        devices: 0,
        expanded: weights ? 0 : null,
      };
      byKey.set(key, cell);
    }
    cell.value += c.values[i]!;
    cell.devices += c.devices[i]!;
    if (cell.expanded !== null)
      cell.expanded += c.values[i]! * weightOf(weights, c.scope, c.origin);
  }
  return [...byKey.values()].sort(
    (a, b) => a.municipality.localeCompare(b.municipality) || a.scope.localeCompare(b.scope),
  );
}

/**
 * One metric per (municipality, scope, origin): the origin breakdown, sorted.
 * @example originCells(aggregate, 'visitors') // [{ municipality: '203211', scope: '2026-08', origin: '131016', value: 55, … }, …]
 */
export function originCells(
  aggregate: FlowAggregate,
  metric: FlowMetric,
  weights?: ExpansionWeights,
): OriginMetricCell[] {
  const i = METRIC_INDEX.get(metric)!;
  const out: OriginMetricCell[] = [];
  for (const c of aggregate.cells.values()) {
    if (c.devices[i] === 0) continue;
    out.push({
      municipality: c.municipality,
      scope: c.scope,
      origin: c.origin,
      value: c.values[i]!,
      devices: c.devices[i]!,
      expanded: weights ? c.values[i]! * weightOf(weights, c.scope, c.origin) : null,
    });
  }
  return out.sort(
    (a, b) =>
      a.municipality.localeCompare(b.municipality) ||
      a.scope.localeCompare(b.scope) ||
      a.origin.localeCompare(b.origin),
  );
}

export type DataQuality = {
  scope: string;
  devices: number;
  lowActivityDevices: number;
  activeDeviceDays: number;
  stayDeviceDays: number;
  /** Share of device-days with a stay point (devices active on < 3 days left out); null if none. */
  stayShare: number | null;
};

/**
 * The data-quality report (docs/domain-mobility.md §6) per scope.
 * @example dataQuality(aggregate) // [{ scope: '2026-08', devices: 1200, stayShare: 0.83, … }]
 */
export function dataQuality(aggregate: FlowAggregate): DataQuality[] {
  return [...aggregate.quality]
    .map(([scope, q]) => ({
      scope,
      ...q,
      stayShare: q.activeDeviceDays > 0 ? q.stayDeviceDays / q.activeDeviceDays : null,
    }))
    .sort((a, b) => a.scope.localeCompare(b.scope));
}

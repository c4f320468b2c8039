import { isValidLocalGovCode, toPrefectureCode } from '../geo/local-gov-code';
import { UNKNOWN_ORIGIN, type MetricCell, type OriginMetricCell } from './flow-aggregate';
import { PERIOD_SCOPE } from './metrics';

/**
 * Disclosure control of every published people-flow figure (docs/domain-mobility.md §6):
 * k-anonymity per cell, complementary suppression against recovery from totals, rounding of
 * expanded counts, merging of small origins, optional Laplace noise, all as pure functions.
 */

export const DEFAULT_K = 10;
export const DEFAULT_MIN_ORIGIN_DEVICES = 50;
export const DEFAULT_ROUNDING = 10;

/** A figure to publish: its distinct devices decide k; `expanded`, when set, is what is shown. */
export type DisclosureCell = {
  id: string;
  devices: number;
  value: number;
  expanded?: number | null;
};

/** total = Σ members: a published total lets one unknown member (or the total) be recovered. */
export type DisclosureRelation = { total: string; members: readonly string[] };

export type CellStatus = 'published' | 'below_k' | 'complementary';

export type ProtectedCell = {
  id: string;
  status: CellStatus;
  /** The shown figure (expanded if given, rounded if asked), null when suppressed. */
  value: number | null;
};

/** Uniform numbers in [0, 1); pass a seeded one for reproducible noise. */
export type UniformRandom = () => number;

export type LaplaceOptions = {
  epsilon: number;
  random: UniformRandom;
  /** Largest change one device can make to a cell's value (1 for device counts). */
  sensitivity: (id: string) => number;
};

export type DisclosureOptions = {
  k: number;
  /** Round the shown figure to a multiple of this (10 for expanded counts); null: as is. */
  roundTo: number | null;
  /** Differential privacy, applied before the k test; none by default. */
  laplace?: LaplaceOptions | null;
};

/**
 * A draw from Laplace(0, scale) by inverse transform.
 * @example laplaceNoise(1 / 0.5, seededRandom(1)) // a number; |x| exceeds 2·ln 20 ≈ 6 one time in 20
 */
export function laplaceNoise(scale: number, random: UniformRandom): number {
  const u = random() - 0.5;
  const tail = Math.max(1 - 2 * Math.abs(u), Number.MIN_VALUE);
  return -scale * Math.sign(u) * Math.log(tail);
}

/** @example roundToMultiple(1234, 10) === 1230; roundToMultiple(1235, 10) === 1240 */
export function roundToMultiple(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/**
 * Protects a set of cells linked by total = Σ members relations:
 * 1. with `laplace`, each cell's device count and value get Laplace noise (scale
 *    sensitivity/ε; one contribution per device per cell), rounded and kept ≥ 0 — before the k
 *    test, so the test itself leaks nothing;
 * 2. primary suppression: a cell with fewer than k distinct devices (zero included) is hidden;
 * 3. complementary suppression, repeated until nothing changes: wherever a relation has
 *    exactly one hidden cell, the smallest published member is hidden too (the total when no
 *    member is left). No relation then has a single unknown, so subtracting along rows and
 *    columns — however often repeated — recovers nothing; for hierarchical tables (a cell is
 *    a member of one relation and at most the total of one other) no linear combination of
 *    published figures does either. Tables that are not hierarchical (a month × origin cross
 *    table, a metric split into parts that also sum over months) are then audited exactly
 *    ({@link determinedCells}): while some hidden cell is still determined, the smallest
 *    published cell of one of its relations is hidden too, and the fixpoint runs again;
 * 4. the shown figure is `expanded` when given, rounded to `roundTo`.
 *
 * @example
 * protectCells(
 *   [{ id: 'a', devices: 3, value: 3 }, { id: 'b', devices: 12, value: 12 }, { id: 'c', devices: 40, value: 40 }, { id: 't', devices: 55, value: 55 }],
 *   [{ total: 't', members: ['a', 'b', 'c'] }],
 *   { k: 10, roundTo: null },
 * );
 * // a below_k, b complementary (the smallest other member), c and t published
 */
export function protectCells(
  cells: readonly DisclosureCell[],
  relations: readonly DisclosureRelation[],
  options: DisclosureOptions,
): ProtectedCell[] {
  const noisy = new Map<string, { devices: number; value: number; expanded: number | null }>();
  for (const c of cells) {
    let { devices, value } = c;
    let expanded = c.expanded ?? null;
    if (options.laplace) {
      const { epsilon, random, sensitivity } = options.laplace;
      devices = Math.max(0, Math.round(devices + laplaceNoise(1 / epsilon, random)));
      const noisyValue = Math.max(
        0,
        Math.round(value + laplaceNoise(sensitivity(c.id) / epsilon, random)),
      );
      if (expanded !== null) expanded = value > 0 ? (expanded * noisyValue) / value : noisyValue;
      value = noisyValue;
    }
    noisy.set(c.id, { devices, value, expanded });
  }

  const status = new Map<string, CellStatus>();
  for (const c of cells) {
    status.set(c.id, noisy.get(c.id)!.devices < options.k ? 'below_k' : 'published');
  }
  const hidden = (id: string) => status.get(id) !== 'published';
  const shown = (id: string) => noisy.get(id)?.expanded ?? noisy.get(id)?.value ?? 0;

  /** The smallest published member (by shown figure, devices, id), else the published total. */
  const smallestPublished = (r: DisclosureRelation): string | null => {
    let pick: string | null = null;
    for (const m of r.members) {
      if (hidden(m) || !status.has(m)) continue;
      if (
        pick === null ||
        shown(m) < shown(pick) ||
        (shown(m) === shown(pick) && noisy.get(m)!.devices < noisy.get(pick)!.devices) ||
        (shown(m) === shown(pick) && noisy.get(m)!.devices === noisy.get(pick)!.devices && m < pick)
      ) {
        pick = m;
      }
    }
    if (pick === null && status.has(r.total) && !hidden(r.total)) pick = r.total;
    return pick;
  };

  let relationsOf: Map<string, DisclosureRelation[]> | null = null;
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of relations) {
        let unknown = hidden(r.total) ? 1 : 0;
        for (const m of r.members) if (hidden(m)) unknown += 1;
        if (unknown !== 1) continue;
        const pick = smallestPublished(r);
        if (pick !== null) {
          status.set(pick, 'complementary');
          changed = true;
        }
      }
    }
    // Where relations overlap (a cell in two of them: cross tables, splits of a metric), no
    // single unknown per relation is not enough; hide more until no combination recovers a cell.
    const hiddenIds = new Set<string>();
    for (const r of relations) {
      for (const id of [r.total, ...r.members]) if (hidden(id)) hiddenIds.add(id);
    }
    const determined = [...determinedCells(hiddenIds, relations)].sort();
    if (determined.length === 0) break;
    if (relationsOf === null) {
      relationsOf = new Map();
      for (const r of relations) {
        for (const id of [r.total, ...r.members]) {
          const list = relationsOf.get(id);
          if (list) list.push(r);
          else relationsOf.set(id, [r]);
        }
      }
    }
    let pick: string | null = null;
    for (const id of determined) {
      for (const r of relationsOf.get(id) ?? []) {
        pick = smallestPublished(r);
        if (pick !== null) break;
      }
      if (pick !== null) break;
    }
    // Nothing left to hide next to a determined cell: only a forced zero can remain.
    if (pick === null) break;
    status.set(pick, 'complementary');
  }

  return cells.map((c) => {
    const s = status.get(c.id)!;
    if (s !== 'published') return { id: c.id, status: s, value: null };
    const figure = shown(c.id);
    return {
      id: c.id,
      status: s,
      value: options.roundTo === null ? figure : roundToMultiple(figure, options.roundTo),
    };
  });
}

/**
 * The hidden cells a reader could work out exactly from the published ones, by any linear
 * combination of the relations (total − Σ members = 0): cell j is determined when e_j lies in
 * the row space of the relations restricted to the hidden cells, i.e. when its column in the
 * reduced row echelon form is a pivot whose row has no other (free) entry. Worked out per
 * connected group of hidden cells, so the cost follows the largest group (one municipality's
 * tables), not the whole publication.
 *
 * @example
 * // a + b = t with only b hidden: b = t − a
 * determinedCells(new Set(['b']), [{ total: 't', members: ['a', 'b'] }]) // Set { 'b' }
 */
export function determinedCells(
  hidden: ReadonlySet<string>,
  relations: readonly DisclosureRelation[],
): Set<string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let at = id;
    while (at !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const involved: DisclosureRelation[] = [];
  for (const r of relations) {
    let first: string | null = null;
    for (const id of [r.total, ...r.members]) {
      if (!hidden.has(id)) continue;
      if (!parent.has(id)) parent.set(id, id);
      if (first === null) first = id;
      else {
        const a = find(first);
        const b = find(id);
        if (a !== b) parent.set(b, a);
      }
    }
    if (first !== null) involved.push(r);
  }
  const groups = new Map<string, { cells: string[]; rows: DisclosureRelation[] }>();
  for (const id of parent.keys()) {
    const root = find(id);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { cells: [], rows: [] }));
    g.cells.push(id);
  }
  for (const r of involved) {
    const id = hidden.has(r.total) ? r.total : r.members.find((m) => hidden.has(m))!;
    groups.get(find(id))!.rows.push(r);
  }

  const determined = new Set<string>();
  const EPS = 1e-9;
  for (const { cells, rows } of groups.values()) {
    const width = cells.length;
    const column = new Map(cells.map((id, j) => [id, j]));
    const matrix = rows.map((r) => {
      const row = new Float64Array(width);
      const t = column.get(r.total);
      if (t !== undefined) row[t] = row[t]! + 1;
      for (const m of r.members) {
        const j = column.get(m);
        if (j !== undefined) row[j] = row[j]! - 1;
      }
      return row;
    });
    const pivotColumns: number[] = [];
    let rank = 0;
    for (let c = 0; c < width && rank < matrix.length; c++) {
      let best = -1;
      for (let i = rank; i < matrix.length; i++) {
        if (
          Math.abs(matrix[i]![c]!) > EPS &&
          (best < 0 || Math.abs(matrix[i]![c]!) > Math.abs(matrix[best]![c]!))
        )
          best = i;
      }
      if (best < 0) continue;
      [matrix[rank], matrix[best]] = [matrix[best]!, matrix[rank]!];
      const pivotRow = matrix[rank]!;
      const pivot = pivotRow[c]!;
      for (let k = c; k < width; k++) pivotRow[k] = pivotRow[k]! / pivot;
      for (let i = 0; i < matrix.length; i++) {
        if (i === rank) continue;
        const row = matrix[i]!;
        const f = row[c]!;
        if (Math.abs(f) <= EPS) continue;
        for (let k = c; k < width; k++) row[k] = row[k]! - f * pivotRow[k]!;
        row[c] = 0;
      }
      pivotColumns.push(c);
      rank++;
    }
    const isPivot = new Uint8Array(width);
    for (const c of pivotColumns) isPivot[c] = 1;
    pivotColumns.forEach((c, i) => {
      const row = matrix[i]!;
      for (let k = c + 1; k < width; k++) if (!isPivot[k] && Math.abs(row[k]!) > EPS) return;
      determined.add(cells[c]!);
    });
  }
  return determined;
}

/**
 * The prefecture code of a municipality's origin ('131016' → '130001'); other keys unchanged.
 * @example prefectureOfOrigin('203211') === '200000' // 長野県
 */
export function prefectureOfOrigin(origin: string): string {
  if (!isValidLocalGovCode(origin)) return origin;
  const n = Number(origin.slice(0, 2));
  return n >= 1 && n <= 47 ? toPrefectureCode(n) : origin;
}

function addInto<T extends MetricCell>(target: T, c: MetricCell): void {
  target.value += c.value;
  target.devices += c.devices;
  if (target.expanded !== null || c.expanded !== null) {
    target.expanded = (target.expanded ?? 0) + (c.expanded ?? 0);
  }
}

/**
 * Merges origins with fewer than `minDevices` devices into their prefecture (docs §6): in each
 * (municipality, scope) breakdown, a small origin's figures go to a row keyed by its
 * prefecture's code, meaning "the rest of that prefecture"; origins of 50 or more stay, and the
 * unknown origin stays apart. The breakdown still sums to the same total.
 *
 * @example
 * mergeSmallOrigins([{ origin: '131016', devices: 12, … }, { origin: '131024', devices: 80, … }]);
 * // [{ origin: '130001', devices: 12, … }, { origin: '131024', devices: 80, … }]
 */
export function mergeSmallOrigins(
  cells: readonly OriginMetricCell[],
  minDevices: number = DEFAULT_MIN_ORIGIN_DEVICES,
): OriginMetricCell[] {
  const out = new Map<string, OriginMetricCell>();
  for (const c of cells) {
    const origin =
      c.origin !== UNKNOWN_ORIGIN && c.devices < minDevices
        ? prefectureOfOrigin(c.origin)
        : c.origin;
    const key = `${c.municipality}|${c.scope}|${origin}`;
    const existing = out.get(key);
    if (existing) addInto(existing, c);
    else out.set(key, { ...c, origin });
  }
  return [...out.values()].sort(
    (a, b) =>
      a.municipality.localeCompare(b.municipality) ||
      a.scope.localeCompare(b.scope) ||
      a.origin.localeCompare(b.origin),
  );
}

/**
 * The origin breakdown by home prefecture (every municipality folded into its prefecture).
 * @example originsByPrefecture(originCells(aggregate, 'visitors'))
 */
export function originsByPrefecture(cells: readonly OriginMetricCell[]): OriginMetricCell[] {
  return mergeSmallOrigins(cells, Infinity);
}

export type PublishedCell = MetricCell & { status: CellStatus; published: number | null };
export type PublishedOriginCell = OriginMetricCell & {
  status: CellStatus;
  published: number | null;
};

export type MetricTables = {
  /** Municipality × scope: every month of `months` and PERIOD_SCOPE, zeros filled in. */
  cells: PublishedCell[];
  origins: PublishedOriginCell[];
};

/**
 * Protects one metric's published tables together: the municipality × month table with its
 * period total (month cells sum to the period cell — assumed even for distinct counts, which
 * only errs on the safe side) and each (municipality, scope) cell's origin breakdown (origins
 * sum to the cell). Missing months are zero cells, hidden like any cell below k. Origins
 * should already be merged (mergeSmallOrigins). Shown figures are expanded when the cells
 * carry expansions and then rounded to `roundTo` (default 10); raw counts are shown as is.
 *
 * @example
 * protectMetricTables(metricCells(agg, 'visitors', w), mergeSmallOrigins(originCells(agg, 'visitors', w)), months, { k: 10, roundTo: 10 });
 */
export function protectMetricTables(
  cells: readonly MetricCell[],
  origins: readonly OriginMetricCell[],
  months: readonly string[],
  options: Partial<DisclosureOptions> = {},
): MetricTables {
  const opts: DisclosureOptions = {
    k: options.k ?? DEFAULT_K,
    roundTo: options.roundTo === undefined ? DEFAULT_ROUNDING : options.roundTo,
    laplace: options.laplace ?? null,
  };
  const expandedShown = cells.some((c) => c.expanded !== null);
  const byId = new Map<string, MetricCell>();
  for (const c of cells) byId.set(`${c.municipality}|${c.scope}`, c);
  const municipalities = [...new Set(cells.map((c) => c.municipality))].sort();
  for (const m of municipalities) {
    for (const scope of [...months, PERIOD_SCOPE]) {
      const id = `${m}|${scope}`;
      if (!byId.has(id)) {
        byId.set(id, {
          municipality: m,
          scope,
          value: 0,
          devices: 0,
          expanded: expandedShown ? 0 : null,
        });
      }
    }
  }
  const originIds = new Map<string, OriginMetricCell>();
  for (const o of origins) originIds.set(`${o.municipality}|${o.scope}|${o.origin}`, o);

  const relations: DisclosureRelation[] = municipalities.map((m) => ({
    total: `${m}|${PERIOD_SCOPE}`,
    members: months.map((scope) => `${m}|${scope}`),
  }));
  const breakdowns = new Map<string, string[]>();
  for (const [id, o] of originIds) {
    const total = `${o.municipality}|${o.scope}`;
    const members = breakdowns.get(total);
    if (members) members.push(id);
    else breakdowns.set(total, [id]);
  }
  for (const [total, members] of breakdowns) relations.push({ total, members });

  const toDisclosure = (id: string, c: MetricCell): DisclosureCell => ({
    id,
    devices: c.devices,
    value: c.value,
    expanded: c.expanded,
  });
  const all = [
    ...[...byId].map(([id, c]) => toDisclosure(id, c)),
    ...[...originIds].map(([id, c]) => toDisclosure(id, c)),
  ];
  const roundedOnlyIfExpanded: DisclosureOptions = {
    ...opts,
    roundTo: expandedShown ? opts.roundTo : null,
  };
  const result = new Map(protectCells(all, relations, roundedOnlyIfExpanded).map((p) => [p.id, p]));
  const publish = <T extends MetricCell>(id: string, c: T) => {
    const p = result.get(id)!;
    return { ...c, status: p.status, published: p.value };
  };
  return {
    cells: [...byId]
      .map(([id, c]) => publish(id, c))
      .sort(
        (a, b) => a.municipality.localeCompare(b.municipality) || a.scope.localeCompare(b.scope),
      ),
    origins: [...originIds].map(([id, c]) => publish(id, c)),
  };
}

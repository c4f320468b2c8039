import { describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/seeded-random';
import {
  type DisclosureCell,
  type DisclosureRelation,
  type ProtectedCell,
  determinedCells,
  laplaceNoise,
  mergeSmallOrigins,
  originsByPrefecture,
  prefectureOfOrigin,
  protectCells,
  protectMetricTables,
  roundToMultiple,
} from './disclosure';
import { type MetricCell, type OriginMetricCell, UNKNOWN_ORIGIN } from './flow-aggregate';
import { determinedByLinearAlgebra, recoverBySubtraction } from './disclosure-attacks';
import { PERIOD_SCOPE } from './metrics';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/**
 * Random tables that add up exactly, like visit_days: origins sum to their (municipality,
 * month) cell, months sum to the period cell. Devices equal values (one per device), many
 * small so that suppression has work to do.
 */
function randomTables(seed: number, municipalities = 6) {
  const random = seededRandom(seed);
  const origins: OriginMetricCell[] = [];
  const cells: MetricCell[] = [];
  const originCodes = ['131016', '131024', '203211', '011002', UNKNOWN_ORIGIN];
  for (let m = 0; m < municipalities; m++) {
    const municipality = `9${String(m).padStart(4, '0')}0`;
    const period: Record<string, number> = {};
    for (const scope of MONTHS) {
      if (random() < 0.15) continue; // a month nobody came
      let total = 0;
      for (const origin of originCodes) {
        const n = Math.floor(random() ** 3 * 40);
        if (n === 0) continue;
        origins.push({ municipality, scope, origin, value: n, devices: n, expanded: null });
        period[origin] = (period[origin] ?? 0) + n;
        total += n;
      }
      if (total > 0)
        cells.push({ municipality, scope, value: total, devices: total, expanded: null });
    }
    const total = Object.values(period).reduce((a, b) => a + b, 0);
    if (total > 0) {
      cells.push({
        municipality,
        scope: PERIOD_SCOPE,
        value: total,
        devices: total,
        expanded: null,
      });
      for (const [origin, n] of Object.entries(period)) {
        origins.push({
          municipality,
          scope: PERIOD_SCOPE,
          origin,
          value: n,
          devices: n,
          expanded: null,
        });
      }
    }
  }
  return { cells, origins };
}

/** The relations a reader can use: months → period total, origins → their cell. */
function relationsOf(cells: readonly MetricCell[], origins: readonly OriginMetricCell[]) {
  const relations: DisclosureRelation[] = [];
  for (const m of new Set(cells.map((c) => c.municipality))) {
    relations.push({
      total: `${m}|${PERIOD_SCOPE}`,
      members: MONTHS.map((s) => `${m}|${s}`),
    });
  }
  const byCell = new Map<string, string[]>();
  for (const o of origins) {
    const total = `${o.municipality}|${o.scope}`;
    byCell.set(total, [...(byCell.get(total) ?? []), `${total}|${o.origin}`]);
  }
  for (const [total, members] of byCell) relations.push({ total, members });
  return relations;
}

function publishedMap(tables: ReturnType<typeof protectMetricTables>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const c of tables.cells) out.set(`${c.municipality}|${c.scope}`, c.published);
  for (const o of tables.origins) out.set(`${o.municipality}|${o.scope}|${o.origin}`, o.published);
  return out;
}

describe('protectCells', () => {
  const cells: DisclosureCell[] = [
    { id: 'a', devices: 3, value: 3 },
    { id: 'b', devices: 12, value: 12 },
    { id: 'c', devices: 40, value: 40 },
    { id: 't', devices: 55, value: 55 },
  ];
  const relations = [{ total: 't', members: ['a', 'b', 'c'] }];
  const statusOf = (out: ProtectedCell[]) => Object.fromEntries(out.map((p) => [p.id, p.status]));

  it('hides a cell under k and the next smallest member of its total', () => {
    expect(statusOf(protectCells(cells, relations, { k: 10, roundTo: null }))).toEqual({
      a: 'below_k',
      b: 'complementary',
      c: 'published',
      t: 'published',
    });
  });

  it('hides the total when no other member is left to hide', () => {
    const out = protectCells(
      [
        { id: 'a', devices: 3, value: 3 },
        { id: 't', devices: 3, value: 3 },
      ],
      [{ total: 't', members: ['a'] }],
      { k: 2, roundTo: null },
    );
    expect(statusOf(out)).toEqual({ a: 'published', t: 'published' });
    const small = protectCells(
      [
        { id: 'a', devices: 1, value: 1 },
        { id: 'b', devices: 30, value: 30 },
        { id: 't', devices: 31, value: 31 },
      ],
      [{ total: 't', members: ['a', 'b'] }],
      { k: 10, roundTo: null },
    );
    expect(statusOf(small)).toEqual({ a: 'below_k', b: 'complementary', t: 'published' });
  });

  it('hides a member when only the total was hidden', () => {
    const out = protectCells(
      [
        { id: 'a', devices: 20, value: 20 },
        { id: 'b', devices: 30, value: 30 },
        { id: 't', devices: 9, value: 50 }, // fewer distinct devices than the members claim
      ],
      [{ total: 't', members: ['a', 'b'] }],
      { k: 10, roundTo: null },
    );
    expect(statusOf(out)).toEqual({ a: 'complementary', b: 'published', t: 'below_k' });
  });

  it('shows the expanded figure rounded to 10, and nothing for a hidden cell', () => {
    const out = protectCells(
      [
        { id: 'x', devices: 12, value: 12, expanded: 1234.5 },
        { id: 'y', devices: 15, value: 15, expanded: 1235 },
        { id: 'z', devices: 4, value: 4, expanded: 400 },
      ],
      [],
      { k: 10, roundTo: 10 },
    );
    expect(out.map((p) => p.value)).toEqual([1230, 1240, null]);
  });
});

describe('protectMetricTables: municipality × month with a total, and origin breakdowns', () => {
  it('publishes no cell with fewer than k devices', () => {
    let complementary = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { cells, origins } = randomTables(seed);
      const tables = protectMetricTables(cells, origins, MONTHS, { k: 10, roundTo: null });
      for (const c of [...tables.cells, ...tables.origins]) {
        if (c.published !== null) expect(c.devices, `seed ${seed}`).toBeGreaterThanOrEqual(10);
      }
      complementary += [...tables.cells, ...tables.origins].filter(
        (c) => c.status === 'complementary',
      ).length;
    }
    expect(complementary).toBeGreaterThan(30);
  });

  it('fills the months nobody visited with zero cells, hidden like any cell under k', () => {
    const cells: MetricCell[] = [
      { municipality: 'M', scope: '2026-01', value: 20, devices: 20, expanded: null },
      { municipality: 'M', scope: PERIOD_SCOPE, value: 20, devices: 20, expanded: null },
    ];
    const tables = protectMetricTables(cells, [], MONTHS, { k: 10, roundTo: null });
    expect(tables.cells).toHaveLength(MONTHS.length + 1);
    expect(tables.cells.find((c) => c.scope === '2026-02')).toMatchObject({
      devices: 0,
      status: 'below_k',
      published: null,
    });
  });

  it('defeats an attacker subtracting along rows and columns, iterated, for every hidden cell', () => {
    let hiddenTotal = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { cells, origins } = randomTables(seed);
      const tables = protectMetricTables(cells, origins, MONTHS, { k: 10, roundTo: null });
      const published = publishedMap(tables);
      const relations = relationsOf(tables.cells, tables.origins);
      const recovered = recoverBySubtraction(published, relations);
      const hidden = [...published].filter(([, v]) => v === null).map(([id]) => id);
      hiddenTotal += hidden.length;
      for (const id of hidden) expect(recovered.has(id), `seed ${seed}: ${id}`).toBe(false);
      expect(determinedByLinearAlgebra(published, relations).size, `seed ${seed}`).toBe(0);
    }
    expect(hiddenTotal).toBeGreaterThan(200);
  });

  it('would lose to that attacker with the k test alone (the attack works)', () => {
    const { cells, origins } = randomTables(3);
    const tables = protectMetricTables(cells, origins, MONTHS, { k: 10, roundTo: null });
    const primaryOnly = new Map<string, number | null>();
    for (const c of tables.cells) {
      primaryOnly.set(`${c.municipality}|${c.scope}`, c.devices < 10 ? null : c.value);
    }
    for (const o of tables.origins) {
      primaryOnly.set(`${o.municipality}|${o.scope}|${o.origin}`, o.devices < 10 ? null : o.value);
    }
    const recovered = recoverBySubtraction(primaryOnly, relationsOf(tables.cells, tables.origins));
    expect(recovered.size).toBeGreaterThan(0);
    for (const [id, value] of recovered) {
      const [m, scope, origin] = id.split('|');
      const truth =
        origin === undefined
          ? tables.cells.find((c) => c.municipality === m && c.scope === scope)!.value
          : tables.origins.find(
              (o) => o.municipality === m && o.scope === scope && o.origin === origin,
            )!.value;
      expect(value).toBe(truth);
    }
  });

  it('rounds expanded figures to 10 and publishes them only where the raw count passes k', () => {
    const cells: MetricCell[] = [
      { municipality: 'M', scope: '2026-01', value: 12, devices: 12, expanded: 1234 },
      { municipality: 'M', scope: '2026-02', value: 15, devices: 15, expanded: 1875.2 },
      { municipality: 'M', scope: '2026-03', value: 4, devices: 4, expanded: 9000 },
      { municipality: 'M', scope: PERIOD_SCOPE, value: 31, devices: 31, expanded: 12109.2 },
    ];
    const tables = protectMetricTables(cells, [], ['2026-01', '2026-02', '2026-03'], { k: 10 });
    expect(tables.cells.map((c) => [c.scope, c.published])).toEqual([
      ['2026-01', null], // the smallest other month, hidden so March cannot be recovered
      ['2026-02', 1880],
      ['2026-03', null],
      [PERIOD_SCOPE, 12110],
    ]);
  });
});

describe('an exact audit where relations overlap (cross tables)', () => {
  /**
   * A 4 × 4 table with row and column totals. Hidden: two separate 2 × 2 blocks and one cell
   * (r1, c3) joining them. Every row and column has at least two hidden cells, so subtraction
   * alone gets nowhere — yet (r1, c3) is a bridge: r1's total minus the published cells gives
   * x11 + x12 + x13, c1 and c2 give x11 + x21 and x12 + x22, r2 gives x21 + x22, hence x13.
   */
  const rows = [1, 2, 3, 4];
  const cols = [1, 2, 3, 4];
  const hiddenBridge = ['1,1', '1,2', '2,1', '2,2', '3,3', '3,4', '4,3', '4,4', '1,3'];
  const relations: DisclosureRelation[] = [
    ...rows.map((r) => ({ total: `r${r}`, members: cols.map((c) => `${r},${c}`) })),
    ...cols.map((c) => ({ total: `c${c}`, members: rows.map((r) => `${r},${c}`) })),
  ];

  it('finds a cell that subtraction cannot but a linear combination can recover', () => {
    const published = new Map<string, number | null>();
    for (const r of rows) for (const c of cols) published.set(`${r},${c}`, 20 + r + c);
    for (const id of hiddenBridge) published.set(id, null);
    expect(recoverBySubtraction(published, relations).size).toBe(0);
    expect([...determinedByLinearAlgebra(published, relations)]).toEqual(['1,3']);
    expect([...determinedCells(new Set(hiddenBridge), relations)]).toEqual(['1,3']);
    expect(determinedCells(new Set(hiddenBridge.slice(0, 8)), relations).size).toBe(0);
  });

  it('hides more cells until nothing can be recovered', () => {
    const cells: DisclosureCell[] = [];
    let grand = 0;
    const rowTotals = new Map<number, number>();
    const colTotals = new Map<number, number>();
    for (const r of rows) {
      for (const c of cols) {
        const n = hiddenBridge.includes(`${r},${c}`) ? 3 : 20 + r + c;
        cells.push({ id: `${r},${c}`, devices: n, value: n });
        rowTotals.set(r, (rowTotals.get(r) ?? 0) + n);
        colTotals.set(c, (colTotals.get(c) ?? 0) + n);
        grand += n;
      }
    }
    for (const [r, n] of rowTotals) cells.push({ id: `r${r}`, devices: n, value: n });
    for (const [c, n] of colTotals) cells.push({ id: `c${c}`, devices: n, value: n });
    expect(grand).toBeGreaterThan(0);
    const out = protectCells(cells, relations, { k: 10, roundTo: null });
    const published = new Map(out.map((p) => [p.id, p.value]));
    expect(out.filter((p) => p.status === 'below_k').map((p) => p.id)).toEqual(hiddenBridge.sort());
    expect(out.some((p) => p.status === 'complementary')).toBe(true);
    expect(determinedByLinearAlgebra(published, relations).size).toBe(0);
    expect(recoverBySubtraction(published, relations).size).toBe(0);
  });

  it('defeats the linear-algebra attacker on random month × origin cross tables', () => {
    let hidden = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const cells: DisclosureCell[] = [];
      const relations: DisclosureRelation[] = [];
      const origins = ['a', 'b', 'c', 'd', 'e'];
      const byOrigin = new Map<string, number>();
      for (const month of MONTHS) {
        let total = 0;
        for (const o of origins) {
          const n = Math.floor(random() ** 2 * 30);
          cells.push({ id: `${month}|${o}`, devices: n, value: n });
          byOrigin.set(o, (byOrigin.get(o) ?? 0) + n);
          total += n;
        }
        cells.push({ id: month, devices: total, value: total });
        relations.push({ total: month, members: origins.map((o) => `${month}|${o}`) });
      }
      let grand = 0;
      for (const o of origins) {
        const n = byOrigin.get(o)!;
        grand += n;
        cells.push({ id: `period|${o}`, devices: n, value: n });
        relations.push({ total: `period|${o}`, members: MONTHS.map((m) => `${m}|${o}`) });
      }
      cells.push({ id: 'period', devices: grand, value: grand });
      relations.push({ total: 'period', members: MONTHS });
      relations.push({ total: 'period', members: origins.map((o) => `period|${o}`) });
      const out = protectCells(cells, relations, { k: 10, roundTo: null });
      const published = new Map(out.map((p) => [p.id, p.value]));
      hidden += out.filter((p) => p.value === null).length;
      expect(determinedByLinearAlgebra(published, relations).size, `seed ${seed}`).toBe(0);
      for (const p of out) {
        if (p.value !== null)
          expect(cells.find((c) => c.id === p.id)!.devices).toBeGreaterThanOrEqual(10);
      }
    }
    expect(hidden).toBeGreaterThan(100);
  });
});

describe('origins', () => {
  const cell = (origin: string, devices: number): OriginMetricCell => ({
    municipality: '203211',
    scope: '2026-08',
    origin,
    value: devices,
    devices,
    expanded: devices * 100,
  });

  it('names the prefecture of a municipality code', () => {
    expect(prefectureOfOrigin('131016')).toBe('130001');
    expect(prefectureOfOrigin('203211')).toBe('200000');
    expect(prefectureOfOrigin(UNKNOWN_ORIGIN)).toBe(UNKNOWN_ORIGIN);
  });

  it('merges origins with fewer than 50 devices into their prefecture, keeping the total', () => {
    const merged = mergeSmallOrigins([
      cell('131016', 30),
      cell('131024', 25),
      cell('131032', 80),
      cell('203238', 10),
      cell(UNKNOWN_ORIGIN, 5),
    ]);
    expect(merged.map((c) => [c.origin, c.devices, c.expanded])).toEqual([
      ['130001', 55, 5500], // 千代田区 + 中央区: the rest of 東京都
      ['131032', 80, 8000],
      ['200000', 10, 1000],
      [UNKNOWN_ORIGIN, 5, 500],
    ]);
    expect(merged.reduce((s, c) => s + c.devices, 0)).toBe(150);
  });

  it('folds every origin into its prefecture for the prefecture breakdown', () => {
    expect(
      originsByPrefecture([cell('131016', 300), cell('131024', 250)]).map((c) => [
        c.origin,
        c.devices,
      ]),
    ).toEqual([['130001', 550]]);
  });
});

describe('differential privacy (optional Laplace noise before the k test)', () => {
  it('draws Laplace noise of the asked scale, reproducibly from a seed', () => {
    const random = seededRandom(2026);
    const draws = Array.from({ length: 20_000 }, () => laplaceNoise(2, random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const meanAbs = draws.reduce((a, b) => a + Math.abs(b), 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(meanAbs).toBeGreaterThan(1.9); // E|X| = scale
    expect(meanAbs).toBeLessThan(2.1);
    expect(laplaceNoise(2, seededRandom(7))).toBe(laplaceNoise(2, seededRandom(7)));
  });

  it('tests k on the noisy count and keeps published figures non-negative integers', () => {
    const { cells, origins } = randomTables(11);
    const options = {
      k: 10,
      roundTo: null,
      laplace: { epsilon: 0.5, random: seededRandom(99), sensitivity: () => 1 },
    };
    const a = protectMetricTables(cells, origins, MONTHS, options);
    const b = protectMetricTables(cells, origins, MONTHS, {
      ...options,
      laplace: { ...options.laplace, random: seededRandom(99) },
    });
    expect(a).toEqual(b);
    const exact = protectMetricTables(cells, origins, MONTHS, { k: 10, roundTo: null });
    const differs = a.cells.some((c, i) => c.published !== exact.cells[i]!.published);
    expect(differs).toBe(true);
    for (const c of [...a.cells, ...a.origins]) {
      if (c.published !== null) {
        expect(Number.isInteger(c.published)).toBe(true);
        expect(c.published).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('changes nothing visible when the budget is huge', () => {
    const { cells, origins } = randomTables(5);
    const noisy = protectMetricTables(cells, origins, MONTHS, {
      k: 10,
      roundTo: null,
      laplace: { epsilon: 1e9, random: seededRandom(1), sensitivity: () => 1 },
    });
    const exact = protectMetricTables(cells, origins, MONTHS, { k: 10, roundTo: null });
    expect(noisy).toEqual(exact);
  });
});

describe('roundToMultiple', () => {
  it('rounds half up to the nearest multiple', () => {
    expect(roundToMultiple(1234, 10)).toBe(1230);
    expect(roundToMultiple(1235, 10)).toBe(1240);
    expect(roundToMultiple(4, 10)).toBe(0);
  });
});

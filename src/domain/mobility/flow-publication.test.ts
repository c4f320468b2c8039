import { describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/seeded-random';
import { type DisclosureRelation, protectMetricTables } from './disclosure';
import { determinedByLinearAlgebra, recoverBySubtraction } from './disclosure-attacks';
import {
  UNKNOWN_ORIGIN,
  addDeviceFlow,
  createFlowAggregate,
  metricCells,
  originCells,
} from './flow-aggregate';
import {
  FLOW_METRIC_SPLITS,
  type FlowPublication,
  protectFlowTables,
  publishedOrigins,
} from './flow-publication';
import {
  type DeviceCellRow,
  type DeviceFlow,
  FLOW_METRICS,
  type FlowValues,
  PERIOD_SCOPE,
} from './metrics';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const PLACES = ['203211', '203238', '204072'];
const HOMES = ['131016', '131024', '141003', '111007', '271004', '011002'];

const zero = (): FlowValues => Object.fromEntries(FLOW_METRICS.map((m) => [m, 0])) as FlowValues;

/**
 * A device that visits a few of PLACES in some months, with values that keep every split the
 * engine guarantees (visitors = overnight + day trippers, visit-days = weekday + holiday, one
 * connected segment) — the shape computeDeviceFlow's rows have, drawn at random.
 */
function randomDevice(random: () => number): DeviceFlow {
  const home = random() < 0.1 ? null : HOMES[Math.floor(random() ** 2 * HOMES.length)]!;
  const cells: DeviceCellRow[] = [];
  for (const municipality of PLACES) {
    if (random() < 0.4) continue;
    const period = zero();
    for (const scope of MONTHS) {
      if (random() < 0.5) continue;
      const v = zero();
      v.visitors = 1;
      v.overnight_visitors = random() < 0.3 ? 1 : 0;
      v.day_trippers = 1 - v.overnight_visitors;
      v.visit_days_weekday = Math.floor(random() * 3);
      v.visit_days_holiday = v.visit_days_weekday === 0 ? 1 : Math.floor(random() * 2);
      v.visit_days = v.visit_days_weekday + v.visit_days_holiday;
      v.visitors_weekday = v.visit_days_weekday > 0 ? 1 : 0;
      v.visitors_holiday = v.visit_days_holiday > 0 ? 1 : 0;
      v.trips = 1 + Math.floor(random() * 2);
      v.repeat_visitors = v.trips >= 2 ? 1 : 0;
      if (random() < 0.3) {
        v.connected_population = 1;
        v[
          random() < 0.6 ? 'connected_2_7' : random() < 0.7 ? 'connected_8_30' : 'connected_31_plus'
        ] = 1;
      }
      v.workationers = random() < 0.05 ? 1 : 0;
      cells.push({ municipality, scope, origin: home, values: v });
      for (const metric of [
        'visit_days',
        'visit_days_weekday',
        'visit_days_holiday',
        'trips',
      ] as const) {
        period[metric] += v[metric];
      }
      period.visitors = 1;
      period.overnight_visitors ||= v.overnight_visitors;
      period.visitors_weekday ||= v.visitors_weekday;
      period.visitors_holiday ||= v.visitors_holiday;
      period.workationers ||= v.workationers;
      if (v.connected_population) {
        for (const m of [
          'connected_population',
          'connected_2_7',
          'connected_8_30',
          'connected_31_plus',
        ] as const) {
          period[m] = v[m];
        }
      }
    }
    if (period.visitors === 0) continue;
    period.day_trippers = 1 - period.overnight_visitors;
    period.repeat_visitors = period.trips >= 2 ? 1 : 0;
    cells.push({ municipality, scope: PERIOD_SCOPE, origin: home, values: period });
  }
  return { cells, scopes: [] };
}

function randomAggregate(seed: number, devices = 160) {
  const random = seededRandom(seed);
  const aggregate = createFlowAggregate();
  for (let d = 0; d < devices; d++) addDeviceFlow(aggregate, randomDevice(random));
  return aggregate;
}

const metricId = (m: string, scope: string, metric: string) => `m|${m}|${scope}|${metric}`;
const originId = (m: string, scope: string, origin: string) => `o|${m}|${scope}|${origin}`;

/** Everything a reader can add up, written out apart from the code under test. */
function readerRelations(publication: FlowPublication): DisclosureRelation[] {
  const relations: DisclosureRelation[] = [];
  const municipalities = [...new Set(publication.cells.map((c) => c.municipality))];
  for (const m of municipalities) {
    for (const metric of FLOW_METRICS) {
      relations.push({
        total: metricId(m, PERIOD_SCOPE, metric),
        members: MONTHS.map((s) => metricId(m, s, metric)),
      });
    }
    const origins = [
      ...new Set(publication.origins.filter((o) => o.municipality === m).map((o) => o.origin)),
    ];
    for (const scope of [...MONTHS, PERIOD_SCOPE]) {
      for (const split of FLOW_METRIC_SPLITS) {
        relations.push({
          total: metricId(m, scope, split.total),
          members: split.parts.map((p) => metricId(m, scope, p)),
        });
      }
      relations.push({
        total: metricId(m, scope, 'visitors'),
        members: origins.map((o) => originId(m, scope, o)),
      });
    }
    for (const o of origins) {
      relations.push({
        total: originId(m, PERIOD_SCOPE, o),
        members: MONTHS.map((s) => originId(m, s, o)),
      });
    }
  }
  return relations;
}

function shownFigures(publication: FlowPublication): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const c of publication.cells)
    out.set(metricId(c.municipality, c.scope, c.metric), c.published);
  for (const o of publication.origins) {
    out.set(originId(o.municipality, o.scope, o.origin), o.published);
  }
  return out;
}

describe('protectFlowTables: every metric, month and origin of a municipality together', () => {
  it('checks that the random devices keep the splits it relies on', () => {
    const aggregate = randomAggregate(1);
    for (const split of FLOW_METRIC_SPLITS) {
      const totals = metricCells(aggregate, split.total);
      for (const t of totals) {
        const parts = split.parts
          .map((p) =>
            metricCells(aggregate, p).find(
              (c) => c.municipality === t.municipality && c.scope === t.scope,
            ),
          )
          .reduce((sum, c) => sum + (c?.value ?? 0), 0);
        expect(parts).toBe(t.value);
      }
    }
  });

  it('publishes no figure with fewer than k devices, and lists every metric and month of a listed municipality', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const publication = protectFlowTables(randomAggregate(seed), MONTHS, {
        k: 5,
        minOriginDevices: 20,
      });
      for (const c of [...publication.cells, ...publication.origins]) {
        if (c.published !== null) expect(c.devices, `seed ${seed}`).toBeGreaterThanOrEqual(5);
        if (c.published === null) expect(c.status).not.toBe('published');
      }
      const listed = new Set(publication.cells.map((c) => c.municipality));
      expect(publication.cells).toHaveLength(
        listed.size * FLOW_METRICS.length * (MONTHS.length + 1),
      );
      expect(
        publication.counts.published + publication.counts.belowK + publication.counts.complementary,
      ).toBe(publication.counts.cells);
    }
  });

  it('defeats subtraction and linear algebra over every sum, the metric splits included', () => {
    let hidden = 0;
    let complementary = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const publication = protectFlowTables(randomAggregate(seed), MONTHS, {
        k: 5,
        minOriginDevices: 20,
      });
      const shown = shownFigures(publication);
      const relations = readerRelations(publication);
      hidden += [...shown.values()].filter((v) => v === null).length;
      complementary += publication.counts.complementary;
      expect(recoverBySubtraction(shown, relations).size, `seed ${seed}`).toBe(0);
      expect(determinedByLinearAlgebra(shown, relations).size, `seed ${seed}`).toBe(0);
    }
    expect(hidden).toBeGreaterThan(200);
    expect(complementary).toBeGreaterThan(20);
  });

  it('would lose to a reader adding up the splits if each metric were protected alone', () => {
    let recovered = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const aggregate = randomAggregate(seed);
      const shown = new Map<string, number | null>();
      const truth = new Map<string, number>();
      for (const metric of FLOW_METRICS) {
        const tables = protectMetricTables(metricCells(aggregate, metric), [], MONTHS, {
          k: 5,
          roundTo: null,
        });
        for (const c of tables.cells) {
          shown.set(metricId(c.municipality, c.scope, metric), c.published);
          truth.set(metricId(c.municipality, c.scope, metric), c.value);
        }
      }
      const relations: DisclosureRelation[] = [];
      for (const m of PLACES) {
        for (const scope of [...MONTHS, PERIOD_SCOPE]) {
          for (const split of FLOW_METRIC_SPLITS) {
            relations.push({
              total: metricId(m, scope, split.total),
              members: split.parts.map((p) => metricId(m, scope, p)),
            });
          }
        }
        for (const metric of FLOW_METRICS) {
          relations.push({
            total: metricId(m, PERIOD_SCOPE, metric),
            members: MONTHS.map((s) => metricId(m, s, metric)),
          });
        }
      }
      for (const [id, value] of recoverBySubtraction(shown, relations)) {
        expect(value, id).toBe(truth.get(id));
        recovered += 1;
      }
    }
    expect(recovered).toBeGreaterThan(0);
  });

  it('names an origin municipality only with enough devices, else "the rest of its prefecture"', () => {
    const publication = protectFlowTables(randomAggregate(3, 400), MONTHS, {
      k: 5,
      minOriginDevices: 60,
    });
    const origins = new Set(publication.origins.map((o) => o.origin));
    // 千代田区 is drawn most often (about 40 % of the devices): it stays; the others are merged.
    expect(origins.has('131016')).toBe(true);
    expect(origins.has('111007')).toBe(false);
    expect(origins.has('110001')).toBe(true);
    expect(origins.has(UNKNOWN_ORIGIN)).toBe(true);
    // Each scope's origins add up to its visitors (before protection).
    const raw = originCells(randomAggregate(3, 400), 'visitors');
    const karuizawa = publication.origins.filter(
      (o) => o.municipality === '203211' && o.scope === PERIOD_SCOPE,
    );
    expect(karuizawa.reduce((s, o) => s + o.value, 0)).toBe(
      raw
        .filter((o) => o.municipality === '203211' && o.scope === PERIOD_SCOPE)
        .reduce((s, o) => s + o.value, 0),
    );
    expect(publishedOrigins(publication).every((o) => o.published !== null && o.devices >= 5)).toBe(
      true,
    );
  });

  it('leaves out a municipality none of whose figures can be published', () => {
    const aggregate = randomAggregate(4, 40);
    const few = createFlowAggregate();
    const v = zero();
    v.visitors = 1;
    v.day_trippers = 1;
    v.visit_days = 1;
    v.visit_days_weekday = 1;
    v.visitors_weekday = 1;
    v.trips = 1;
    addDeviceFlow(few, {
      cells: [
        { municipality: '999999', scope: '2026-01', origin: null, values: v },
        { municipality: '999999', scope: PERIOD_SCOPE, origin: null, values: v },
      ],
      scopes: [],
    });
    const merged = createFlowAggregate();
    for (const a of [aggregate, few]) {
      for (const [key, cell] of a.cells) merged.cells.set(key, cell);
    }
    const publication = protectFlowTables(merged, MONTHS, { k: 5, minOriginDevices: 20 });
    expect(publication.cells.some((c) => c.municipality === '999999')).toBe(false);
    expect(publication.withheldMunicipalities).toBeGreaterThanOrEqual(1);
  });
});

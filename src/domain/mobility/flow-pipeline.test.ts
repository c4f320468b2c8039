import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  adjacencyFromTopology,
  boundariesFromN03Features,
  buildMunicipalityLocator,
  n03LocalGovCode,
} from '../geo/municipality-locator';
import { mergeSmallOrigins, protectMetricTables } from './disclosure';
import {
  addDeviceFlow,
  createFlowAggregate,
  dataQuality,
  mergeFlowAggregates,
  metricCells,
  originCells,
} from './flow-aggregate';
import {
  CODES,
  SPOTS,
  TEST_HOLIDAYS,
  type Visit,
  at,
  everyDay,
  nextDate,
  officeWorker,
  traceOf,
  withDays,
} from './flow-test-fixtures';
import { type DeviceFlow, PERIOD_SCOPE, computeDeviceFlow, parseFlowPeriod } from './metrics';

const BOUNDARIES_FILE = fileURLToPath(
  new URL(
    '../../../../shared/data/boundaries/s0010-N03-21_210101_designated_city.json',
    import.meta.url,
  ),
);
const topology = JSON.parse(readFileSync(BOUNDARIES_FILE, 'utf8')) as Topology;
const collection = topology.objects['N03-21_210101'] as GeometryCollection;
const locator = buildMunicipalityLocator(
  boundariesFromN03Features(feature(topology, collection).features).boundaries,
);
const context = {
  period: parseFlowPeriod('2026-08')!,
  locate: (lat: number, lon: number) => locator.locate(lat, lon),
  adjacency: adjacencyFromTopology(topology, 'N03-21_210101', n03LocalGovCode),
  holidays: TEST_HOLIDAYS,
};
const { tokyoHome, tokyoOffice, karuizawaCafe, karuizawaHotel } = SPOTS;
const tokyoWorker = officeWorker(tokyoHome, tokyoOffice);

/** A Tokyo office worker who spends one Saturday of August 2026 in Karuizawa. */
function dayTripper(saturday: string): DeviceFlow {
  const plan = withDays(tokyoWorker, {
    [saturday]: [
      at(tokyoHome, `${saturday} 00:00`, `${saturday} 07:00`),
      at(karuizawaCafe, `${saturday} 10:00`, `${saturday} 16:00`),
      at(tokyoHome, `${saturday} 19:00`, `${nextDate(saturday)} 00:00`),
    ],
  });
  return computeDeviceFlow(traceOf(everyDay('2026-07-01', '2026-08-31', plan), 20), context);
}

/** A Tokyo office worker who works Mon–Wed from a Karuizawa café, sleeping at a hotel. */
function workationer(): DeviceFlow {
  const days: Record<string, Visit[]> = {
    '2026-08-16': [
      at(tokyoHome, '2026-08-16 00:00', '2026-08-16 16:00'),
      at(karuizawaHotel, '2026-08-16 19:00', '2026-08-17 08:30'),
    ],
  };
  for (const date of ['2026-08-17', '2026-08-18', '2026-08-19']) {
    days[date] = [
      at(karuizawaCafe, `${date} 09:00`, `${date} 17:30`),
      date === '2026-08-19'
        ? at(tokyoHome, `${date} 21:00`, `${nextDate(date)} 00:00`)
        : at(karuizawaHotel, `${date} 18:00`, `${nextDate(date)} 08:30`),
    ];
  }
  const visits = everyDay('2026-07-01', '2026-08-31', withDays(tokyoWorker, days));
  return computeDeviceFlow(traceOf(visits, 20), context);
}

describe('from hand-made traces to published tables', () => {
  const saturdays = ['2026-08-01', '2026-08-08', '2026-08-15', '2026-08-22', '2026-08-29'];
  const flows = [
    ...Array.from({ length: 12 }, (_, i) => dayTripper(saturdays[i % saturdays.length]!)),
    workationer(),
    workationer(),
    workationer(),
  ];

  it('aggregates per device and partition alike', () => {
    const whole = createFlowAggregate();
    for (const f of flows) addDeviceFlow(whole, f);
    const left = createFlowAggregate();
    const right = createFlowAggregate();
    flows.forEach((f, i) => addDeviceFlow(i % 2 === 0 ? left : right, f));
    mergeFlowAggregates(left, right);
    expect(metricCells(left, 'visitors')).toEqual(metricCells(whole, 'visitors'));
    expect(metricCells(whole, 'visitors').find((c) => c.municipality === CODES.karuizawa)).toEqual({
      municipality: CODES.karuizawa,
      scope: '2026-08',
      value: 15,
      devices: 15,
      expanded: null,
    });
    expect(dataQuality(whole)[0]).toMatchObject({ scope: '2026-08', devices: 15, stayShare: 1 });
  });

  it('publishes the 15 visitors, hides the 3 workationers, and merges their small origin', () => {
    const aggregate = createFlowAggregate();
    for (const f of flows) addDeviceFlow(aggregate, f);
    const karuizawa = (c: { municipality: string }) => c.municipality === CODES.karuizawa;

    const visitors = protectMetricTables(
      metricCells(aggregate, 'visitors').filter(karuizawa),
      mergeSmallOrigins(originCells(aggregate, 'visitors').filter(karuizawa)),
      ['2026-08'],
      { k: 10 },
    );
    expect(visitors.cells.map((c) => [c.scope, c.published])).toEqual([
      ['2026-08', 15],
      [PERIOD_SCOPE, 15],
    ]);
    // 15 devices from 千代田区 (< 50) become "the rest of 東京都" — and at 15 ≥ k it shows.
    expect(visitors.origins.map((o) => [o.scope, o.origin, o.published])).toEqual([
      ['2026-08', '130001', 15],
      [PERIOD_SCOPE, '130001', 15],
    ]);

    const workationers = protectMetricTables(
      metricCells(aggregate, 'workationers').filter(karuizawa),
      mergeSmallOrigins(originCells(aggregate, 'workationers').filter(karuizawa)),
      ['2026-08'],
      { k: 10 },
    );
    expect(workationers.cells.map((c) => [c.devices, c.status, c.published])).toEqual([
      [3, 'below_k', null],
      [3, 'below_k', null],
    ]);
  });
});

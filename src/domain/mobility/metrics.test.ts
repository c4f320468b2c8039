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
import {
  CODES,
  SPOTS,
  TEST_HOLIDAYS,
  type Visit,
  at,
  everyDay,
  homeDay,
  nextDate,
  officeWorker,
  traceOf,
  withDays,
} from './flow-test-fixtures';
import {
  type DeviceFlow,
  type FlowValues,
  PERIOD_SCOPE,
  computeDeviceFlow,
  parseFlowPeriod,
  perDeviceBound,
} from './metrics';

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
const adjacency = adjacencyFromTopology(topology, 'N03-21_210101', n03LocalGovCode);

const { tokyoHome, tokyoOffice, karuizawaHotel, karuizawaCafe, karuizawaCottage } = SPOTS;
const { chiyoda, chuo, karuizawa, miyota } = CODES;

function flowOf(visits: Visit[], period: string, everyMin = 10): DeviceFlow {
  return computeDeviceFlow(traceOf(visits, everyMin), {
    period: parseFlowPeriod(period)!,
    locate: (lat, lon) => locator.locate(lat, lon),
    adjacency,
    holidays: TEST_HOLIDAYS,
  });
}

function rowOf(flow: DeviceFlow, municipality: string, scope: string) {
  return flow.cells.find((c) => c.municipality === municipality && c.scope === scope);
}

/** The non-zero metrics of a row, for readable expectations. */
function valuesOf(flow: DeviceFlow, municipality: string, scope: string): Partial<FlowValues> {
  const row = rowOf(flow, municipality, scope);
  if (!row) return {};
  return Object.fromEntries(Object.entries(row.values).filter(([, v]) => v !== 0));
}

const tokyoWorker = officeWorker(tokyoHome, tokyoOffice);

describe('parseFlowPeriod', () => {
  it('reads a month range or a single month and refuses a reversed one', () => {
    expect(parseFlowPeriod('2026-01..2026-12')).toEqual({
      firstMonth: 2026 * 12,
      lastMonth: 2026 * 12 + 11,
    });
    expect(parseFlowPeriod('2026-04')).toEqual({
      firstMonth: 2026 * 12 + 3,
      lastMonth: 2026 * 12 + 3,
    });
    expect(parseFlowPeriod('2026-12..2026-01')).toBeNull();
    expect(parseFlowPeriod('2026-01..')).toBeNull();
  });
});

describe('perDeviceBound', () => {
  it('bounds a device’s contribution: 1 for a flag, the days for a day count, ⌈days/2⌉ trips', () => {
    expect(perDeviceBound('visitors', 31)).toBe(1);
    expect(perDeviceBound('dual_residents', 365)).toBe(1);
    expect(perDeviceBound('visit_days', 31)).toBe(31);
    expect(perDeviceBound('passing_days', 30)).toBe(30);
    expect(perDeviceBound('trips', 31)).toBe(16);
  });
});

describe('a resident', () => {
  // Lives in the Karuizawa cottage and works at an office in Karuizawa; shops in
  // neighbouring Miyota on a Saturday in July and one in August.
  const shopping = (date: string): Visit[] => [
    at(karuizawaCottage, `${date} 00:00`, `${date} 08:00`),
    at(SPOTS.miyotaHome, `${date} 10:00`, `${date} 13:00`),
    at(karuizawaCottage, `${date} 15:00`, `${nextDate(date)} 00:00`),
  ];
  const plan = withDays(officeWorker(karuizawaCottage, SPOTS.karuizawaOffice), {
    '2026-07-18': shopping('2026-07-18'),
    '2026-08-15': shopping('2026-08-15'),
  });
  const flow = flowOf(everyDay('2026-06-01', '2026-08-31', plan), '2026-07..2026-08');

  it('is known to live in Karuizawa and counts in none of its visitor metrics', () => {
    expect(flow.scopes.map((s) => [s.scope, s.home, s.work])).toEqual([
      ['2026-07', karuizawa, karuizawa],
      ['2026-08', karuizawa, karuizawa],
      [PERIOD_SCOPE, karuizawa, karuizawa],
    ]);
    expect(flow.cells.filter((c) => c.municipality === karuizawa)).toEqual([]);
  });

  it('visits the neighbouring town, with Karuizawa as its origin', () => {
    expect(rowOf(flow, miyota, '2026-08')?.origin).toBe(karuizawa);
    expect(valuesOf(flow, miyota, '2026-08')).toEqual({
      visitors: 1,
      visitors_holiday: 1,
      visit_days: 1,
      visit_days_holiday: 1,
      trips: 1,
      day_trippers: 1,
    });
  });

  it('is not connected population of a neighbouring town, however often it goes', () => {
    expect(valuesOf(flow, miyota, PERIOD_SCOPE)).toMatchObject({ trips: 2, repeat_visitors: 1 });
    expect(valuesOf(flow, miyota, PERIOD_SCOPE).connected_population).toBeUndefined();
  });
});

describe('a day tripper', () => {
  // A Tokyo office worker spends Saturday 2026-08-08 10:00–16:00 in a Karuizawa café.
  const plan = withDays(tokyoWorker, {
    '2026-08-08': [
      at(tokyoHome, '2026-08-08 00:00', '2026-08-08 07:00'),
      at(karuizawaCafe, '2026-08-08 10:00', '2026-08-08 16:00'),
      at(tokyoHome, '2026-08-08 19:00', '2026-08-09 00:00'),
    ],
  });
  const flow = flowOf(everyDay('2026-07-01', '2026-08-31', plan), '2026-08');

  it('is a holiday visitor and a day tripper from 千代田区', () => {
    expect(rowOf(flow, karuizawa, '2026-08')?.origin).toBe(chiyoda);
    expect(valuesOf(flow, karuizawa, '2026-08')).toEqual({
      visitors: 1,
      visitors_holiday: 1,
      visit_days: 1,
      visit_days_holiday: 1,
      trips: 1,
      day_trippers: 1,
    });
  });

  it('is a weekday visitor of the ward where it works (a commuter, not connected)', () => {
    // August 2026 has 20 working days (山の日 08-11 is a holiday).
    expect(valuesOf(flow, chuo, '2026-08')).toMatchObject({
      visitors: 1,
      visitors_weekday: 1,
      visit_days: 20,
      visit_days_weekday: 20,
      trips: 6, // runs 3–7, 10, 12–14, 17–21, 24–28, 31: the holiday splits a week
    });
    expect(valuesOf(flow, chuo, '2026-08').connected_population).toBeUndefined();
  });
});

describe('a repeat visitor across months', () => {
  // A Tokyo office worker goes to Karuizawa for a Saturday in May and a weekend in July,
  // staying the night of 07-18 at a hotel.
  const plan = withDays(tokyoWorker, {
    '2026-05-16': [
      at(tokyoHome, '2026-05-16 00:00', '2026-05-16 07:00'),
      at(karuizawaCafe, '2026-05-16 10:00', '2026-05-16 16:00'),
      at(tokyoHome, '2026-05-16 19:00', '2026-05-17 00:00'),
    ],
    '2026-07-18': [
      at(tokyoHome, '2026-07-18 00:00', '2026-07-18 07:00'),
      at(karuizawaHotel, '2026-07-18 10:00', '2026-07-19 15:00'),
    ],
    '2026-07-19': [at(tokyoHome, '2026-07-19 18:00', '2026-07-20 00:00')],
  });
  const flow = flowOf(everyDay('2026-04-01', '2026-07-31', plan), '2026-05..2026-07');

  it('makes one trip in May and one in July, neither month a repeat', () => {
    expect(valuesOf(flow, karuizawa, '2026-05')).toMatchObject({ visitors: 1, trips: 1 });
    expect(valuesOf(flow, karuizawa, '2026-05').repeat_visitors).toBeUndefined();
    expect(rowOf(flow, karuizawa, '2026-06')).toBeUndefined();
    expect(valuesOf(flow, karuizawa, '2026-07')).toMatchObject({
      visitors: 1,
      visit_days: 2,
      trips: 1,
      overnight_visitors: 1,
    });
    expect(valuesOf(flow, karuizawa, '2026-07').repeat_visitors).toBeUndefined();
  });

  it('is a repeat visitor over the period', () => {
    expect(valuesOf(flow, karuizawa, PERIOD_SCOPE)).toMatchObject({
      visitors: 1,
      visit_days: 3,
      trips: 2,
      repeat_visitors: 1,
      overnight_visitors: 1,
    });
  });

  it('becomes connected population once its trips span two months (2–7 visit-days)', () => {
    expect(valuesOf(flow, karuizawa, '2026-05').connected_population).toBeUndefined();
    expect(valuesOf(flow, karuizawa, '2026-07')).toMatchObject({
      connected_population: 1,
      connected_2_7: 1,
    });
    expect(valuesOf(flow, karuizawa, PERIOD_SCOPE)).toMatchObject({ connected_population: 1 });
  });
});

describe('a dual resident', () => {
  it('qualifies by ≥ 30 overnights over ≥ 4 months at a cottage used on many trips', () => {
    // Every weekend from Friday 20:00 to Sunday 17:00 at the Karuizawa cottage, Mar–Jun 2026.
    const plan = (date: string, workingDay: boolean): Visit[] => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 5) {
        return [
          at(tokyoHome, `${date} 00:00`, `${date} 07:45`),
          at(tokyoOffice, `${date} 09:00`, `${date} 17:30`),
          at(karuizawaCottage, `${date} 20:00`, `${nextDate(date)} 00:00`),
        ];
      }
      if (weekday === 6) return [at(karuizawaCottage, `${date} 00:00`, `${nextDate(date)} 00:00`)];
      if (weekday === 0) {
        return [
          at(karuizawaCottage, `${date} 00:00`, `${date} 17:00`),
          at(tokyoHome, `${date} 20:00`, `${nextDate(date)} 00:00`),
        ];
      }
      return tokyoWorker(date, workingDay);
    };
    const flow = flowOf(everyDay('2026-03-01', '2026-06-30', plan), '2026-03..2026-06');
    expect(flow.scopes[3]).toMatchObject({ scope: '2026-06', home: chiyoda });
    expect(valuesOf(flow, karuizawa, '2026-03').dual_residents).toBeUndefined();
    expect(valuesOf(flow, karuizawa, '2026-06')).toMatchObject({
      dual_residents: 1,
      overnight_visitors: 1,
      repeat_visitors: 1,
      connected_population: 1,
      connected_31_plus: 1,
    });
    expect(valuesOf(flow, karuizawa, PERIOD_SCOPE)).toMatchObject({ dual_residents: 1 });
  });

  it('qualifies by a run of ≥ 30 nights at a cottage it comes back to', () => {
    // 2026-07-20 to 08-21 at the cottage (32 nights), and a weekend there in October.
    const plan = withDays(tokyoWorker, {
      '2026-10-10': [
        at(tokyoHome, '2026-10-10 00:00', '2026-10-10 07:00'),
        at(karuizawaCottage, '2026-10-10 10:00', '2026-10-11 16:00'),
      ],
      '2026-10-11': [at(tokyoHome, '2026-10-11 19:00', '2026-10-12 00:00')],
    });
    const visits = [
      ...everyDay('2026-06-01', '2026-07-19', plan),
      at(karuizawaCottage, '2026-07-20 10:00', '2026-08-21 10:00'),
      at(tokyoHome, '2026-08-21 14:00', '2026-08-22 00:00'),
      ...everyDay('2026-08-22', '2026-10-31', plan),
    ];
    const flow = flowOf(visits, '2026-07..2026-10');
    // In August the cottage was home (most nights of the trailing 28): a resident, no row.
    expect(flow.scopes[1]).toMatchObject({ scope: '2026-08', home: karuizawa });
    expect(rowOf(flow, karuizawa, '2026-08')).toBeUndefined();
    // One trip to the cottage is not yet a second home; the October weekend makes it one.
    expect(valuesOf(flow, karuizawa, '2026-09').dual_residents).toBeUndefined();
    expect(valuesOf(flow, karuizawa, '2026-10')).toMatchObject({ dual_residents: 1 });
    expect(valuesOf(flow, karuizawa, PERIOD_SCOPE)).toMatchObject({ dual_residents: 1 });
  });

  it('does not qualify with many nights at a hotel used on one trip only', () => {
    // 28 nights at a hotel in one stay (short of the 30-night run) and nothing else.
    const visits = [
      ...everyDay('2026-05-01', '2026-06-09', tokyoWorker),
      at(karuizawaHotel, '2026-06-10 10:00', '2026-07-08 10:00'),
      ...everyDay('2026-07-09', '2026-07-31', tokyoWorker),
    ];
    const flow = flowOf(visits, '2026-07');
    expect(valuesOf(flow, karuizawa, '2026-07').dual_residents).toBeUndefined();
  });
});

describe('a workationer', () => {
  // A Tokyo office worker spends Sun 08-16 evening to Wed 08-19 in Karuizawa: nights at a
  // hotel, working days at a café.
  const workation: Record<string, Visit[]> = {
    '2026-08-16': [
      at(tokyoHome, '2026-08-16 00:00', '2026-08-16 16:00'),
      at(karuizawaHotel, '2026-08-16 19:00', '2026-08-17 08:30'),
    ],
  };
  for (const date of ['2026-08-17', '2026-08-18', '2026-08-19']) {
    workation[date] = [at(karuizawaCafe, `${date} 09:00`, `${date} 17:30`)];
    if (date !== '2026-08-19') {
      workation[date].push(at(karuizawaHotel, `${date} 18:00`, `${nextDate(date)} 08:30`));
    } else workation[date].push(at(tokyoHome, `${date} 21:00`, `${nextDate(date)} 00:00`));
  }
  const flow = flowOf(
    everyDay('2026-07-01', '2026-08-31', withDays(tokyoWorker, workation)),
    '2026-08',
  );

  it('works in Chūō-ku and is counted as a workationer in Karuizawa', () => {
    expect(flow.scopes[0]).toMatchObject({ home: chiyoda, work: chuo, teleworks: false });
    expect(valuesOf(flow, karuizawa, '2026-08')).toEqual({
      visitors: 1,
      visitors_weekday: 1,
      visitors_holiday: 1,
      visit_days: 4,
      visit_days_weekday: 3,
      visit_days_holiday: 1,
      trips: 1,
      overnight_visitors: 1,
      workationers: 1,
    });
  });

  it('needs the night before or after in the municipality', () => {
    const dayOnly: Record<string, Visit[]> = {
      '2026-08-18': [
        at(tokyoHome, '2026-08-18 00:00', '2026-08-18 05:00'),
        at(karuizawaCafe, '2026-08-18 08:00', '2026-08-18 17:30'),
        at(tokyoHome, '2026-08-18 21:00', '2026-08-19 00:00'),
      ],
    };
    const f = flowOf(
      everyDay('2026-07-01', '2026-08-31', withDays(tokyoWorker, dayOnly)),
      '2026-08',
    );
    expect(valuesOf(f, karuizawa, '2026-08')).toMatchObject({ visitors: 1, day_trippers: 1 });
    expect(valuesOf(f, karuizawa, '2026-08').workationers).toBeUndefined();
  });
});

describe('a commuter', () => {
  // Lives in Tokyo, works at an office in Karuizawa (by Shinkansen), April–May 2026, and
  // stays at a hotel there one night.
  const plan = withDays(officeWorker(tokyoHome, SPOTS.karuizawaOffice), {
    '2026-05-20': [
      at(tokyoHome, '2026-05-20 00:00', '2026-05-20 07:45'),
      at(SPOTS.karuizawaOffice, '2026-05-20 09:00', '2026-05-20 18:00'),
      at(karuizawaHotel, '2026-05-20 19:00', '2026-05-21 08:00'),
    ],
    '2026-05-21': [
      at(SPOTS.karuizawaOffice, '2026-05-21 09:00', '2026-05-21 18:00'),
      at(tokyoHome, '2026-05-21 19:15', '2026-05-22 00:00'),
    ],
  });
  const flow = flowOf(everyDay('2026-03-01', '2026-05-31', plan), '2026-04..2026-05');

  it('works in Karuizawa and visits it on working days', () => {
    expect(flow.scopes[1]).toMatchObject({ home: chiyoda, work: karuizawa });
    expect(valuesOf(flow, karuizawa, '2026-05')).toMatchObject({
      visitors: 1,
      visitors_weekday: 1,
      overnight_visitors: 1,
    });
  });

  it('is neither connected population nor a workationer of the town it commutes to', () => {
    for (const scope of ['2026-04', '2026-05', PERIOD_SCOPE]) {
      expect(valuesOf(flow, karuizawa, scope).connected_population, scope).toBeUndefined();
      expect(valuesOf(flow, karuizawa, scope).workationers, scope).toBeUndefined();
    }
  });
});

describe('a device with sparse pings', () => {
  const plan = withDays(tokyoWorker, {
    '2026-08-08': [
      at(tokyoHome, '2026-08-08 00:00', '2026-08-08 07:00'),
      at(karuizawaCafe, '2026-08-08 10:00', '2026-08-08 16:00'),
      at(tokyoHome, '2026-08-08 19:00', '2026-08-09 00:00'),
    ],
  });
  const visits = everyDay('2026-07-01', '2026-08-31', plan);

  it('still has stay points, a home and a visit-day with a fix every 50 minutes', () => {
    const flow = flowOf(visits, '2026-08', 50);
    expect(flow.scopes[0]).toMatchObject({ home: chiyoda, work: chuo });
    expect(valuesOf(flow, karuizawa, '2026-08')).toMatchObject({ visitors: 1, visit_days: 1 });
  });

  it('has no stay point, home or visit with a fix every 90 minutes, but is still active', () => {
    // Always at home, but every fix 90 min after the last: each one is past the 60 min gap.
    const flow = flowOf([at(tokyoHome, '2026-07-01 00:00', '2026-09-01 00:00')], '2026-08', 90);
    expect(flow.cells).toEqual([]);
    expect(flow.scopes[0]).toMatchObject({ home: null, stayDays: 0, activeDays: 31 });
  });
});

describe('midnight and holiday edges', () => {
  it('tells a substitute holiday from the working day after it', () => {
    // Mon 2024-11-04 was 文化の日 振替休日; Tue 11-05 a working day (taken off here).
    const trip = (date: string): Visit[] => [
      at(tokyoHome, `${date} 00:00`, `${date} 07:00`),
      at(karuizawaCafe, `${date} 10:00`, `${date} 16:00`),
      at(tokyoHome, `${date} 19:00`, `${nextDate(date)} 00:00`),
    ];
    const plan = withDays(tokyoWorker, {
      '2024-11-04': trip('2024-11-04'),
      '2024-11-05': trip('2024-11-05'),
    });
    const flow = flowOf(everyDay('2024-10-01', '2024-11-30', plan), '2024-11');
    expect(valuesOf(flow, karuizawa, '2024-11')).toEqual({
      visitors: 1,
      visitors_weekday: 1,
      visitors_holiday: 1,
      visit_days: 2,
      visit_days_weekday: 1,
      visit_days_holiday: 1,
      trips: 1,
      day_trippers: 1,
    });
  });

  it('keeps a New Year’s Eve stay 22:00–02:30 in the old year’s analysis day', () => {
    // 2025-12-31 is a Wednesday and not a national holiday; 2026-01-01 is 元日.
    const plan = withDays(homeDay(tokyoHome), {
      '2025-12-31': [
        at(tokyoHome, '2025-12-31 00:00', '2025-12-31 17:00'),
        at(karuizawaHotel, '2025-12-31 22:00', '2026-01-01 02:30'),
      ],
      '2026-01-01': [at(tokyoHome, '2026-01-01 06:00', '2026-01-02 00:00')],
    });
    const flow = flowOf(everyDay('2025-11-15', '2026-01-31', plan), '2025-12..2026-01');
    expect(valuesOf(flow, karuizawa, '2025-12')).toMatchObject({
      visitors: 1,
      visit_days_weekday: 1,
      day_trippers: 1, // left before 03:00: no overnight
    });
    expect(rowOf(flow, karuizawa, '2026-01')).toBeUndefined();
  });

  it('does not count a workation on a national holiday', () => {
    // 2026-09-21–23 (敬老の日, 国民の休日, 秋分の日) at a café by day, a hotel by night.
    const days: Record<string, Visit[]> = {
      '2026-09-20': [
        at(tokyoHome, '2026-09-20 00:00', '2026-09-20 15:00'),
        at(karuizawaHotel, '2026-09-20 18:00', '2026-09-21 08:30'),
      ],
    };
    for (const date of ['2026-09-21', '2026-09-22', '2026-09-23']) {
      days[date] = [
        at(karuizawaCafe, `${date} 09:00`, `${date} 17:30`),
        date === '2026-09-23'
          ? at(tokyoHome, `${date} 21:00`, `${nextDate(date)} 00:00`)
          : at(karuizawaHotel, `${date} 18:00`, `${nextDate(date)} 08:30`),
      ];
    }
    const flow = flowOf(
      everyDay('2026-08-01', '2026-09-30', withDays(tokyoWorker, days)),
      '2026-09',
    );
    expect(valuesOf(flow, karuizawa, '2026-09')).toMatchObject({
      visit_days: 4,
      visit_days_holiday: 4,
      overnight_visitors: 1,
    });
    expect(valuesOf(flow, karuizawa, '2026-09').workationers).toBeUndefined();
  });
});

describe('the 04:00 day boundary', () => {
  // Arrives by night bus: at a Karuizawa hotel 2026-09-01 02:00–05:00, otherwise in Tokyo.
  const plan = withDays(tokyoWorker, {
    '2026-08-31': [
      at(tokyoHome, '2026-08-31 00:00', '2026-08-31 07:45'),
      at(tokyoOffice, '2026-08-31 09:00', '2026-08-31 18:00'),
      at(tokyoHome, '2026-08-31 19:15', '2026-08-31 22:00'),
    ],
    '2026-09-01': [
      at(karuizawaHotel, '2026-09-01 02:00', '2026-09-01 05:00'),
      at(tokyoHome, '2026-09-01 08:00', '2026-09-02 00:00'),
    ],
  });
  const flow = flowOf(everyDay('2026-07-15', '2026-09-30', plan), '2026-08..2026-09');

  it('gives 02:00–04:00 (120 min, covering 03:00) to the August analysis day: an overnight visit', () => {
    expect(valuesOf(flow, karuizawa, '2026-08')).toMatchObject({
      visitors: 1,
      visit_days: 1,
      overnight_visitors: 1,
    });
  });

  it('gives 04:00–05:00 to September, where it only passes through', () => {
    expect(valuesOf(flow, karuizawa, '2026-09')).toEqual({ passers_through: 1, passing_days: 1 });
  });
});

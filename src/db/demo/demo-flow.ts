import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../database';
import { publishFlowDataset } from '../flow-datasets.repository';
import {
  dateOfDay,
  firstDayOfMonth,
  isWorkingDay,
  jstInstantMs,
  lastDayOfMonth,
  monthKey,
  monthOfDay,
  nationalHolidayDays,
  parseMonthKey,
  weekdayOfDay,
  type HolidayDays,
} from '../../domain/mobility/analysis-calendar';
import {
  addDeviceFlow,
  createFlowAggregate,
  dataQuality,
  mergeFlowAggregates,
  type FlowAggregate,
} from '../../domain/mobility/flow-aggregate';
import {
  FLOW_PUBLICATION_DEFAULTS,
  protectFlowTables,
  publishedOrigins,
  type FlowPublication,
} from '../../domain/mobility/flow-publication';
import {
  FLOW_DEFAULTS,
  PERIOD_SCOPE,
  computeDeviceFlow,
  type DeviceTrace,
  type FlowContext,
} from '../../domain/mobility/metrics';
import type { MunicipalityAdjacency } from '../../domain/geo/municipality-locator';
import { seededRandom } from '../../domain/shared/seeded-random';

/**
 * The demo's people-flow dataset (decision 9): synthetic devices living in and around Tokyo,
 * Saitama, Gunma, Kanagawa and Nagano go about their days — commuting, staying home, and now
 * and then visiting 軽井沢町 and its neighbours as day trippers, overnight tourists, repeat
 * visitors, second-home owners and workationers. Their stay points go through the same engines
 * as `tsunagu flow analyze` (computeDeviceFlow → addDeviceFlow → mergeFlowAggregates →
 * protectFlowTables, k = 10) and the protected figures are stored with the repository function
 * the CLI's `--publish` uses. Nothing here is real people-flow data, and the label says so.
 *
 * The synthetic geography is a set of points whose municipality is known (no boundary file is
 * needed): each generated stay sits exactly on one of them, so locating it is a look-up.
 */

export const DEMO_FLOW_SOURCE_LABEL = 'デモ用の合成データ（実在の人流データではありません）';
export const DEMO_FLOW_PERIOD = { first: '2026-04', last: '2026-09' } as const;
/** When the demo dataset says it was published (fixed, so every demo database is the same). */
const DEMO_FLOW_PUBLISHED_AT = Date.UTC(2026, 9, 15, 1, 0);

const CODES = {
  karuizawa: '203211',
  miyota: '203238',
  saku: '202177',
  komoro: '202088',
  annaka: '102113',
} as const;

/** Where the synthetic devices live: municipality, a centre, and how many devices. */
const HOMES: ReadonlyArray<{
  code: string;
  lat: number;
  lon: number;
  devices: number;
  /** Relative appetite for a trip to Karuizawa (distance, habits). */
  travel: number;
  local?: boolean;
}> = [
  { code: '131016', lat: 35.694, lon: 139.7536, devices: 20, travel: 1 }, // 千代田区
  { code: '131032', lat: 35.658, lon: 139.7516, devices: 20, travel: 1.2 }, // 港区
  { code: '131121', lat: 35.6464, lon: 139.6533, devices: 85, travel: 1.1 }, // 世田谷区
  { code: '131156', lat: 35.6995, lon: 139.6364, devices: 60, travel: 1 }, // 杉並区
  { code: '131202', lat: 35.7356, lon: 139.6517, devices: 50, travel: 1 }, // 練馬区
  { code: '132021', lat: 35.6939, lon: 139.4077, devices: 20, travel: 0.9 }, // 立川市
  { code: '111031', lat: 35.9063, lon: 139.6237, devices: 20, travel: 1 }, // さいたま市大宮区
  { code: '112011', lat: 35.9251, lon: 139.4858, devices: 25, travel: 0.9 }, // 川越市
  { code: '112089', lat: 35.7995, lon: 139.4686, devices: 30, travel: 1 }, // 所沢市
  { code: '102024', lat: 36.3219, lon: 139.0032, devices: 50, travel: 1.3 }, // 高崎市
  { code: '102016', lat: 36.3895, lon: 139.0634, devices: 30, travel: 1.1 }, // 前橋市
  { code: CODES.annaka, lat: 36.3263, lon: 138.8873, devices: 20, travel: 1.5 }, // 安中市
  { code: '142051', lat: 35.3389, lon: 139.4901, devices: 20, travel: 0.8 }, // 藤沢市
  { code: '141178', lat: 35.5527, lon: 139.5371, devices: 20, travel: 0.9 }, // 横浜市青葉区
  { code: '202011', lat: 36.6485, lon: 138.1948, devices: 30, travel: 1.1 }, // 長野市
  { code: '202029', lat: 36.238, lon: 137.972, devices: 20, travel: 0.9 }, // 松本市
  { code: '202037', lat: 36.4022, lon: 138.2491, devices: 20, travel: 1.2 }, // 上田市
  { code: CODES.saku, lat: 36.2489, lon: 138.4769, devices: 40, travel: 2.5, local: true },
  { code: CODES.komoro, lat: 36.3275, lon: 138.4258, devices: 20, travel: 2, local: true },
  { code: CODES.miyota, lat: 36.3251, lon: 138.509, devices: 20, travel: 3, local: true },
  { code: CODES.karuizawa, lat: 36.3484, lon: 138.597, devices: 40, travel: 0, local: true },
];

/** Places people visit, each inside the municipality named (synthetic points, not venues). */
const SPOTS = {
  karuizawaStation: { code: CODES.karuizawa, lat: 36.3429, lon: 138.6351 },
  karuizawaOutlet: { code: CODES.karuizawa, lat: 36.3403, lon: 138.6327 },
  karuizawaGinza: { code: CODES.karuizawa, lat: 36.3602, lon: 138.6337 },
  karuizawaCafe: { code: CODES.karuizawa, lat: 36.342, lon: 138.636 },
  karuizawaCowork: { code: CODES.karuizawa, lat: 36.34, lon: 138.62 },
  nakakaruizawa: { code: CODES.karuizawa, lat: 36.3623, lon: 138.5914 },
  miyotaMall: { code: CODES.miyota, lat: 36.3232, lon: 138.5081 },
  sakuCentre: { code: CODES.saku, lat: 36.2778, lon: 138.4661 },
  komoroCastle: { code: CODES.komoro, lat: 36.3293, lon: 138.4183 },
} as const;
type Spot = { code: string; lat: number; lon: number };

const HOTELS: readonly Spot[] = [0, 1, 2, 3, 4, 5].map((i) => ({
  code: CODES.karuizawa,
  lat: 36.345 + i * 0.004,
  lon: 138.6 + i * 0.006,
}));
const SIGHTS: readonly Spot[] = [
  SPOTS.karuizawaStation,
  SPOTS.karuizawaOutlet,
  SPOTS.karuizawaGinza,
  SPOTS.karuizawaCafe,
  SPOTS.nakakaruizawa,
];

/** Which of the demo municipalities touch each other (as the N03 topology would say). */
const ADJACENT: ReadonlyArray<readonly [string, string]> = [
  [CODES.karuizawa, CODES.miyota],
  [CODES.karuizawa, CODES.saku],
  [CODES.karuizawa, CODES.annaka],
  [CODES.miyota, CODES.saku],
  [CODES.miyota, CODES.komoro],
  [CODES.saku, CODES.komoro],
  [CODES.komoro, '202037'],
];

/** How much more (or less) people travel to Karuizawa in a month (1 = January). */
const SEASON: Record<number, number> = {
  1: 0.5,
  2: 0.4,
  3: 0.6,
  4: 0.7,
  5: 1.1,
  6: 0.6,
  7: 1.3,
  8: 2.2,
  9: 1.0,
  10: 1.0,
  11: 0.6,
  12: 0.8,
};

type Stay = DeviceTrace['stayPoints'][number];
type Persona =
  | 'resident'
  | 'commuter_to_karuizawa'
  | 'day_tripper'
  | 'tourist'
  | 'second_home'
  | 'workationer'
  | 'trip_only';

/** The geography of the synthetic points: every stay is placed on a point registered here. */
class DemoGeography {
  private readonly codes = new Map<string, string>();
  place(code: string, lat: number, lon: number): Spot {
    const spot = { code, lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
    this.codes.set(`${spot.lat},${spot.lon}`, code);
    return spot;
  }
  locate = (lat: number, lon: number): string | null => this.codes.get(`${lat},${lon}`) ?? null;
}

/** A day's plan for one device: stays as [spot, from minute, to minute] of that JST date. */
type Segment = { spot: Spot; day: number; fromMin: number; toMin: number };

/**
 * One device's stays from its days, merging a stay that runs on at the same spot (home through
 * a weekend is one stay point, as the sliding method would find it).
 */
function toTrace(segments: readonly Segment[], pingOnlyDays: readonly number[]): DeviceTrace {
  const stays: Stay[] = [];
  let open: { spot: Spot; start: number; end: number } | null = null;
  const close = () => {
    if (open) {
      stays.push({
        startedAtMs: open.start,
        finishedAtMs: open.end,
        lat: open.spot.lat,
        lon: open.spot.lon,
      });
    }
    open = null;
  };
  for (const s of segments) {
    const start = jstInstantMs(s.day, s.fromMin);
    const end = jstInstantMs(s.day, s.toMin);
    if (open !== null && open.spot === s.spot && open.end === start) open.end = end;
    else {
      close();
      open = { spot: s.spot, start, end };
    }
  }
  close();
  // Fixes: the first and last of every stay, plus a couple on days that have pings but no stay
  // (a phone seen moving, never settled), which is what makes the data quality below 100 %.
  const ts: number[] = [];
  for (const s of stays) ts.push(s.startedAtMs, s.finishedAtMs);
  for (const day of pingOnlyDays)
    ts.push(jstInstantMs(day, 12 * 60), jstInstantMs(day, 12 * 60 + 7));
  ts.sort((a, b) => a - b);
  return { stayPoints: stays, fixTsMs: Float64Array.from(ts) };
}

type DeviceSpec = {
  home: Spot;
  /** A workplace (≥ 200 m from home), or null for people who do not commute. */
  office: Spot | null;
  persona: Persona;
  travel: number;
  /** A cottage in Karuizawa for second-home owners. */
  cottage: Spot | null;
};

type Plan = {
  firstDay: number;
  lastDay: number;
  holidays: HolidayDays;
  rand: () => number;
};

const pickOf =
  (rand: () => number) =>
  <T>(xs: readonly T[]): T =>
    xs[Math.floor(rand() * xs.length)]!;

/** The days of one device: home and work, and the visits its persona makes. */
function deviceSegments(spec: DeviceSpec, plan: Plan): { segments: Segment[]; pingOnly: number[] } {
  const { rand, holidays } = plan;
  const pick = pickOf(rand);
  const segments: Segment[] = [];
  const pingOnly: number[] = [];
  const ordinaryDay = (day: number) => {
    if (spec.office && isWorkingDay(day, holidays)) {
      segments.push({ spot: spec.home, day, fromMin: 0, toMin: 7 * 60 + 30 });
      segments.push({ spot: spec.office, day, fromMin: 9 * 60, toMin: 18 * 60 });
      segments.push({ spot: spec.home, day, fromMin: 19 * 60 + 15, toMin: 24 * 60 });
    } else segments.push({ spot: spec.home, day, fromMin: 0, toMin: 24 * 60 });
  };
  const leaveHome = (day: number, atMin: number) =>
    segments.push({ spot: spec.home, day, fromMin: 0, toMin: atMin });
  const backHome = (day: number, fromMin: number) =>
    segments.push({ spot: spec.home, day, fromMin, toMin: 24 * 60 });

  let day = plan.firstDay;
  while (day <= plan.lastDay) {
    const month = (monthOfDay(day) % 12) + 1;
    const season = SEASON[month]!;
    const weekday = weekdayOfDay(day);
    const free = !isWorkingDay(day, holidays);
    const r = rand();
    // Now and then a day without a settled stay: the phone pings, but never stays put.
    if (spec.persona !== 'trip_only' && r < 0.04) {
      pingOnly.push(day);
      day += 1;
      continue;
    }
    switch (spec.persona) {
      case 'day_tripper':
      case 'tourist':
      case 'resident':
      case 'commuter_to_karuizawa': {
        const local = spec.persona === 'resident' || spec.persona === 'commuter_to_karuizawa';
        if (spec.persona === 'commuter_to_karuizawa' && isWorkingDay(day, holidays)) {
          leaveHome(day, 7 * 60 + 30);
          segments.push({ spot: spec.office!, day, fromMin: 8 * 60 + 30, toMin: 17 * 60 + 30 });
          backHome(day, 18 * 60 + 30);
          day += 1;
          continue;
        }
        // Locals shop and go out nearby on free days (visits to the neighbouring towns).
        if (local && free && rand() < 0.1 * spec.travel) {
          const spot =
            spec.home.code === CODES.karuizawa
              ? pick([SPOTS.miyotaMall, SPOTS.sakuCentre, SPOTS.miyotaMall])
              : pick([
                  SPOTS.karuizawaOutlet,
                  SPOTS.karuizawaGinza,
                  SPOTS.miyotaMall,
                  SPOTS.komoroCastle,
                ]);
          if (spot.code !== spec.home.code) {
            leaveHome(day, 10 * 60);
            segments.push({
              spot,
              day,
              fromMin: 10 * 60 + 30,
              toMin: 13 * 60 + 30 + Math.floor(rand() * 120),
            });
            backHome(day, 16 * 60 + 30);
            day += 1;
            continue;
          }
        }
        // A day trip: about once or twice a year, more in summer, on a free day.
        const dayTripOdds = spec.persona === 'day_tripper' ? 0.012 : 0.004;
        if (!local && free && rand() < dayTripOdds * season * spec.travel) {
          leaveHome(day, 7 * 60);
          const first = pick(SIGHTS);
          segments.push({ spot: first, day, fromMin: 10 * 60, toMin: 13 * 60 });
          segments.push({ spot: pick(SIGHTS), day, fromMin: 13 * 60 + 20, toMin: 16 * 60 });
          backHome(day, 19 * 60 + 30);
          day += 1;
          continue;
        }
        // An overnight stay of 1–3 nights, starting on a Friday or Saturday.
        const tripOdds = spec.persona === 'tourist' ? 0.05 : 0.012;
        if (
          !local &&
          (weekday === 5 || weekday === 6) &&
          rand() < tripOdds * season * spec.travel
        ) {
          const nights = 1 + Math.floor(rand() * (weekday === 5 ? 3 : 2));
          const hotel = pick(HOTELS);
          leaveHome(day, 8 * 60);
          segments.push({ spot: pick(SIGHTS), day, fromMin: 11 * 60, toMin: 15 * 60 });
          segments.push({ spot: hotel, day, fromMin: 16 * 60, toMin: 24 * 60 });
          for (let n = 1; n < nights; n++) {
            segments.push({ spot: hotel, day: day + n, fromMin: 0, toMin: 9 * 60 + 30 });
            segments.push({ spot: pick(SIGHTS), day: day + n, fromMin: 10 * 60, toMin: 15 * 60 });
            segments.push({ spot: hotel, day: day + n, fromMin: 16 * 60, toMin: 24 * 60 });
          }
          const last = day + nights;
          segments.push({ spot: hotel, day: last, fromMin: 0, toMin: 10 * 60 });
          // Some go on to Komoro or Saku on the way home.
          const onward = rand() < 0.25 ? pick([SPOTS.komoroCastle, SPOTS.sakuCentre]) : null;
          segments.push({
            spot: onward ?? pick(SIGHTS),
            day: last,
            fromMin: 10 * 60 + 30,
            toMin: 14 * 60,
          });
          backHome(last, 18 * 60);
          day = last + 1;
          continue;
        }
        ordinaryDay(day);
        day += 1;
        continue;
      }
      case 'second_home': {
        // Most weekends at the cottage, Friday night to Sunday afternoon, more in summer.
        if (weekday === 5 && day + 2 <= plan.lastDay && rand() < Math.min(0.95, 0.45 * season)) {
          if (spec.office && isWorkingDay(day, holidays)) {
            leaveHome(day, 7 * 60 + 30);
            segments.push({ spot: spec.office, day, fromMin: 9 * 60, toMin: 17 * 60 });
          } else leaveHome(day, 15 * 60);
          segments.push({ spot: spec.cottage!, day, fromMin: 20 * 60 + 30, toMin: 24 * 60 });
          segments.push({ spot: spec.cottage!, day: day + 1, fromMin: 0, toMin: 10 * 60 });
          segments.push({
            spot: SPOTS.karuizawaGinza,
            day: day + 1,
            fromMin: 10 * 60 + 30,
            toMin: 13 * 60,
          });
          segments.push({
            spot: spec.cottage!,
            day: day + 1,
            fromMin: 13 * 60 + 30,
            toMin: 24 * 60,
          });
          segments.push({ spot: spec.cottage!, day: day + 2, fromMin: 0, toMin: 15 * 60 });
          backHome(day + 2, 18 * 60 + 30);
          day += 3;
          continue;
        }
        ordinaryDay(day);
        day += 1;
        continue;
      }
      case 'workationer': {
        // Now and then Monday to Wednesday working from Karuizawa, arriving Sunday evening.
        if (weekday === 0 && day + 3 <= plan.lastDay && rand() < 0.1 * season) {
          const hotel = pick(HOTELS);
          leaveHome(day, 15 * 60);
          segments.push({ spot: hotel, day, fromMin: 19 * 60, toMin: 24 * 60 });
          for (let n = 1; n <= 3; n++) {
            const d = day + n;
            segments.push({ spot: hotel, day: d, fromMin: 0, toMin: 8 * 60 + 30 });
            segments.push({
              spot: SPOTS.karuizawaCowork,
              day: d,
              fromMin: 9 * 60,
              toMin: 17 * 60 + 30,
            });
            if (n < 3) segments.push({ spot: hotel, day: d, fromMin: 18 * 60, toMin: 24 * 60 });
          }
          backHome(day + 3, 21 * 60);
          day += 4;
          continue;
        }
        ordinaryDay(day);
        day += 1;
        continue;
      }
      case 'trip_only': {
        // A phone seen only while travelling: its home is never known ("unknown" origin).
        if (free && rand() < 0.02 * season) {
          const hotel = pick(HOTELS);
          segments.push({ spot: pick(SIGHTS), day, fromMin: 11 * 60, toMin: 15 * 60 });
          segments.push({ spot: hotel, day, fromMin: 16 * 60, toMin: 24 * 60 });
          segments.push({ spot: hotel, day: day + 1, fromMin: 0, toMin: 9 * 60 });
          segments.push({ spot: pick(SIGHTS), day: day + 1, fromMin: 9 * 60 + 30, toMin: 13 * 60 });
          day += 2;
          continue;
        }
        if (rand() < 0.1) pingOnly.push(day);
        day += 1;
        continue;
      }
    }
  }
  return { segments: segments.filter((s) => s.day <= plan.lastDay), pingOnly };
}

/** The personas of the devices living in one place, drawn with fixed shares. */
function personaOf(local: boolean, isKaruizawa: boolean, r: number): Persona {
  if (isKaruizawa) return 'resident';
  if (local) return r < 0.25 ? 'commuter_to_karuizawa' : r < 0.35 ? 'tourist' : 'resident';
  if (r < 0.05) return 'second_home';
  if (r < 0.1) return 'workationer';
  if (r < 0.16) return 'trip_only';
  if (r < 0.36) return 'tourist';
  if (r < 0.56) return 'day_tripper';
  return 'resident';
}

export type DemoFlowAnalysis = {
  months: string[];
  publication: FlowPublication;
  aggregate: FlowAggregate;
  devices: number;
  stayPoints: number;
};

/**
 * Synthesises the demo's devices and runs them through the people-flow engines, in four
 * partitions merged in order as `flow analyze` does. Deterministic: the same figures every time.
 */
export function analyseDemoFlow(): DemoFlowAnalysis {
  const rand = seededRandom(20260321);
  const geography = new DemoGeography();
  for (const s of [...Object.values(SPOTS), ...HOTELS]) geography.place(s.code, s.lat, s.lon);
  const firstMonth = parseMonthKey(DEMO_FLOW_PERIOD.first)!;
  const lastMonth = parseMonthKey(DEMO_FLOW_PERIOD.last)!;
  // A month of data before the period, so homes are known from its first day.
  const firstDay = firstDayOfMonth(firstMonth - 1);
  const lastDay = lastDayOfMonth(lastMonth);
  const holidays = nationalHolidayDays(
    dateOfDay(firstDayOfMonth(firstMonth - FLOW_DEFAULTS.trailingMonths)),
    dateOfDay(lastDay + 7),
  );
  const adjacency = new Map<string, Set<string>>();
  for (const [a, b] of ADJACENT) {
    if (!adjacency.has(a)) adjacency.set(a, new Set());
    if (!adjacency.has(b)) adjacency.set(b, new Set());
    adjacency.get(a)!.add(b);
    adjacency.get(b)!.add(a);
  }
  const context: FlowContext = {
    period: { firstMonth, lastMonth },
    locate: geography.locate,
    adjacency: adjacency as MunicipalityAdjacency,
    holidays,
  };
  const plan: Plan = { firstDay, lastDay, holidays, rand };
  const jitter = (spread: number) => (rand() - 0.5) * spread;

  const partitions = Array.from({ length: 4 }, () => createFlowAggregate());
  let devices = 0;
  let stayPoints = 0;
  for (const home of HOMES) {
    for (let i = 0; i < home.devices; i++) {
      const isKaruizawa = home.code === CODES.karuizawa;
      const persona = personaOf(home.local === true, isKaruizawa, rand());
      const homeSpot = geography.place(home.code, home.lat + jitter(0.03), home.lon + jitter(0.03));
      const commutes = persona === 'commuter_to_karuizawa' || rand() < 0.6;
      const office =
        persona === 'commuter_to_karuizawa'
          ? geography.place(CODES.karuizawa, 36.345 + jitter(0.01), 138.61 + jitter(0.02))
          : commutes || persona === 'workationer'
            ? geography.place(home.code, homeSpot.lat + 0.004 + jitter(0.002), homeSpot.lon + 0.005)
            : null;
      const cottage =
        persona === 'second_home'
          ? geography.place(CODES.karuizawa, 36.355 + jitter(0.02), 138.58 + jitter(0.03))
          : null;
      const spec: DeviceSpec = {
        home: homeSpot,
        office,
        persona,
        travel: isKaruizawa ? 1 : home.travel,
        cottage,
      };
      const { segments, pingOnly } = deviceSegments(spec, plan);
      const trace = toTrace(segments, pingOnly);
      if (trace.fixTsMs.length === 0) continue;
      devices += 1;
      stayPoints += trace.stayPoints.length;
      addDeviceFlow(partitions[devices % partitions.length]!, computeDeviceFlow(trace, context));
    }
  }
  const aggregate = createFlowAggregate();
  for (const p of partitions) mergeFlowAggregates(aggregate, p);
  const months: string[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) months.push(monthKey(m));
  const publication = protectFlowTables(aggregate, months, FLOW_PUBLICATION_DEFAULTS);
  return { months, publication, aggregate, devices, stayPoints };
}

/**
 * Stores the demo dataset as `flow analyze --publish` would: protected figures only (suppressed
 * cells without a value, hidden origins not listed), under the demo coordinator's name, with the
 * audit event, in the caller's transaction.
 */
export async function seedDemoFlow(
  trx: Transaction<Database>,
  publisher: { userId: string; organizationId: string },
): Promise<{ datasetId: string; cells: number; origins: number }> {
  const { months, publication, aggregate, devices, stayPoints } = analyseDemoFlow();
  const { k, minOriginDevices } = FLOW_PUBLICATION_DEFAULTS;
  for (const c of [...publication.cells, ...publication.origins]) {
    if (c.published !== null && c.devices < k) {
      throw new Error(`demo flow: ${c.municipality} ${c.scope} has ${c.devices} < k devices`);
    }
  }
  const quality = dataQuality(aggregate).find((q) => q.scope === PERIOD_SCOPE);
  let panelDevices = 0;
  for (const [key, n] of aggregate.panel) if (key.startsWith(`${PERIOD_SCOPE}|`)) panelDevices += n;
  const counts = publication.counts;
  const cells = publication.cells.map((c) => ({
    municipalityCode: c.municipality,
    scope: c.scope,
    metric: c.metric,
    value: c.published,
  }));
  const origins = publishedOrigins(publication).map((o) => ({
    municipalityCode: o.municipality,
    scope: o.scope,
    originCode: o.origin,
    value: o.published!,
  }));
  const datasetId = randomUUID();
  const first = months[0]!;
  const last = months[months.length - 1]!;
  await publishFlowDataset(
    trx,
    {
      id: datasetId,
      sourceLabel: DEMO_FLOW_SOURCE_LABEL,
      periodFirst: first,
      periodLast: last,
      profile: 'production',
      k,
      minOriginDevices: Math.max(minOriginDevices, k),
      panelDevices,
      devices: quality?.devices ?? devices,
      cells: counts.cells,
      suppressedCells: counts.belowK + counts.complementary,
      metadata: {
        source: 'demo-flow (synthetic devices)',
        boundaries: 'none (synthetic points of known municipality)',
        months,
        municipalities: new Set(publication.cells.map((c) => c.municipality)).size,
        withheldMunicipalities: publication.withheldMunicipalities,
        belowK: counts.belowK,
        complementary: counts.complementary,
        originsPublished: counts.originsPublished,
        dataQualityShare: quality?.stayShare ?? null,
        deviceDays: quality?.activeDeviceDays ?? 0,
        stayPoints,
        lines: 0,
        rejected: 0,
        parameters: null,
        cleaning: null,
        generatedAt: new Date(DEMO_FLOW_PUBLISHED_AT).toISOString(),
      },
      fingerprint: `demo:${first}..${last}:k=${k}:m=${Math.max(minOriginDevices, k)}`,
      createdBy: publisher.userId,
      createdAtMs: DEMO_FLOW_PUBLISHED_AT,
    },
    cells,
    origins,
    { organizationId: publisher.organizationId, via: 'demo-seed' },
  );
  return { datasetId, cells: cells.length, origins: origins.length };
}

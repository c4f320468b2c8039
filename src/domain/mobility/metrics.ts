import { type MunicipalityAdjacency, areAdjacent } from '../geo/municipality-locator';
import {
  type HolidayDays,
  analysisDayOf,
  firstDayOfMonth,
  isWorkingDay,
  lastDayOfMonth,
  monthKey,
  monthOfDay,
  parseMonthKey,
} from './analysis-calendar';
import {
  HOME_WORK_DEFAULTS,
  type HomeWorkParams,
  buildDailyPlaceEvidence,
  inferHome,
  inferWork,
} from './home-work';
import { PLACE_EPS_M, type Places, clusterPlaces } from './places';
import { type DayPresence, type Trip, dailyPresence, tripsOf } from './presence';

/**
 * The per-device half of the people-flow metrics (docs/domain-mobility.md §3–§5, decision 7).
 * One call sees all of one device's data and nothing of any other device, so devices can be
 * partitioned by hash and analysed anywhere; what comes out is a few rows per municipality and
 * month that `flow-aggregate.ts` adds up. Every row is one device's whole contribution to its
 * cell, so counting rows counts distinct devices — no device ids ever leave this function.
 */

/** The metrics of one (municipality, scope, origin) cell, in a fixed order. */
export const FLOW_METRICS = [
  'visitors',
  'visitors_weekday',
  'visitors_holiday',
  'visit_days',
  'visit_days_weekday',
  'visit_days_holiday',
  'trips',
  'overnight_visitors',
  'day_trippers',
  'repeat_visitors',
  'passers_through',
  'passing_days',
  'connected_population',
  'connected_2_7',
  'connected_8_30',
  'connected_31_plus',
  'dual_residents',
  'workationers',
] as const;
export type FlowMetric = (typeof FLOW_METRICS)[number];
export type FlowValues = Record<FlowMetric, number>;

/** Metrics that count days; every other metric but `trips` is a 0/1 flag per device. */
const DAY_METRICS: ReadonlySet<FlowMetric> = new Set([
  'visit_days',
  'visit_days_weekday',
  'visit_days_holiday',
  'passing_days',
]);

/**
 * The most one device can add to a metric's cell in a scope of `scopeDays` analysis days —
 * the sensitivity of Laplace noise for that cell (docs §6: one contribution per device per
 * cell). Trips touching a scope are runs separated by a day without a visit: at most ⌈n / 2⌉.
 *
 * @example perDeviceBound('visitors', 31) === 1; perDeviceBound('visit_days', 31) === 31; perDeviceBound('trips', 31) === 16
 */
export function perDeviceBound(metric: FlowMetric, scopeDays: number): number {
  if (DAY_METRICS.has(metric)) return scopeDays;
  if (metric === 'trips') return Math.ceil(scopeDays / 2);
  return 1;
}

/** The scope of a row: a month 'YYYY-MM', or the whole analysis period. */
export const PERIOD_SCOPE = 'period';

export type FlowParams = {
  placeEpsM: number;
  homeWork: HomeWorkParams;
  /** Stay-point minutes in a municipality that make an analysis day a visit-day. */
  minVisitMin: number;
  /** Visit-days at most this many days apart belong to one trip. */
  tripMaxGapDays: number;
  /** Length of the trailing window of connected population and dual residents. */
  trailingMonths: number;
  connectedMinMonths: number;
  connectedMinVisitDays: number;
  /** Upper bounds of the connected-population segments: 2–7, 8–30, ≥ 31 visit-days. */
  connectedSegmentMax: readonly [number, number];
  dualMinOvernights: number;
  dualMinMonths: number;
  dualMinRunNights: number;
  dualMinTrips: number;
  workationMinDaytimeMin: number;
  /** Devices active on fewer analysis days in a month are left out of rates. */
  minActiveDaysForRates: number;
};

export const FLOW_DEFAULTS: Readonly<FlowParams> = Object.freeze({
  placeEpsM: PLACE_EPS_M,
  homeWork: HOME_WORK_DEFAULTS,
  minVisitMin: 120,
  tripMaxGapDays: 1,
  trailingMonths: 12,
  connectedMinMonths: 2,
  connectedMinVisitDays: 2,
  connectedSegmentMax: [7, 30] as const,
  dualMinOvernights: 30,
  dualMinMonths: 4,
  dualMinRunNights: 30,
  dualMinTrips: 2,
  workationMinDaytimeMin: 240,
  minActiveDaysForRates: 3,
});

/** Months as month numbers (year × 12 + month − 1), first ≤ last. */
export type FlowPeriod = { firstMonth: number; lastMonth: number };

/**
 * '2026-01..2026-12' (or a single '2026-04') as a period, or null when malformed or reversed.
 * @example parseFlowPeriod('2026-01..2026-12') // { firstMonth: 24312, lastMonth: 24323 }
 */
export function parseFlowPeriod(text: string): FlowPeriod | null {
  const [a, b, extra] = text.split('..');
  if (a === undefined || extra !== undefined) return null;
  const firstMonth = parseMonthKey(a);
  const lastMonth = b === undefined ? firstMonth : parseMonthKey(b);
  if (firstMonth === null || lastMonth === null || lastMonth < firstMonth) return null;
  return { firstMonth, lastMonth };
}

/** What the per-device analysis needs besides the device's own data. */
export type FlowContext = {
  period: FlowPeriod;
  /** 6-digit municipality code of a position, null at sea (a MunicipalityLocator's `locate`). */
  locate: (latDeg: number, lonDeg: number) => string | null;
  adjacency: MunicipalityAdjacency;
  /** National holidays covering the period and the 12 months before it. */
  holidays: HolidayDays;
  params?: FlowParams;
};

/** One device's data: its stay points in time order and its cleaned fix times. */
export type DeviceTrace = {
  stayPoints: readonly { startedAtMs: number; finishedAtMs: number; lat: number; lon: number }[];
  fixTsMs: Float64Array;
};

/** One device's contribution to one (municipality, scope, origin) cell. */
export type DeviceCellRow = {
  municipality: string;
  scope: string;
  /** The device's home municipality in the scope (the origin), null when unknown. */
  origin: string | null;
  values: FlowValues;
};

/** One device's standing in one scope: for the panel (expansion weights) and data quality. */
export type DeviceScopeRow = {
  scope: string;
  home: string | null;
  /** Work municipality; a teleworker's is its home's. Internal only, never exported per device. */
  work: string | null;
  teleworks: boolean;
  /** Analysis days with a fix or a stay point. */
  activeDays: number;
  /** Analysis days with a stay point. */
  stayDays: number;
};

export type DeviceFlow = { cells: DeviceCellRow[]; scopes: DeviceScopeRow[] };

type MonthStanding = { home: string | null; work: string | null; teleworks: boolean };

function zeroValues(): FlowValues {
  return Object.fromEntries(FLOW_METRICS.map((m) => [m, 0])) as FlowValues;
}

/** The municipality holding most of a place's stay-point time (a place may straddle a border). */
function placeMunicipalities(
  places: Places,
  stays: DeviceTrace['stayPoints'],
  stayMunicipality: readonly (string | null)[],
): (string | null)[] {
  const time: Map<string, number>[] = Array.from({ length: places.count }, () => new Map());
  stays.forEach((s, i) => {
    const m = stayMunicipality[i];
    if (m === null || m === undefined) return;
    const t = time[places.placeOf[i]!]!;
    t.set(m, (t.get(m) ?? 0) + (s.finishedAtMs - s.startedAtMs));
  });
  return time.map((t) => {
    let best: string | null = null;
    let bestMs = -1;
    for (const [m, ms] of t) {
      if (ms > bestMs || (ms === bestMs && best !== null && m < best)) {
        best = m;
        bestMs = ms;
      }
    }
    return best;
  });
}

function connectedSegment(visitDays: number, max: readonly [number, number]): FlowMetric {
  if (visitDays <= max[0]) return 'connected_2_7';
  if (visitDays <= max[1]) return 'connected_8_30';
  return 'connected_31_plus';
}

/** Whether some place in M was slept at enough (count over months, or a long run) and used on ≥ 2 trips. */
function isDualResident(
  overnights: readonly DayPresence[],
  trips: readonly Trip[],
  visitByDay: ReadonlyMap<number, DayPresence>,
  p: FlowParams,
): boolean {
  const byPlace = new Map<number, number[]>();
  for (const o of overnights) {
    const days = byPlace.get(o.overnightPlace);
    if (days) days.push(o.day);
    else byPlace.set(o.overnightPlace, [o.day]);
  }
  for (const [place, days] of byPlace) {
    const months = new Set(days.map(monthOfDay)).size;
    let run = 0;
    let longest = 0;
    for (let i = 0; i < days.length; i++) {
      run = i > 0 && days[i]! - days[i - 1]! === 1 ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    const enough =
      (days.length >= p.dualMinOvernights && months >= p.dualMinMonths) ||
      longest >= p.dualMinRunNights;
    if (!enough) continue;
    let tripsWithPlace = 0;
    for (const t of trips) {
      for (let d = t.firstDay; d <= t.lastDay; d++) {
        if (visitByDay.get(d)?.places.includes(place)) {
          tripsWithPlace += 1;
          break;
        }
      }
    }
    if (tripsWithPlace >= p.dualMinTrips) return true;
  }
  return false;
}

/**
 * The people-flow contribution of one device (docs/domain-mobility.md §3–§5): places, home and
 * work as of each month's last day, presence per municipality and analysis day, and for every
 * municipality M it was seen in, one row per month of the period and one for the whole period
 * with its metrics. Residents of M (home in M as of that month) contribute nothing to M that
 * month. Definitions the spec leaves open are settled in docs/decisions/0007; in short:
 * - a trip counts in every scope it touches; `repeat_visitors` = ≥ 2 trips touching the scope;
 * - `visitors_weekday` / `visitors_holiday`: a visit-day on a working day / on a weekend or
 *   national holiday in the scope — a device can be in both;
 * - `overnight_visitors` + `day_trippers` = `visitors` (an overnight counts in the scope of the
 *   analysis day whose night it ends);
 * - `passers_through`: seen in M (stay-point time under 120 min on some day) without any
 *   visit-day there in the scope; `passing_days` counts such short days;
 * - connected population, dual residents: trailing 12 months ending with the month (for the
 *   period row, its last month), counting every day in M in that window — the resident test
 *   applies as of the month only, since a 30-night run in M always makes M the home of some
 *   month by the 28-night home rule;
 * - a workationer's work is its work place or, teleworking, its home; unknown work never counts.
 *
 * @example
 * const flow = computeDeviceFlow({ stayPoints, fixTsMs }, { period, locate, adjacency, holidays });
 * // flow.cells: [{ municipality: '203211', scope: '2026-08', origin: '131016', values: { visitors: 1, visit_days: 3, trips: 1, … } }, …]
 */
export function computeDeviceFlow(device: DeviceTrace, context: FlowContext): DeviceFlow {
  const p = context.params ?? FLOW_DEFAULTS;
  const { firstMonth, lastMonth } = context.period;
  const stays = device.stayPoints;
  const places = clusterPlaces(stays, p.placeEpsM);
  const stayMunicipality = stays.map((s) => context.locate(s.lat, s.lon));
  const placeMunicipality = placeMunicipalities(places, stays, stayMunicipality);
  const placeStays = stays.map((s, i) => ({
    startedAtMs: s.startedAtMs,
    finishedAtMs: s.finishedAtMs,
    place: places.placeOf[i]!,
  }));
  const evidence = buildDailyPlaceEvidence(placeStays, device.fixTsMs, p.homeWork);

  // Home and work as of the last day of every month that any trailing window reaches.
  const historyFirst = firstMonth - (p.trailingMonths - 1);
  const standing = new Map<number, MonthStanding>();
  for (let m = historyFirst; m <= lastMonth; m++) {
    const ref = lastDayOfMonth(m);
    const home = inferHome(evidence, ref, p.homeWork);
    const homeMunicipality = home.place === null ? null : placeMunicipality[home.place]!;
    const work = inferWork(evidence, ref, home.place, places, context.holidays, p.homeWork);
    standing.set(m, {
      home: homeMunicipality,
      work:
        work.kind === 'place'
          ? placeMunicipality[work.place]!
          : work.kind === 'telework'
            ? homeMunicipality
            : null,
      teleworks: work.kind === 'telework',
    });
  }
  const homeIn = (m: number) => standing.get(m)?.home ?? null;
  const workIn = (m: number) => standing.get(m)?.work ?? null;
  let periodHome: string | null = null;
  for (let m = lastMonth; m >= firstMonth && periodHome === null; m--) periodHome = homeIn(m);

  const scopes: { key: string; from: number; to: number; asOf: number; origin: string | null }[] =
    [];
  for (let m = firstMonth; m <= lastMonth; m++) {
    scopes.push({
      key: monthKey(m),
      from: firstDayOfMonth(m),
      to: lastDayOfMonth(m),
      asOf: m,
      origin: homeIn(m),
    });
  }
  scopes.push({
    key: PERIOD_SCOPE,
    from: firstDayOfMonth(firstMonth),
    to: lastDayOfMonth(lastMonth),
    asOf: lastMonth,
    origin: periodHome,
  });

  const presence = dailyPresence(
    stays.map((s, i) => ({
      startedAtMs: s.startedAtMs,
      finishedAtMs: s.finishedAtMs,
      municipality: stayMunicipality[i]!,
      place: places.placeOf[i]!,
    })),
  );
  const historyFrom = firstDayOfMonth(historyFirst);
  const periodTo = lastDayOfMonth(lastMonth);
  const cells: DeviceCellRow[] = [];

  for (let start = 0; start < presence.length;) {
    const M = presence[start]!.municipality;
    let end = start;
    while (end < presence.length && presence[end]!.municipality === M) end++;
    // All days in M within reach of the period's windows; the trailing-window metrics use
    // them all (the resident test is as of the reported month), the visitor metrics only the
    // days of months in which the device did not live in M.
    const allDays = presence
      .slice(start, end)
      .filter((d) => d.day >= historyFrom && d.day <= periodTo);
    start = end;
    const days = allDays.filter((d) => homeIn(monthOfDay(d.day)) !== M);
    const isVisit = (d: DayPresence) => d.stayMin >= p.minVisitMin;
    const visits = days.filter(isVisit);
    const dayByDay = new Map(days.map((d) => [d.day, d]));
    const trips = tripsOf(
      visits.map((d) => d.day),
      p.tripMaxGapDays,
    );
    const allVisits = allDays.filter(isVisit);
    const allVisitByDay = new Map(allVisits.map((d) => [d.day, d]));
    const allTrips = tripsOf(
      allVisits.map((d) => d.day),
      p.tripMaxGapDays,
    );

    for (const scope of scopes) {
      if (scope.key !== PERIOD_SCOPE && homeIn(scope.asOf) === M) continue;
      const v = zeroValues();
      const inScope = days.filter((d) => d.day >= scope.from && d.day <= scope.to);
      const scopeVisits = inScope.filter(isVisit);
      for (const d of scopeVisits) {
        v.visit_days += 1;
        if (isWorkingDay(d.day, context.holidays)) v.visit_days_weekday += 1;
        else v.visit_days_holiday += 1;
      }
      const isVisitor = scopeVisits.length > 0;
      v.visitors = isVisitor ? 1 : 0;
      v.visitors_weekday = v.visit_days_weekday > 0 ? 1 : 0;
      v.visitors_holiday = v.visit_days_holiday > 0 ? 1 : 0;
      v.trips = trips.filter((t) => t.lastDay >= scope.from && t.firstDay <= scope.to).length;
      const overnight = inScope.some((d) => d.overnightPlace >= 0);
      v.overnight_visitors = isVisitor && overnight ? 1 : 0;
      v.day_trippers = isVisitor && !overnight ? 1 : 0;
      v.repeat_visitors = v.trips >= 2 ? 1 : 0;
      v.passing_days = inScope.filter((d) => d.stayMin > 0 && d.stayMin < p.minVisitMin).length;
      v.passers_through = !isVisitor && v.passing_days > 0 ? 1 : 0;

      // Trailing 12 months as of the scope's (last) month.
      const asOfHome = homeIn(scope.asOf);
      if (asOfHome !== M) {
        const windowFrom = firstDayOfMonth(scope.asOf - (p.trailingMonths - 1));
        const windowTo = lastDayOfMonth(scope.asOf);
        const windowVisits = allVisits.filter((d) => d.day >= windowFrom && d.day <= windowTo);
        const windowTrips = allTrips.filter(
          (t) => t.lastDay >= windowFrom && t.firstDay <= windowTo,
        );
        if (
          asOfHome !== null &&
          !areAdjacent(context.adjacency, asOfHome, M) &&
          workIn(scope.asOf) !== M
        ) {
          const tripMonths = new Set(
            windowTrips.map((t) => monthOfDay(Math.max(t.firstDay, windowFrom))),
          );
          if (
            tripMonths.size >= p.connectedMinMonths &&
            windowVisits.length >= p.connectedMinVisitDays
          ) {
            v.connected_population = 1;
            v[connectedSegment(windowVisits.length, p.connectedSegmentMax)] = 1;
          }
        }
        const windowOvernights = allDays.filter(
          (d) => d.day >= windowFrom && d.day <= windowTo && d.overnightPlace >= 0,
        );
        if (isDualResident(windowOvernights, windowTrips, allVisitByDay, p)) v.dual_residents = 1;
      }

      for (const d of inScope) {
        if (d.daytimeMin < p.workationMinDaytimeMin || !isWorkingDay(d.day, context.holidays)) {
          continue;
        }
        const work = workIn(monthOfDay(d.day));
        if (work === null || work === M) continue;
        const nightBefore = dayByDay.get(d.day - 1)?.overnightPlace ?? -1;
        if (d.overnightPlace >= 0 || nightBefore >= 0) {
          v.workationers = 1;
          break;
        }
      }

      if (FLOW_METRICS.some((m) => v[m] !== 0)) {
        cells.push({ municipality: M, scope: scope.key, origin: scope.origin, values: v });
      }
    }
  }

  return { cells, scopes: scopeRows(device, stays, scopes, standing, periodHome) };
}

/** Active and stay days per scope, with the device's home and work there. */
function scopeRows(
  device: DeviceTrace,
  stays: DeviceTrace['stayPoints'],
  scopes: readonly { key: string; from: number; to: number; asOf: number }[],
  standing: ReadonlyMap<number, MonthStanding>,
  periodHome: string | null,
): DeviceScopeRow[] {
  const active = new Set<number>();
  const withStay = new Set<number>();
  for (let i = 0; i < device.fixTsMs.length; i++) active.add(analysisDayOf(device.fixTsMs[i]!));
  for (const s of stays) {
    const last = analysisDayOf(Math.max(s.startedAtMs, s.finishedAtMs - 1));
    for (let d = analysisDayOf(s.startedAtMs); d <= last; d++) {
      active.add(d);
      withStay.add(d);
    }
  }
  return scopes.map((scope) => {
    let activeDays = 0;
    let stayDays = 0;
    for (const d of active) if (d >= scope.from && d <= scope.to) activeDays += 1;
    for (const d of withStay) if (d >= scope.from && d <= scope.to) stayDays += 1;
    const s = standing.get(scope.asOf);
    const isPeriod = scope.key === PERIOD_SCOPE;
    return {
      scope: scope.key,
      home: isPeriod ? periodHome : (s?.home ?? null),
      work: s?.work ?? null,
      teleworks: s?.teleworks ?? false,
      activeDays,
      stayDays,
    };
  });
}

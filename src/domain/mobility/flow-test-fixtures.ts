/**
 * Builders for the people-flow tests: hand-made traces of people going about their days, turned
 * into fixes and run through the production stay-point profile, so each test states its
 * persona's days in JST wall-clock time and nothing else.
 */
import {
  MS_PER_DAY,
  dateOfDay,
  dayOfDate,
  isWorkingDay,
  nationalHolidayDays,
} from './analysis-calendar';
import { STAY_POINT_PROFILES, detectStayPoints } from './detect-stay-points';
import type { DeviceTrace } from './metrics';

export type Spot = { name: string; lat: number; lon: number };

/** Spots inside real municipalities of the N03 file (the persona tests locate them with it). */
export const SPOTS = {
  /** 千代田区 131016 */
  tokyoHome: { name: 'tokyoHome', lat: 35.694, lon: 139.7536 },
  /** 中央区 131024, 2.7 km from tokyoHome */
  tokyoOffice: { name: 'tokyoOffice', lat: 35.671, lon: 139.765 },
  /** 軽井沢町 203211 */
  karuizawaHotel: { name: 'karuizawaHotel', lat: 36.348, lon: 138.63 },
  karuizawaCafe: { name: 'karuizawaCafe', lat: 36.342, lon: 138.636 },
  karuizawaCottage: { name: 'karuizawaCottage', lat: 36.36, lon: 138.59 },
  karuizawaOffice: { name: 'karuizawaOffice', lat: 36.34, lon: 138.62 },
  /** 御代田町 203238, adjacent to 軽井沢町 */
  miyotaHome: { name: 'miyotaHome', lat: 36.3251, lon: 138.509 },
} as const satisfies Record<string, Spot>;

export const CODES = {
  chiyoda: '131016',
  chuo: '131024',
  karuizawa: '203211',
  miyota: '203238',
} as const;

/** The instant of a JST wall-clock time 'YYYY-MM-DD HH:MM' ('24:00' is the next midnight). */
export function jst(dateTime: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(dateTime);
  if (!m) throw new RangeError(`not a JST date-time: ${dateTime}`);
  return dayOfDate(m[1]!) * MS_PER_DAY + (Number(m[2]) - 9) * 3_600_000 + Number(m[3]) * 60_000;
}

/** Being at a spot from one JST time to another. */
export type Visit = { spot: Spot; fromMs: number; toMs: number };

/** @example at(SPOTS.tokyoHome, '2026-08-01 19:00', '2026-08-02 08:00') */
export function at(spot: Spot, from: string, to: string): Visit {
  return { spot, fromMs: jst(from), toMs: jst(to) };
}

/** The date after a 'YYYY-MM-DD' date. */
export function nextDate(date: string): string {
  return dateOfDay(dayOfDate(date) + 1);
}

/**
 * Fixes every `everyMin` minutes through each visit, run through the production stay-point
 * profile: each visit becomes one stay point from its start to its end (the fix at the end is
 * left out when the next visit starts right then, whose first fix ends the stay instead).
 * Visits at one spot that follow each other without a gap merge into one stay.
 */
export function traceOf(visits: readonly Visit[], everyMin = 10): DeviceTrace {
  const sorted = [...visits].sort((a, b) => a.fromMs - b.fromMs);
  const ts: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  sorted.forEach((v, i) => {
    const next = sorted[i + 1];
    if (next && next.fromMs < v.toMs) throw new RangeError(`overlapping visits at ${v.spot.name}`);
    const includeEnd = !next || next.fromMs > v.toMs;
    for (let t = v.fromMs; t < v.toMs || (includeEnd && t === v.toMs); t += everyMin * 60_000) {
      ts.push(t);
      lat.push(v.spot.lat);
      lon.push(v.spot.lon);
    }
    if (includeEnd && ts[ts.length - 1] !== v.toMs) {
      ts.push(v.toMs);
      lat.push(v.spot.lat);
      lon.push(v.spot.lon);
    }
  });
  const track = {
    tsMs: Float64Array.from(ts),
    lat: Float64Array.from(lat),
    lon: Float64Array.from(lon),
  };
  return {
    stayPoints: detectStayPoints(track, STAY_POINT_PROFILES.production),
    fixTsMs: track.tsMs,
  };
}

/** Holidays wide enough for every test period (2023–2027). */
export const TEST_HOLIDAYS = nationalHolidayDays('2023-01-01', '2027-12-31');

/** One day of a plan: what to do on `date`, told whether it is a working day. */
export type DayPlan = (date: string, workingDay: boolean) => Visit[];

/** Visits for every date from `firstDate` to `lastDate` (inclusive). */
export function everyDay(firstDate: string, lastDate: string, plan: DayPlan): Visit[] {
  const out: Visit[] = [];
  for (let d = dayOfDate(firstDate); d <= dayOfDate(lastDate); d++) {
    out.push(...plan(dateOfDay(d), isWorkingDay(d, TEST_HOLIDAYS)));
  }
  return out;
}

/** At home all day. */
export function homeDay(home: Spot): DayPlan {
  return (date) => [at(home, `${date} 00:00`, `${nextDate(date)} 00:00`)];
}

/**
 * Home at night, the office 09:00–18:00 on working days, home all day otherwise. The commutes
 * have no fixes and last over the 60 min gap threshold, so every stay is exactly its visit.
 */
export function officeWorker(home: Spot, office: Spot): DayPlan {
  return (date, workingDay) =>
    workingDay
      ? [
          at(home, `${date} 00:00`, `${date} 07:45`),
          at(office, `${date} 09:00`, `${date} 18:00`),
          at(home, `${date} 19:15`, `${nextDate(date)} 00:00`),
        ]
      : homeDay(home)(date, workingDay);
}

/** A plan with some dates replaced. */
export function withDays(plan: DayPlan, special: Record<string, Visit[]>): DayPlan {
  return (date, workingDay) => special[date] ?? plan(date, workingDay);
}

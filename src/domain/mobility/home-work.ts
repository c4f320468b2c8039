import {
  MS_PER_MIN,
  isWorkingDay,
  jstDayOf,
  jstInstantMs,
  type HolidayDays,
} from './analysis-calendar';
import type { Places } from './places';
import { sphericalDistanceM } from './spherical-distance';

/** The thresholds of docs/domain-mobility.md §4; times of day are JST minutes after midnight. */
export type HomeWorkParams = {
  homeWindowDays: number;
  nightStartMin: number;
  nightEndMin: number;
  minNightOverlapMin: number;
  minHomeNights: number;
  minHomeShare: number;
  workWindowDays: number;
  workStartMin: number;
  workEndMin: number;
  minWorkOverlapMin: number;
  minWorkDays: number;
  minWorkShare: number;
  minWorkDistanceM: number;
};

export const HOME_WORK_DEFAULTS: Readonly<HomeWorkParams> = Object.freeze({
  homeWindowDays: 28,
  nightStartMin: 0,
  nightEndMin: 6 * 60,
  minNightOverlapMin: 60,
  minHomeNights: 7,
  minHomeShare: 0.5,
  workWindowDays: 42,
  workStartMin: 9 * 60,
  workEndMin: 17 * 60,
  minWorkOverlapMin: 180,
  minWorkDays: 4,
  minWorkShare: 0.6,
  minWorkDistanceM: 200,
});

/** A stay point reduced to what home and work need: its span and its place. */
export type PlaceStay = { startedAtMs: number; finishedAtMs: number; place: number };

/**
 * What each JST date says about a device, computed once and reused for every reference date:
 * whether its night (00:00–06:00) and its working hours (09:00–17:00) were *observed*, the
 * night's place, and the minutes at each place during working hours. Index = day − firstDay.
 */
export type DailyPlaceEvidence = {
  firstDay: number;
  dayCount: number;
  nightObserved: Uint8Array;
  /** The place with the largest overlap with the night if ≥ minNightOverlapMin, else −1. */
  nightPlace: Int32Array;
  workHoursObserved: Uint8Array;
  /** Places and minutes during working hours: entries dayStart[i] … dayStart[i + 1] − 1. */
  dayStart: Int32Array;
  dayPlace: Int32Array;
  dayMinutes: Float64Array;
};

function overlapMs(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const ms = Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
  return ms > 0 ? ms : 0;
}

/**
 * Builds the day-by-day evidence of one device. A window (a night, a day's working hours) is
 * *observed* when the device has a cleaned fix inside it or a stay point overlapping it: a
 * window with no data at all says nothing about where the person was, so it counts neither
 * for nor against a place. Stays must be in time order.
 *
 * @example
 * const evidence = buildDailyPlaceEvidence(stays, fixTsMs);
 * inferHome(evidence, dayOfDate('2026-01-31'));
 */
export function buildDailyPlaceEvidence(
  stays: readonly PlaceStay[],
  fixTsMs: Float64Array,
  params: HomeWorkParams = HOME_WORK_DEFAULTS,
): DailyPlaceEvidence {
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const s of stays) {
    firstDay = Math.min(firstDay, jstDayOf(s.startedAtMs));
    lastDay = Math.max(lastDay, jstDayOf(s.finishedAtMs));
  }
  for (let i = 0; i < fixTsMs.length; i++) {
    const day = jstDayOf(fixTsMs[i]!);
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  if (firstDay > lastDay) {
    return {
      firstDay: 0,
      dayCount: 0,
      nightObserved: new Uint8Array(0),
      nightPlace: new Int32Array(0),
      workHoursObserved: new Uint8Array(0),
      dayStart: new Int32Array(1),
      dayPlace: new Int32Array(0),
      dayMinutes: new Float64Array(0),
    };
  }
  const dayCount = lastDay - firstDay + 1;
  const nightObserved = new Uint8Array(dayCount);
  const workHoursObserved = new Uint8Array(dayCount);
  const nightMs: Map<number, number>[] = Array.from({ length: dayCount }, () => new Map());
  const dayMs: Map<number, number>[] = Array.from({ length: dayCount }, () => new Map());

  for (let i = 0; i < fixTsMs.length; i++) {
    const t = fixTsMs[i]!;
    const day = jstDayOf(t);
    const minute = (t - jstInstantMs(day, 0)) / MS_PER_MIN;
    if (minute >= params.nightStartMin && minute < params.nightEndMin) {
      nightObserved[day - firstDay] = 1;
    }
    if (minute >= params.workStartMin && minute < params.workEndMin) {
      workHoursObserved[day - firstDay] = 1;
    }
  }
  const add = (map: Map<number, number>, place: number, ms: number) =>
    map.set(place, (map.get(place) ?? 0) + ms);
  for (const s of stays) {
    const from = jstDayOf(s.startedAtMs);
    const to = jstDayOf(s.finishedAtMs);
    for (let day = from; day <= to; day++) {
      const i = day - firstDay;
      const night = overlapMs(
        s.startedAtMs,
        s.finishedAtMs,
        jstInstantMs(day, params.nightStartMin),
        jstInstantMs(day, params.nightEndMin),
      );
      if (night > 0) {
        nightObserved[i] = 1;
        add(nightMs[i]!, s.place, night);
      }
      const work = overlapMs(
        s.startedAtMs,
        s.finishedAtMs,
        jstInstantMs(day, params.workStartMin),
        jstInstantMs(day, params.workEndMin),
      );
      if (work > 0) {
        workHoursObserved[i] = 1;
        add(dayMs[i]!, s.place, work);
      }
    }
  }

  const nightPlace = new Int32Array(dayCount).fill(-1);
  const minNightMs = params.minNightOverlapMin * MS_PER_MIN;
  const dayStart = new Int32Array(dayCount + 1);
  const dayPlace: number[] = [];
  const dayMinutes: number[] = [];
  for (let i = 0; i < dayCount; i++) {
    let best = -1;
    let bestMs = 0;
    for (const [place, ms] of nightMs[i]!) {
      if (ms > bestMs || (ms === bestMs && place < best)) {
        best = place;
        bestMs = ms;
      }
    }
    if (best >= 0 && bestMs >= minNightMs) nightPlace[i] = best;
    dayStart[i] = dayPlace.length;
    for (const [place, ms] of dayMs[i]!) {
      dayPlace.push(place);
      dayMinutes.push(ms / MS_PER_MIN);
    }
  }
  dayStart[dayCount] = dayPlace.length;
  return {
    firstDay,
    dayCount,
    nightObserved,
    nightPlace,
    workHoursObserved,
    dayStart,
    dayPlace: Int32Array.from(dayPlace),
    dayMinutes: Float64Array.from(dayMinutes),
  };
}

export type HomeInference = {
  /** The home place, or null when unknown. */
  place: number | null;
  /** Nights whose place was the home (or the best candidate when unknown). */
  nights: number;
  observedNights: number;
};

/**
 * Home as of a date (docs/domain-mobility.md §4): over the trailing 28 nights ending with the
 * night of `refDay` (00:00–06:00 JST of each date), each night's place is the one with the
 * largest overlap if it reaches 60 min; home is the place most often the night's place, if that
 * is at least 7 nights and ≥ 50% of the observed nights — otherwise unknown (never a daytime
 * place). Ties go to the place visited first.
 *
 * @example
 * inferHome(evidence, dayOfDate('2026-01-31')); // { place: 0, nights: 20, observedNights: 24 }
 */
export function inferHome(
  evidence: DailyPlaceEvidence,
  refDay: number,
  params: HomeWorkParams = HOME_WORK_DEFAULTS,
): HomeInference {
  const counts = new Map<number, number>();
  let observedNights = 0;
  for (let day = refDay - params.homeWindowDays + 1; day <= refDay; day++) {
    const i = day - evidence.firstDay;
    if (i < 0 || i >= evidence.dayCount) continue;
    if (evidence.nightObserved[i]) observedNights += 1;
    const place = evidence.nightPlace[i]!;
    if (place >= 0) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  let best = -1;
  let nights = 0;
  for (const [place, count] of counts) {
    if (count > nights || (count === nights && place < best)) {
      best = place;
      nights = count;
    }
  }
  const known =
    best >= 0 && nights >= params.minHomeNights && nights >= params.minHomeShare * observedNights;
  return { place: known ? best : null, nights, observedNights };
}

export type WorkInference =
  | { kind: 'place'; place: number; days: number; observedWorkingDays: number }
  | { kind: 'telework'; days: number; observedWorkingDays: number }
  | { kind: 'none'; observedWorkingDays: number };

/**
 * Work as of a date (docs/domain-mobility.md §4): over the working days among the trailing 42
 * dates ending with `refDay`, each day's work candidate is the non-home place with the largest
 * overlap with 09:00–17:00 JST if it reaches 180 min; work is the most frequent candidate if it
 * holds on ≥ 4 days and ≥ 60% of the *observed* working days and lies ≥ 200 m from home.
 * Otherwise, when the home itself has 180 min of working hours on ≥ 60% of the observed working
 * days (and, like work, on at least 4 days), the device teleworks from home. A device without
 * a known home cannot telework by this rule, and any place may be its work.
 *
 * @example
 * inferWork(evidence, dayOfDate('2026-01-31'), home.place, places, holidays);
 * // { kind: 'place', place: 1, days: 27, observedWorkingDays: 29 }
 */
export function inferWork(
  evidence: DailyPlaceEvidence,
  refDay: number,
  homePlace: number | null,
  places: Pick<Places, 'lat' | 'lon'>,
  holidays: HolidayDays,
  params: HomeWorkParams = HOME_WORK_DEFAULTS,
): WorkInference {
  const counts = new Map<number, number>();
  let observedWorkingDays = 0;
  let homeDays = 0;
  for (let day = refDay - params.workWindowDays + 1; day <= refDay; day++) {
    const i = day - evidence.firstDay;
    if (i < 0 || i >= evidence.dayCount || !isWorkingDay(day, holidays)) continue;
    if (evidence.workHoursObserved[i]) observedWorkingDays += 1;
    let best = -1;
    let bestMin = 0;
    for (let e = evidence.dayStart[i]!; e < evidence.dayStart[i + 1]!; e++) {
      const place = evidence.dayPlace[e]!;
      const minutes = evidence.dayMinutes[e]!;
      if (place === homePlace) {
        if (minutes >= params.minWorkOverlapMin) homeDays += 1;
        continue;
      }
      if (minutes > bestMin || (minutes === bestMin && place < best)) {
        best = place;
        bestMin = minutes;
      }
    }
    if (best >= 0 && bestMin >= params.minWorkOverlapMin)
      counts.set(best, (counts.get(best) ?? 0) + 1);
  }
  let work = -1;
  let days = 0;
  for (const [place, count] of counts) {
    if (count > days || (count === days && place < work)) {
      work = place;
      days = count;
    }
  }
  const share = (n: number) =>
    n >= params.minWorkDays && n >= params.minWorkShare * observedWorkingDays;
  if (work >= 0 && share(days)) {
    const farEnough =
      homePlace === null ||
      sphericalDistanceM(
        places.lat[work]!,
        places.lon[work]!,
        places.lat[homePlace]!,
        places.lon[homePlace]!,
      ) >= params.minWorkDistanceM;
    if (farEnough) return { kind: 'place', place: work, days, observedWorkingDays };
  }
  if (homePlace !== null && share(homeDays)) {
    return { kind: 'telework', days: homeDays, observedWorkingDays };
  }
  return { kind: 'none', observedWorkingDays };
}

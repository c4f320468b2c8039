import { MS_PER_MIN, analysisDayOf, analysisDayStartMs, jstInstantMs } from './analysis-calendar';

/** A stay point with its municipality (null: at sea, abroad) and its place. */
export type LocatedStay = {
  startedAtMs: number;
  finishedAtMs: number;
  municipality: string | null;
  place: number;
};

/** One device's presence in one municipality on one analysis day (04:00–04:00 JST). */
export type DayPresence = {
  municipality: string;
  /** The analysis day, named by the date it starts on (a day number). */
  day: number;
  /** Stay-point minutes in the municipality within the analysis day. */
  stayMin: number;
  /** Of which within 09:00–17:00 JST of the day's date. */
  daytimeMin: number;
  /**
   * The place of the stay point in the municipality covering 03:00 JST at the end of this
   * analysis day (the night after the day's date), or −1: an overnight belongs to the
   * analysis day whose night it ends.
   */
  overnightPlace: number;
  /** Places in the municipality used this analysis day, ascending. */
  places: number[];
};

const OVERNIGHT_PROBE_MIN = 3 * 60;
const DAYTIME_START_MIN = 9 * 60;
const DAYTIME_END_MIN = 17 * 60;

/**
 * Splits a device's stay points over municipalities and analysis days (docs/domain-mobility.md
 * §5): a stay from 02:00 to 05:00 JST gives 120 min to the analysis day before 04:00 and 60 min
 * to the one after. A stay point `[start, finish)` covers 03:00 when start ≤ 03:00 < finish.
 * Stays without a municipality are left out. Result sorted by municipality, then day.
 *
 * @example
 * dailyPresence([{ startedAtMs: jstInstantMs(d, 120), finishedAtMs: jstInstantMs(d, 300), municipality: '203211', place: 0 }]);
 * // [{ day: d − 1, stayMin: 120, overnightPlace: 0, … }, { day: d, stayMin: 60, overnightPlace: −1, … }]
 */
export function dailyPresence(stays: readonly LocatedStay[]): DayPresence[] {
  const byMunicipality = new Map<string, Map<number, DayPresence>>();
  for (const s of stays) {
    if (s.municipality === null || !(s.finishedAtMs > s.startedAtMs)) continue;
    let days = byMunicipality.get(s.municipality);
    if (!days) byMunicipality.set(s.municipality, (days = new Map()));
    const first = analysisDayOf(s.startedAtMs);
    const last = analysisDayOf(s.finishedAtMs - 1);
    for (let day = first; day <= last; day++) {
      const from = Math.max(s.startedAtMs, analysisDayStartMs(day));
      const to = Math.min(s.finishedAtMs, analysisDayStartMs(day + 1));
      const daytime =
        Math.min(to, jstInstantMs(day, DAYTIME_END_MIN)) -
        Math.max(from, jstInstantMs(day, DAYTIME_START_MIN));
      const probe = jstInstantMs(day + 1, OVERNIGHT_PROBE_MIN);
      let p = days.get(day);
      if (!p) {
        p = {
          municipality: s.municipality,
          day,
          stayMin: 0,
          daytimeMin: 0,
          overnightPlace: -1,
          places: [],
        };
        days.set(day, p);
      }
      p.stayMin += (to - from) / MS_PER_MIN;
      if (daytime > 0) p.daytimeMin += daytime / MS_PER_MIN;
      if (s.startedAtMs <= probe && probe < s.finishedAtMs) p.overnightPlace = s.place;
      if (!p.places.includes(s.place)) p.places.push(s.place);
    }
  }
  const out: DayPresence[] = [];
  for (const municipality of [...byMunicipality.keys()].sort()) {
    const days = byMunicipality.get(municipality)!;
    for (const day of [...days.keys()].sort((a, b) => a - b)) {
      const p = days.get(day)!;
      p.places.sort((a, b) => a - b);
      out.push(p);
    }
  }
  return out;
}

/** A run of visit-days in one municipality. */
export type Trip = { firstDay: number; lastDay: number; visitDays: number };

/**
 * Trips (docs/domain-mobility.md §5): runs of visit-days no more than `maxGapDays` apart — with
 * the default 1, consecutive analysis days; a day without a visit ends the trip.
 *
 * @example
 * tripsOf([10, 11, 12, 20]); // [{ firstDay: 10, lastDay: 12, visitDays: 3 }, { firstDay: 20, lastDay: 20, visitDays: 1 }]
 */
export function tripsOf(visitDays: readonly number[], maxGapDays = 1): Trip[] {
  const trips: Trip[] = [];
  let current: Trip | null = null;
  for (const day of visitDays) {
    if (current !== null && day - current.lastDay <= maxGapDays) {
      current.lastDay = day;
      current.visitDays += 1;
    } else {
      current = { firstDay: day, lastDay: day, visitDays: 1 };
      trips.push(current);
    }
  }
  return trips;
}

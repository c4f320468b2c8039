/**
 * The travel a match asks of a worker, estimated the way docs/domain-co2.md allows when no route
 * is known: great-circle distance between home and the host's office × a detour factor for the
 * mode, the mode chosen by that distance, a rough door-to-door time, and CO2 per round trip with
 * the FY2024 factors. Rough by design: it ranks and explains, it does not book a ticket.
 *
 * Assumptions, each a named constant below so that a change is a one-line diff:
 * - Mode by great-circle distance: under 100 km the local mode (car by default: regional hosts
 *   are mostly reached by car, and it is the higher-CO2 assumption; 'rail' on request);
 *   100–700 km inclusive Shinkansen; over 700 km domestic air.
 * - Detour (travelled ÷ great-circle km): road 1.3, rail and Shinkansen 1.25 (Tokyo–Shin-Osaka is
 *   515 rail km over ≈ 400 km), air 1.1 (routing and approach).
 * - Door-to-door minutes = access time (both ends: parking, stations, airport security) +
 *   travelled km ÷ average speed.
 * - Trips: a local mode is a day return per on-site day; by Shinkansen or air, on-site days are
 *   grouped into stays of up to five (a working week), so 8 on-site days are 2 trips. Under one
 *   day a month (a day every other month) counts as that fraction of a trip.
 * - The travel factor's value (0..1) is the mean of a time part (1 up to 30 min one way, 0 from
 *   6 h) and a CO2 part (1 at zero, 0 from 200 kg a month): the worker's burden and the planet's.
 */
import { roundTripCo2Kg } from '../co2/emission-factors';

/** Mean Earth radius, as in domain/mobility. */
export const EARTH_RADIUS_KM = 6371;

export type TripMode = 'car' | 'rail' | 'shinkansen' | 'air';
/** The mode assumed under LOCAL_TRAVEL_BELOW_KM. */
export type LocalTravelMode = 'car' | 'rail';

/** Great-circle km below which travel is local (car or local rail). */
export const LOCAL_TRAVEL_BELOW_KM = 100;
/** Great-circle km up to which (inclusive) the Shinkansen is assumed; air beyond. */
export const SHINKANSEN_UP_TO_KM = 700;

export type TripModeAssumption = {
  /** Travelled km per great-circle km. */
  detourFactor: number;
  /** Minutes added per one-way trip for getting to and from the vehicle, both ends together. */
  accessMin: number;
  /** Average speed over the travelled km. */
  speedKmPerH: number;
};

export const tripModeAssumptions: Readonly<Record<TripMode, TripModeAssumption>> = {
  car: { detourFactor: 1.3, accessMin: 10, speedKmPerH: 60 },
  rail: { detourFactor: 1.25, accessMin: 20, speedKmPerH: 45 },
  shinkansen: { detourFactor: 1.25, accessMin: 60, speedKmPerH: 200 },
  air: { detourFactor: 1.1, accessMin: 150, speedKmPerH: 600 },
};

/** By Shinkansen or air, on-site days are grouped into stays of at most this many days. */
export const MAX_ONSITE_DAYS_PER_STAY = 5;
/** One-way door-to-door time that still counts as no burden, and the time that counts as all. */
export const TRAVEL_TIME_FULL_VALUE_MIN = 30;
export const TRAVEL_TIME_ZERO_VALUE_MIN = 360;
/** Monthly travel CO2 at which the CO2 part of the travel value reaches 0. */
export const TRAVEL_CO2_ZERO_VALUE_KG_PER_MONTH = 200;

export type TravelEstimate = {
  mode: TripMode;
  /** Home ↔ office, rounded to 0.1 km; everything else is derived from this figure. */
  greatCircleKm: number;
  detourFactor: number;
  /** One way, travelled: greatCircleKm × detourFactor, rounded to 0.1 km. */
  distanceKm: number;
  /** One way, door to door, whole minutes. */
  durationMin: number;
  co2KgPerRoundTrip: number;
  tripsPerMonth: number;
  co2KgPerMonth: number;
  /** The travel factor's value, 0..1 (see the module comment). */
  value: number;
};

/**
 * The mode assumed for a great-circle distance.
 *
 * @example
 * chooseTripMode(99.9, 'car'); // 'car'
 * chooseTripMode(100, 'car'); // 'shinkansen'
 * chooseTripMode(700.1, 'car'); // 'air'
 */
export function chooseTripMode(greatCircleKm: number, localMode: LocalTravelMode): TripMode {
  if (greatCircleKm < LOCAL_TRAVEL_BELOW_KM) return localMode;
  return greatCircleKm <= SHINKANSEN_UP_TO_KM ? 'shinkansen' : 'air';
}

/**
 * A fresh estimate to be filled by `estimateTravelInto` (one per caller, reused per pair).
 *
 * @example
 * const out = createTravelEstimate();
 */
export function createTravelEstimate(): TravelEstimate {
  return {
    mode: 'car',
    greatCircleKm: 0,
    detourFactor: 1,
    distanceKm: 0,
    durationMin: 0,
    co2KgPerRoundTrip: 0,
    tripsPerMonth: 0,
    co2KgPerMonth: 0,
    value: 1,
  };
}

/**
 * Travel for a great-circle distance and the on-site days a month, written into `out` so that
 * scoring thousands of pairs allocates nothing; `estimateTravel` is the allocating form.
 *
 * @example
 * const out = createTravelEstimate();
 * estimateTravelInto(out, 400, 8, 'car');
 * // out → { mode: 'shinkansen', distanceKm: 500, durationMin: 210, co2KgPerRoundTrip: 20,
 * //         tripsPerMonth: 2, co2KgPerMonth: 40, … }
 */
export function estimateTravelInto(
  out: TravelEstimate,
  greatCircleKm: number,
  onsiteDaysPerMonth: number,
  localMode: LocalTravelMode,
): TravelEstimate {
  const circleKm = roundToTenth(greatCircleKm);
  const mode = chooseTripMode(circleKm, localMode);
  const assumption = tripModeAssumptions[mode];
  const distanceKm = roundToTenth(circleKm * assumption.detourFactor);
  const durationMin = Math.round(assumption.accessMin + (distanceKm / assumption.speedKmPerH) * 60);
  const co2KgPerRoundTrip = roundTripCo2Kg(distanceKm, mode);
  const tripsPerMonth = tripsFor(mode, onsiteDaysPerMonth);
  const co2KgPerMonth = Math.round(co2KgPerRoundTrip * 1000 * tripsPerMonth) / 1000;
  const timeValue = clamp01(
    1 -
      (durationMin - TRAVEL_TIME_FULL_VALUE_MIN) /
        (TRAVEL_TIME_ZERO_VALUE_MIN - TRAVEL_TIME_FULL_VALUE_MIN),
  );
  const co2Value = clamp01(1 - co2KgPerMonth / TRAVEL_CO2_ZERO_VALUE_KG_PER_MONTH);
  out.mode = mode;
  out.greatCircleKm = circleKm;
  out.detourFactor = assumption.detourFactor;
  out.distanceKm = distanceKm;
  out.durationMin = durationMin;
  out.co2KgPerRoundTrip = co2KgPerRoundTrip;
  out.tripsPerMonth = tripsPerMonth;
  out.co2KgPerMonth = co2KgPerMonth;
  out.value = (timeValue + co2Value) / 2;
  return out;
}

/**
 * Travel for a great-circle distance and the on-site days a month.
 *
 * @example
 * estimateTravel(400, 8, 'car').co2KgPerRoundTrip; // 20 — 500 km each way by Shinkansen
 */
export function estimateTravel(
  greatCircleKm: number,
  onsiteDaysPerMonth: number,
  localMode: LocalTravelMode,
): TravelEstimate {
  return estimateTravelInto(createTravelEstimate(), greatCircleKm, onsiteDaysPerMonth, localMode);
}

/** A point on the unit sphere, so that a pair's distance needs one sqrt and one asin. */
export type UnitVector = { x: number; y: number; z: number };

/**
 * @example
 * toUnitVector(0, 0); // { x: 1, y: 0, z: 0 }
 */
export function toUnitVector(latDeg: number, lngDeg: number): UnitVector {
  const lat = (latDeg * Math.PI) / 180;
  const lng = (lngDeg * Math.PI) / 180;
  const cosLat = Math.cos(lat);
  return { x: cosLat * Math.cos(lng), y: cosLat * Math.sin(lng), z: Math.sin(lat) };
}

/**
 * Great-circle km between two unit vectors, from their chord: exact on a sphere, and well
 * conditioned for every distance that occurs in Japan.
 *
 * @example
 * greatCircleKmBetween(toUnitVector(35.694, 139.7536), toUnitVector(34.6937, 135.5023)); // ≈ 397
 */
export function greatCircleKmBetween(a: UnitVector, b: UnitVector): number {
  return greatCircleKmFromDeltas(a.x - b.x, a.y - b.y, a.z - b.z);
}

/**
 * The same from the coordinate differences, for callers that keep vectors unpacked.
 *
 * @example
 * greatCircleKmFromDeltas(a.x - b.x, a.y - b.y, a.z - b.z);
 */
export function greatCircleKmFromDeltas(dx: number, dy: number, dz: number): number {
  const halfChord = Math.sqrt(dx * dx + dy * dy + dz * dz) / 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(halfChord > 1 ? 1 : halfChord);
}

function tripsFor(mode: TripMode, onsiteDaysPerMonth: number): number {
  if (onsiteDaysPerMonth <= 0) return 0;
  if (mode === 'car' || mode === 'rail' || onsiteDaysPerMonth < 1) return onsiteDaysPerMonth;
  return Math.ceil(onsiteDaysPerMonth / MAX_ONSITE_DAYS_PER_STAY);
}

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

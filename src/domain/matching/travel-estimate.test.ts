import { describe, expect, it } from 'vitest';
import {
  EARTH_RADIUS_KM,
  chooseTripMode,
  estimateTravel,
  greatCircleKmBetween,
  toUnitVector,
} from './travel-estimate';
import { places } from './match-test-fixtures';

/** The haversine formula, as an independent check of the chord form. */
function haversineKm(latA: number, lngA: number, latB: number, lngB: number): number {
  const rad = Math.PI / 180;
  const dLat = (latB - latA) * rad;
  const dLng = (lngB - lngA) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(latA * rad) * Math.cos(latB * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

describe('chooseTripMode', () => {
  it('goes locally under 100 km, by Shinkansen from 100 to 700 km inclusive, by air beyond', () => {
    expect(chooseTripMode(99.9, 'car')).toBe('car');
    expect(chooseTripMode(99.9, 'rail')).toBe('rail');
    expect(chooseTripMode(100, 'car')).toBe('shinkansen');
    expect(chooseTripMode(700, 'car')).toBe('shinkansen');
    expect(chooseTripMode(700.1, 'car')).toBe('air');
  });
});

describe('estimateTravel', () => {
  it('makes 400 great-circle km 500 km each way by Shinkansen: 20.0 kg per round trip', () => {
    const estimate = estimateTravel(400, 8, 'car');
    expect(estimate).toMatchObject({
      mode: 'shinkansen',
      greatCircleKm: 400,
      detourFactor: 1.25,
      distanceKm: 500,
      durationMin: 210, // 60 min access + 500 km at 200 km/h
      co2KgPerRoundTrip: 20,
      tripsPerMonth: 2, // 8 on-site days in stays of up to 5
      co2KgPerMonth: 40,
    });
  });

  it('makes a car trip a day return per on-site day', () => {
    const estimate = estimateTravel(40, 3, 'car');
    expect(estimate).toMatchObject({ mode: 'car', distanceKm: 52, durationMin: 62 });
    expect(estimate.co2KgPerRoundTrip).toBe(13); // 104 pkm × 125 g
    expect(estimate.tripsPerMonth).toBe(3);
    expect(estimate.co2KgPerMonth).toBe(39);
  });

  it('flies beyond 700 km with the air factor', () => {
    const estimate = estimateTravel(1000, 3, 'car');
    expect(estimate).toMatchObject({ mode: 'air', distanceKm: 1100, tripsPerMonth: 1 });
    expect(estimate.co2KgPerRoundTrip).toBe(200.2); // 2,200 pkm × 91 g
    expect(estimate.durationMin).toBe(260); // 150 min access + 1,100 km at 600 km/h
  });

  it('counts a day every other month as half a trip a month', () => {
    expect(estimateTravel(400, 0.5, 'car').tripsPerMonth).toBe(0.5);
  });

  it('values travel from 1 (short, no CO2) down to 0 (six hours and 200 kg a month)', () => {
    expect(estimateTravel(0, 4, 'car').value).toBe(1);
    expect(estimateTravel(2000, 20, 'car').value).toBe(0);
    const near = estimateTravel(150, 2, 'car').value;
    const far = estimateTravel(600, 2, 'car').value;
    expect(near).toBeGreaterThan(far);
  });
});

describe('greatCircleKmBetween', () => {
  it('agrees with the haversine formula (Chiyoda → Osaka ≈ 400 km, → Sapporo ≈ 830 km)', () => {
    const tokyo = places.tokyoChiyoda;
    for (const to of [places.osakaCity, places.sapporo, places.odawara, places.fukuokaCity]) {
      const km = greatCircleKmBetween(
        toUnitVector(tokyo.lat, tokyo.lng),
        toUnitVector(to.lat, to.lng),
      );
      expect(km).toBeCloseTo(haversineKm(tokyo.lat, tokyo.lng, to.lat, to.lng), 6);
    }
    const sameSpot = toUnitVector(tokyo.lat, tokyo.lng);
    expect(greatCircleKmBetween(sameSpot, sameSpot)).toBe(0);
  });
});

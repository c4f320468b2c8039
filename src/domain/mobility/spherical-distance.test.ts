import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, sphericalDistanceM } from './spherical-distance';

describe('sphericalDistanceM', () => {
  it('gives trackintel’s own example: 18,749.056 m from (47.3, 8.5) to (47.2, 8.7)', () => {
    expect(sphericalDistanceM(47.3, 8.5, 47.2, 8.7)).toBeCloseTo(18749.056277719905, 6);
  });

  it('measures one degree of latitude as R·π/180', () => {
    expect(sphericalDistanceM(35, 139, 36, 139)).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 6);
  });

  it('is exactly zero between identical points, also at the poles and the antimeridian', () => {
    for (const [lat, lon] of [
      [35.6812362, 139.7671248],
      [90, 0],
      [-90, 123],
      [0, 180],
      [-33.9, -180],
    ] as const) {
      expect(sphericalDistanceM(lat, lon, lat, lon)).toBe(0);
    }
  });

  it('clamps the cosine so that antipodes give half the circumference, never NaN', () => {
    const d = sphericalDistanceM(35, 139, -35, -41);
    expect(Number.isNaN(d)).toBe(false);
    expect(d).toBeCloseTo(EARTH_RADIUS_M * Math.PI, 0);
  });

  it('takes the short way across the antimeridian', () => {
    const across = sphericalDistanceM(0, 179.9995, 0, -179.9995);
    expect(across).toBeCloseTo((EARTH_RADIUS_M * Math.PI * 0.001) / 180, 3);
  });

  it('is symmetric', () => {
    expect(sphericalDistanceM(35.1, 139.2, 35.2, 139.3)).toBe(
      sphericalDistanceM(35.2, 139.3, 35.1, 139.2),
    );
  });
});

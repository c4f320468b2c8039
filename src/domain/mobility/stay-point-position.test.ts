import { describe, expect, it } from 'vitest';
import { meanDistinctPosition } from './stay-point-position';

const f64 = (...values: number[]) => Float64Array.from(values);

describe('meanDistinctPosition', () => {
  it('averages distinct coordinates: a fix repeated many times weighs once', () => {
    const lat = f64(35, 35, 35, 35, 36);
    const lon = f64(139, 139, 139, 139, 140);
    const p = meanDistinctPosition(lat, lon, 0, 5);
    expect(p.distinctCount).toBe(2);
    expect(p.lat).toBeCloseTo(35.5, 12);
    expect(p.lon).toBeCloseTo(139.5, 12);
  });

  it('counts a pair as distinct when only one of its coordinates differs', () => {
    const p = meanDistinctPosition(f64(35, 35, 36), f64(139, 140, 139), 0, 3);
    expect(p.distinctCount).toBe(3);
    expect(p.lat).toBeCloseTo(106 / 3, 12);
  });

  it('takes the circular mean of longitudes across the antimeridian', () => {
    const p = meanDistinctPosition(f64(10, 20), f64(179.5, -179.5), 0, 2);
    expect(p.lat).toBeCloseTo(15, 12);
    expect(Math.abs(p.lon)).toBeCloseTo(180, 9);
  });

  it('uses atan2 of the mean sine and cosine, not the arithmetic mean, for longitude', () => {
    const p = meanDistinctPosition(f64(0, 0), f64(0, 90), 0, 2);
    expect(p.lon).toBeCloseTo(45, 12);
    const q = meanDistinctPosition(f64(0, 0, 0), f64(0, 0.0001, 90), 0, 3);
    const rad = Math.PI / 180;
    const expected =
      Math.atan2(
        (Math.sin(0) + Math.sin(0.0001 * rad) + Math.sin(90 * rad)) / 3,
        (Math.cos(0) + Math.cos(0.0001 * rad) + Math.cos(90 * rad)) / 3,
      ) / rad;
    expect(q.lon).toBeCloseTo(expected, 12);
    expect(q.lon).not.toBeCloseTo((0 + 0.0001 + 90) / 3, 3);
  });

  it('treats −0 and 0 as the same coordinate', () => {
    expect(meanDistinctPosition(f64(0, -0), f64(-0, 0), 0, 2).distinctCount).toBe(1);
  });

  it('looks only at the members from…to−1', () => {
    const p = meanDistinctPosition(f64(1, 2, 3, 4), f64(1, 2, 3, 4), 1, 3);
    expect(p).toEqual({ lat: 2.5, lon: expect.closeTo(2.5, 12), distinctCount: 2 });
  });

  it('agrees with a plain de-duplication on many points, call after call', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 20; round++) {
      const n = 1 + Math.floor(random() * 3000);
      const lat = new Float64Array(n);
      const lon = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        // few distinct values, so that repeats are common
        lat[i] = 35 + Math.floor(random() * 40) / 1000;
        lon[i] = 139 + Math.floor(random() * 40) / 1000;
      }
      const distinct = new Map<string, [number, number]>();
      for (let i = 0; i < n; i++) distinct.set(`${lat[i]},${lon[i]}`, [lat[i]!, lon[i]!]);
      const pairs = [...distinct.values()];
      const p = meanDistinctPosition(lat, lon, 0, n);
      expect(p.distinctCount).toBe(pairs.length);
      expect(p.lat).toBeCloseTo(pairs.reduce((s, [y]) => s + y, 0) / pairs.length, 9);
    }
  });
});

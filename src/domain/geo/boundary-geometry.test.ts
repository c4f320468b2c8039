import { describe, expect, it } from 'vitest';
import {
  isInJapanBounds,
  mergeBoundaries,
  roundBoundary,
  type LngLat,
  type PolygonGeometry,
} from './boundary-geometry';

const square = (lng: number, lat: number): LngLat[][] => [
  [
    [lng, lat],
    [lng + 1, lat],
    [lng + 1, lat + 1],
    [lng, lat],
  ],
];
const polygon = (lng: number, lat: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: square(lng, lat),
});

describe('mergeBoundaries', () => {
  it('keeps a single polygon a Polygon', () => {
    expect(mergeBoundaries([polygon(139, 35)])).toEqual(polygon(139, 35));
  });
  it('joins the pieces of an island municipality into one MultiPolygon', () => {
    const merged = mergeBoundaries([
      polygon(139, 35),
      { type: 'MultiPolygon', coordinates: [square(140, 35), square(141, 35)] },
    ]);
    expect(merged).toEqual({
      type: 'MultiPolygon',
      coordinates: [square(139, 35), square(140, 35), square(141, 35)],
    });
  });
  it('has nothing to give for no pieces', () => {
    expect(mergeBoundaries([])).toBeNull();
  });
});

describe('roundBoundary', () => {
  it('rounds every position to the given number of decimals', () => {
    const g: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [139.75362191, 35.69400274],
          [139.7, 35.7],
          [139.75362191, 35.69400274],
        ],
      ],
    };
    expect(roundBoundary(g, 6).coordinates[0]?.[0]).toEqual([139.753622, 35.694003]);
    expect(roundBoundary({ type: 'MultiPolygon', coordinates: [g.coordinates] }, 2)).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [139.75, 35.69],
            [139.7, 35.7],
            [139.75, 35.69],
          ],
        ],
      ],
    });
  });
});

describe('isInJapanBounds', () => {
  it('accepts town offices from Yonaguni to Nemuro', () => {
    expect(isInJapanBounds(24.468, 123.004)).toBe(true);
    expect(isInJapanBounds(43.33, 145.58)).toBe(true);
  });
  it('rejects swapped or far-away coordinates', () => {
    expect(isInJapanBounds(139.75, 35.69)).toBe(false);
    expect(isInJapanBounds(0, 0)).toBe(false);
    expect(isInJapanBounds(51.5, -0.12)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import type { LngLat } from './boundary-geometry';
import {
  type MunicipalityBoundary,
  adjacencyFromBoundaries,
  adjacencyFromTopology,
  areAdjacent,
  boundariesFromN03Features,
  buildMunicipalityLocator,
  n03LocalGovCode,
} from './municipality-locator';

const BOUNDARIES_FILE = fileURLToPath(
  new URL(
    '../../../../shared/data/boundaries/s0010-N03-21_210101_designated_city.json',
    import.meta.url,
  ),
);
const OBJECT_NAME = 'N03-21_210101';
const topology = JSON.parse(readFileSync(BOUNDARIES_FILE, 'utf8')) as Topology;
const collection = topology.objects[OBJECT_NAME] as GeometryCollection;
const { boundaries, skipped } = boundariesFromN03Features(feature(topology, collection).features);
const locator = buildMunicipalityLocator(boundaries);

const CHIYODA = '131016';
const CHUO = '131024';
const KARUIZAWA = '203211';
const MIYOTA = '203238';

describe('boundariesFromN03Features', () => {
  it('turns 5-digit N03 codes into 6-digit local-government codes', () => {
    expect(n03LocalGovCode({ N03_007: '13101' })).toBe(CHIYODA);
    expect(n03LocalGovCode({ N03_007: null })).toBeNull();
    expect(n03LocalGovCode(null)).toBeNull();
  });

  it('keeps every coded municipality of the file and counts the unassigned areas it leaves out', () => {
    expect(boundaries).toHaveLength(1747); // 1,741 municipalities + the 6 villages of the Northern Territories
    expect(skipped).toBe(4); // 所属未定地 in Chiba, Tokyo, Aichi and Okinawa
    expect(new Set(boundaries.map((b) => b.code)).size).toBe(1747);
  });
});

describe('buildMunicipalityLocator on the N03 boundaries', () => {
  it('puts Tokyo Station in 千代田区', () => {
    expect(locator.locate(35.681236, 139.767125)).toBe(CHIYODA);
  });

  it('puts Karuizawa Station in 軽井沢町', () => {
    expect(locator.locate(36.342778, 138.635278)).toBe(KARUIZAWA);
  });

  it('finds a few more town offices', () => {
    expect(locator.locate(43.06208877, 141.3543886)).toBe('011002'); // 札幌市 (merged wards)
    expect(locator.locate(24.468, 123.004)).toBe('473821'); // 与那国町
    expect(locator.locate(35.670479, 139.77409)).toBe(CHUO); // 中央区役所
  });

  it('answers null at sea and for nonsense', () => {
    expect(locator.locate(34.5, 139.9)).toBeNull(); // off the Boso peninsula
    expect(locator.locate(33, 138)).toBeNull(); // the Pacific
    expect(locator.locate(Number.NaN, 139)).toBeNull();
  });

  it('agrees with a full scan of turf’s point-in-polygon on 3,000 random points around Tokyo Bay', () => {
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    const boxes = boundaries.map((b) => {
      const rings =
        b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const polygon of rings)
        for (const [x, y] of polygon[0] ?? []) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      return [minX, minY, maxX, maxY] as const;
    });
    const fullScan = (lat: number, lon: number): string | null => {
      for (let i = 0; i < boundaries.length; i++) {
        const [minX, minY, maxX, maxY] = boxes[i]!;
        if (lon < minX || lon > maxX || lat < minY || lat > maxY) continue;
        if (booleanPointInPolygon([lon, lat], boundaries[i]!.geometry)) return boundaries[i]!.code;
      }
      return null;
    };
    let atSea = 0;
    for (let i = 0; i < 3000; i++) {
      const lat = 34.8 + random() * 1.2;
      const lon = 139.3 + random() * 1.2;
      const expected = fullScan(lat, lon);
      if (expected === null) atSea += 1;
      expect(locator.locate(lat, lon)).toBe(expected);
    }
    expect(atSea).toBeGreaterThan(100); // the sample does test the sea
  });
});

describe('buildMunicipalityLocator on hand-made polygons', () => {
  const square = (x: number, y: number, size: number): LngLat[] => [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  const outer: MunicipalityBoundary = {
    code: '000001',
    geometry: { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] },
  };
  const enclave: MunicipalityBoundary = {
    code: '000002',
    geometry: { type: 'Polygon', coordinates: [square(4, 4, 2)] },
  };
  const islands: MunicipalityBoundary = {
    code: '000003',
    geometry: { type: 'MultiPolygon', coordinates: [[square(20, 0, 1)], [square(22, 0, 1)]] },
  };

  it('honours holes: a point in an enclave belongs to the enclave', () => {
    const l = buildMunicipalityLocator([outer, enclave, islands]);
    expect(l.locate(5, 5)).toBe('000002');
    expect(l.locate(1, 1)).toBe('000001');
  });

  it('finds every island of a multipolygon and nothing between them', () => {
    const l = buildMunicipalityLocator([outer, enclave, islands]);
    expect(l.locate(0.5, 20.5)).toBe('000003');
    expect(l.locate(0.5, 22.5)).toBe('000003');
    expect(l.locate(0.5, 21.5)).toBeNull();
  });

  it('gives a point on a shared border to the boundary listed first', () => {
    expect(buildMunicipalityLocator([outer, enclave]).locate(5, 4)).toBe('000001');
    expect(buildMunicipalityLocator([enclave, outer]).locate(5, 4)).toBe('000002');
  });

  it('locates nothing without boundaries', () => {
    expect(buildMunicipalityLocator([]).locate(35, 139)).toBeNull();
  });
});

describe('municipality adjacency', () => {
  const fromArcs = adjacencyFromTopology(topology, OBJECT_NAME, n03LocalGovCode);

  it('finds 千代田区 and 中央区 adjacent, 千代田区 and 軽井沢町 not', () => {
    expect(areAdjacent(fromArcs, CHIYODA, CHUO)).toBe(true);
    expect(areAdjacent(fromArcs, CHUO, CHIYODA)).toBe(true);
    expect(areAdjacent(fromArcs, CHIYODA, KARUIZAWA)).toBe(false);
    expect(areAdjacent(fromArcs, KARUIZAWA, MIYOTA)).toBe(true);
    expect(areAdjacent(fromArcs, CHIYODA, CHIYODA)).toBe(false);
  });

  it('knows 千代田区’s neighbours', () => {
    // 中央区, 港区, 新宿区, 文京区, 台東区
    expect([...(fromArcs.get(CHIYODA) ?? [])].sort()).toEqual([
      '131024',
      '131032',
      '131041',
      '131059',
      '131067',
    ]);
  });

  it('gives the same answer from arcs and from shared polygon vertices', () => {
    const fromVertices = adjacencyFromBoundaries(boundaries);
    const pairs = (adj: ReturnType<typeof adjacencyFromBoundaries>) =>
      [...adj].flatMap(([a, set]) => [...set].map((b) => `${a}-${b}`)).sort();
    expect(pairs(fromVertices)).toEqual(pairs(fromArcs));
    expect(pairs(fromArcs).length).toBeGreaterThan(8000);
  });

  it('counts a shared corner as adjacent (queen contiguity)', () => {
    const a: MunicipalityBoundary = {
      code: 'A',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    };
    const b: MunicipalityBoundary = {
      code: 'B',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 2],
            [1, 1],
          ],
        ],
      },
    };
    expect(areAdjacent(adjacencyFromBoundaries([a, b]), 'A', 'B')).toBe(true);
  });
});

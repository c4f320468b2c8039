import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoundaryTopology } from './reference-boundaries';

const boundariesDir = path.resolve('..', 'shared', 'data', 'boundaries');
const read = (file: string) => readFileSync(path.join(boundariesDir, file), 'utf8');

/** A tiny topology: arcs in plain degrees (no transform), each geometry one square ring. */
function topology(geometries: Array<{ type: string | null; properties: Record<string, unknown> }>) {
  const square = (lng: number, lat: number) => [
    [lng, lat],
    [lng + 0.1, lat],
    [lng + 0.1, lat + 0.1],
    [lng, lat + 0.1],
    [lng, lat],
  ];
  return JSON.stringify({
    type: 'Topology',
    arcs: [square(139, 35), square(139.2, 35), square(0, 0)],
    objects: {
      areas: {
        type: 'GeometryCollection',
        geometries: geometries.map((g, i) =>
          g.type === 'Polygon'
            ? { ...g, arcs: [[i % 3]] }
            : g.type === 'LineString'
              ? { ...g, arcs: [i % 3] }
              : g,
        ),
      },
    },
  });
}

describe('parseBoundaryTopology', () => {
  it('reads the shared designated-city file: one boundary per code, the coded-less land listed', () => {
    const parsed = parseBoundaryTopology(
      read('s0010-N03-21_210101_designated_city.json'),
      's0010.json',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.level).toBe('municipality');
    expect(parsed.value.featureCount).toBe(1751);
    expect(parsed.value.records).toHaveLength(1747);
    expect(parsed.skipped).toHaveLength(4);
    expect(parsed.skipped.every((s) => s.name.endsWith('所属未定地') && s.code === null)).toBe(
      true,
    );
    const chiyoda = parsed.value.records.find((r) => r.key === '131016');
    expect(chiyoda?.name).toBe('東京都 千代田区');
    expect(['Polygon', 'MultiPolygon']).toContain(chiyoda?.geometry.type);
    // The designated-city file carries 札幌市 whole, under the city's code.
    expect(parsed.value.records.some((r) => r.key === '011002')).toBe(true);
  });

  it('skips, and lists, features whose geometry vanished in the coarser file', () => {
    const parsed = parseBoundaryTopology(
      read('s0001-N03-21_210101_designated_city.json'),
      's0001.json',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const vanished = parsed.skipped.filter((s) => s.reason.startsWith('no geometry'));
    expect(vanished.map((s) => s.code)).toEqual(
      expect.arrayContaining(['133621', '134023', '473545']), // 利島村, 青ヶ島村, 座間味村
    );
    expect(parsed.value.records.some((r) => r.key === '133621')).toBe(false);
  });

  it('reads a prefecture file by prefecture name', () => {
    const parsed = parseBoundaryTopology(read('s0001-prefectures.json'), 'prefectures.json');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.level).toBe('prefecture');
    expect(parsed.value.records).toHaveLength(47);
    expect(parsed.value.records[0]?.key).toBe('北海道');
  });

  it('merges the pieces of one municipality into a MultiPolygon', () => {
    const props = { N03_001: '東京都', N03_004: '大島町', N03_007: '13361' };
    const parsed = parseBoundaryTopology(
      topology([
        { type: 'Polygon', properties: props },
        { type: 'Polygon', properties: props },
      ]),
      'islands.json',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.records).toHaveLength(1);
    expect(parsed.value.records[0]).toMatchObject({
      key: '133612',
      where: 'islands.json feature 0, islands.json feature 1',
      geometry: { type: 'MultiPolygon' },
    });
  });

  it('rejects a malformed code, naming the feature', () => {
    const parsed = parseBoundaryTopology(
      topology([
        { type: 'Polygon', properties: { N03_001: '東京都', N03_007: '13101' } },
        { type: 'Polygon', properties: { N03_001: '東京都', N03_007: '1310' } },
      ]),
      'bad.json',
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { where: 'bad.json feature 1', message: 'N03_007 "1310" is not a 5-digit JIS code' },
      ],
    });
  });

  it('rejects geometry that is not an area, or not in longitude/latitude over Japan', () => {
    const parsed = parseBoundaryTopology(
      topology([
        { type: 'Polygon', properties: { N03_007: '13101' } },
        { type: 'LineString', properties: { N03_007: '13102' } },
        { type: 'Polygon', properties: { N03_007: '13103' } }, // arc 2: a square at 0°, 0°
      ]),
      'bad.json',
    );
    expect(!parsed.ok && parsed.problems.map((p) => [p.where, p.message.split(' (')[0]])).toEqual([
      ['bad.json feature 1', 'geometry LineString is not a Polygon or MultiPolygon'],
      ['bad.json feature 2', 'position 0, 0 lies outside Japan'],
    ]);
  });

  it('rejects files that are not N03 TopoJSON', () => {
    const notJson = parseBoundaryTopology('{"type":', 'x.json');
    expect(!notJson.ok && notJson.problems[0]?.message).toMatch(/^not JSON/);
    const geoJson = parseBoundaryTopology('{"type":"FeatureCollection","features":[]}', 'x.json');
    expect(!geoJson.ok && geoJson.problems[0]?.message).toMatch(/not a TopoJSON Topology/);
    const other = parseBoundaryTopology(
      topology([{ type: 'Polygon', properties: { name: 'x' } }]),
      'x.json',
    );
    expect(!other.ok && other.problems[0]?.message).toMatch(/not N03 data/);
  });
});

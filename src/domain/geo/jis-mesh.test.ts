import { describe, expect, it } from 'vitest';
import { type JisMeshLevel, jisMeshBounds, jisMeshCode } from './jis-mesh';

const TOKYO_STATION = [35.681236, 139.767125] as const;

describe('jisMeshCode', () => {
  it('puts Tokyo Station in 3rd mesh 53394611 and its parents', () => {
    const [lat, lon] = TOKYO_STATION;
    expect(jisMeshCode(lat, lon, 1)).toBe('5339');
    expect(jisMeshCode(lat, lon, 2)).toBe('533946');
    expect(jisMeshCode(lat, lon, 3)).toBe('53394611');
  });

  it('numbers the half mesh 1 SW, 2 SE, 3 NW, 4 NE', () => {
    // 3rd mesh 53394611 spans 35.675–35.683333° N and 139.7625–139.775° E.
    expect(jisMeshCode(35.676, 139.763, 4)).toBe('533946111');
    expect(jisMeshCode(35.676, 139.77, 4)).toBe('533946112');
    expect(jisMeshCode(35.682, 139.763, 4)).toBe('533946113');
    expect(jisMeshCode(35.682, 139.77, 4)).toBe('533946114');
    expect(jisMeshCode(...TOKYO_STATION, 4)).toBe('533946113'); // north of 35.679167, west of 139.76875
  });

  it('gives the published 1st meshes of Japan’s extreme islands', () => {
    expect(jisMeshCode(24.4494, 122.9342, 1)).toBe('3622'); // 与那国島 (west end)
    expect(jisMeshCode(24.2867, 153.9807, 1)).toBe('3653'); // 南鳥島 (east end)
    expect(jisMeshCode(20.4256, 136.0811, 1)).toBe('3036'); // 沖ノ鳥島 (south end)
    expect(jisMeshCode(45.5, 148.8, 1)).toBe('6848'); // 択捉島 (north end)
  });

  it('follows the formula digit by digit for Sapporo and Naha', () => {
    // Sapporo Station 43.068661, 141.350755:
    // 43.068661 × 1.5 = 64.603 → 64, .603 × 8 = 4.82 → 4, .82 × 10 → 8;
    // 141 − 100 = 41, .350755 × 8 = 2.806 → 2, .806 × 10 → 8.
    expect(jisMeshCode(43.068661, 141.350755, 3)).toBe('64414288');
    // Naha City Hall 26.212401, 127.680932:
    // × 1.5 = 39.3186 → 39, .3186 × 8 = 2.549 → 2, .549 × 10 → 5;
    // 27, .680932 × 8 = 5.447 → 5, .447 × 10 → 4.
    expect(jisMeshCode(26.212401, 127.680932, 3)).toBe('39272554');
  });

  it('keeps a cell’s south-west corner in the cell and its north-east corner out', () => {
    const codes = ['53394611', '64414288', '39272554', '533946113', '5339', '533946'];
    for (const code of codes) {
      const b = jisMeshBounds(code)!;
      const level = b.level;
      expect(jisMeshCode(b.southDeg, b.westDeg, level), code).toBe(code);
      expect(jisMeshCode(b.northDeg, b.westDeg, level), code).not.toBe(code);
      expect(jisMeshCode(b.southDeg, b.eastDeg, level), code).not.toBe(code);
    }
  });

  it('agrees with its own bounds on a sweep of cell edges (no floating-point slips)', () => {
    for (let i = 0; i < 2000; i++) {
      const latEdge = (4000 + i) / 120; // 3rd-mesh south edges from 33°20′ N
      const lonEdge = (10_800 + (i % 800)) / 80; // 3rd-mesh west edges from 135° E
      const code = jisMeshCode(latEdge, lonEdge, 3)!;
      const b = jisMeshBounds(code)!;
      expect(b.southDeg).toBe(latEdge);
      expect(b.westDeg).toBe(lonEdge);
    }
  });

  it('has no code outside the area the digits can express', () => {
    expect(jisMeshCode(-1, 139, 3)).toBeNull();
    expect(jisMeshCode(67, 139, 3)).toBeNull();
    expect(jisMeshCode(35, 99.9, 3)).toBeNull();
    expect(jisMeshCode(35, 200, 3)).toBeNull();
    expect(jisMeshCode(Number.NaN, 139, 3)).toBeNull();
  });
});

describe('jisMeshBounds', () => {
  it('gives 1st mesh 5236 a south edge at 34°40′ (40′ × 1° cells)', () => {
    const b = jisMeshBounds('5236')!;
    expect(b.southDeg).toBeCloseTo(34 + 40 / 60, 12);
    expect(b.northDeg).toBeCloseTo(35 + 20 / 60, 12);
    expect(b.westDeg).toBe(136);
    expect(b.eastDeg).toBe(137);
  });

  it('gives 3rd mesh 53394611 a 30″ × 45″ cell around Tokyo Station', () => {
    const b = jisMeshBounds('53394611')!;
    expect(b).toMatchObject({ level: 3 });
    expect(b.southDeg).toBeCloseTo(35.675, 12);
    expect(b.northDeg - b.southDeg).toBeCloseTo(30 / 3600, 12);
    expect(b.westDeg).toBeCloseTo(139.7625, 12);
    expect(b.eastDeg - b.westDeg).toBeCloseTo(45 / 3600, 12);
    const [lat, lon] = TOKYO_STATION;
    expect(lat >= b.southDeg && lat < b.northDeg && lon >= b.westDeg && lon < b.eastDeg).toBe(true);
  });

  it('halves a 3rd mesh into four 15″ × 22.5″ cells', () => {
    const ne = jisMeshBounds('533946114')!;
    expect(ne.southDeg).toBeCloseTo(35.675 + 15 / 3600, 12);
    expect(ne.westDeg).toBeCloseTo(139.7625 + 22.5 / 3600, 12);
    expect(ne.level).toBe(4);
  });

  it('round-trips the centre of every cell of a 2nd mesh at every finer level', () => {
    const levels: JisMeshLevel[] = [3, 4];
    for (const level of levels) {
      const b2 = jisMeshBounds('533946')!;
      const step = level === 3 ? 10 : 20;
      for (let y = 0; y < step; y++) {
        for (let x = 0; x < step; x++) {
          const lat = b2.southDeg + ((y + 0.5) * (b2.northDeg - b2.southDeg)) / step;
          const lon = b2.westDeg + ((x + 0.5) * (b2.eastDeg - b2.westDeg)) / step;
          const code = jisMeshCode(lat, lon, level)!;
          expect(code.startsWith('533946')).toBe(true);
          const b = jisMeshBounds(code)!;
          expect(lat > b.southDeg && lat < b.northDeg && lon > b.westDeg && lon < b.eastDeg).toBe(
            true,
          );
        }
      }
    }
  });

  it('rejects what is not a mesh code', () => {
    for (const bad of [
      '',
      '533',
      '53394',
      '5339461',
      '5339461a',
      '533986',
      '533946115',
      '5339461190',
    ]) {
      expect(jisMeshBounds(bad), bad).toBeNull();
    }
  });
});

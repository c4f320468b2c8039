/**
 * Standard area mesh codes (標準地域メッシュ, JIS X 0410) by formula.
 *
 * | level | digits | cell (lat × lon) | about |
 * |---|---|---|---|
 * | 1 | 4 | 40′ × 1° | 80 km |
 * | 2 | 6 | 5′ × 7′30″ | 10 km |
 * | 3 | 8 | 30″ × 45″ | 1 km (基準地域メッシュ) |
 * | 4 | 9 | 15″ × 22.5″ | 500 m (2分の1地域メッシュ) |
 *
 * A cell holds its south and west edges, not its north and east ones. Each level's cell number
 * along an axis is found so that it agrees exactly with {@link jisMeshBounds}: a point given as
 * the south-west corner of a cell is in that cell, whatever the floating-point rounding of
 * `lat × 120` would say.
 */
export type JisMeshLevel = 1 | 2 | 3 | 4;

export type JisMeshBounds = {
  southDeg: number;
  westDeg: number;
  northDeg: number;
  eastDeg: number;
  level: JisMeshLevel;
};

/** Cells per degree at each level (index = level). */
const LAT_CELLS_PER_DEG = [0, 1.5, 12, 120, 240] as const;
const LON_CELLS_PER_DEG = [0, 1, 8, 80, 160] as const;
const DIGITS_BY_LEVEL = [0, 4, 6, 8, 9] as const;

/** The cell number `k` with `k / perDeg ≤ valueDeg < (k + 1) / perDeg`, edges computed as in bounds. */
function cellNumber(valueDeg: number, perDeg: number): number {
  let k = Math.floor(valueDeg * perDeg);
  if ((k + 1) / perDeg <= valueDeg) k += 1;
  else if (k / perDeg > valueDeg) k -= 1;
  return k;
}

/**
 * The JIS X 0410 mesh code of a position at the given level, or null outside the area the
 * code can express (latitude 0–66°40′, longitude 100–200°; Japan is 20–46°N, 122–154°E).
 *
 * @example
 * jisMeshCode(35.681236, 139.767125, 3); // '53394611' (Tokyo Station)
 * jisMeshCode(35.681236, 139.767125, 4); // '533946113'
 */
export function jisMeshCode(latDeg: number, lonDeg: number, level: JisMeshLevel): string | null {
  if (!Number.isFinite(latDeg) || !Number.isFinite(lonDeg)) return null;
  const latCell = cellNumber(latDeg, LAT_CELLS_PER_DEG[level]);
  const lonCell = cellNumber(lonDeg, LON_CELLS_PER_DEG[level]) - 100 * LON_CELLS_PER_DEG[level];
  // Down to the 3rd-level cell numbers, and the half-mesh digit when asked.
  const lat3 = level === 4 ? Math.floor(latCell / 2) : latCell;
  const lon3 = level === 4 ? Math.floor(lonCell / 2) : lonCell;
  const perLevel1 = level === 1 ? 1 : level === 2 ? 8 : 80;
  const p = Math.floor(lat3 / perLevel1);
  const u = Math.floor(lon3 / perLevel1);
  if (p < 0 || p > 99 || u < 0 || u > 99) return null;
  let code = `${String(p).padStart(2, '0')}${String(u).padStart(2, '0')}`;
  if (level === 1) return code;
  const latIn1 = lat3 - p * perLevel1;
  const lonIn1 = lon3 - u * perLevel1;
  if (level === 2) return `${code}${latIn1}${lonIn1}`;
  code += `${Math.floor(latIn1 / 10)}${Math.floor(lonIn1 / 10)}${latIn1 % 10}${lonIn1 % 10}`;
  if (level === 3) return code;
  return `${code}${(latCell & 1) * 2 + (lonCell & 1) + 1}`;
}

/**
 * The extent of a mesh code (its level from its length), or null when it is not a well-formed
 * code: 4, 6, 8 or 9 digits, the 2nd-level digits 0–7, the half-mesh digit 1–4.
 *
 * @example
 * jisMeshBounds('5339');
 * // { southDeg: 35.333…, westDeg: 139, northDeg: 36, eastDeg: 140, level: 1 }
 */
export function jisMeshBounds(code: string): JisMeshBounds | null {
  if (!/^\d+$/.test(code)) return null;
  const level = DIGITS_BY_LEVEL.indexOf(code.length as 4 | 6 | 8 | 9);
  if (level < 1) return null;
  const d = (i: number) => code.charCodeAt(i) - 48;
  let lat = d(0) * 10 + d(1);
  let lon = d(2) * 10 + d(3);
  if (level >= 2) {
    if (d(4) > 7 || d(5) > 7) return null;
    lat = lat * 8 + d(4);
    lon = lon * 8 + d(5);
  }
  if (level >= 3) {
    lat = lat * 10 + d(6);
    lon = lon * 10 + d(7);
  }
  if (level === 4) {
    const half = d(8) - 1;
    if (half < 0 || half > 3) return null;
    lat = lat * 2 + (half >> 1);
    lon = lon * 2 + (half & 1);
  }
  const latPerDeg = LAT_CELLS_PER_DEG[level as JisMeshLevel];
  const lonPerDeg = LON_CELLS_PER_DEG[level as JisMeshLevel];
  const lonCell = lon + 100 * lonPerDeg;
  return {
    southDeg: lat / latPerDeg,
    westDeg: lonCell / lonPerDeg,
    northDeg: (lat + 1) / latPerDeg,
    eastDeg: (lonCell + 1) / lonPerDeg,
    level: level as JisMeshLevel,
  };
}

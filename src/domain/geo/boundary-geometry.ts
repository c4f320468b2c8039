/**
 * Administrative boundaries as GeoJSON geometries. Positions are [longitude, latitude] in degrees
 * (N03 is in JGD2011, which matches WGS 84 to well within a map's precision).
 */
export type LngLat = [lngDeg: number, latDeg: number];
export type PolygonGeometry = { type: 'Polygon'; coordinates: LngLat[][] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: LngLat[][][] };
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

/** The polygons of a geometry, each a list of rings. */
function polygonsOf(g: BoundaryGeometry): LngLat[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * One geometry for a place that arrives in several pieces (N03 lists each island of a
 * municipality as its own feature). A single polygon stays a Polygon.
 * @example mergeBoundaries([islandA, islandB]) // → { type: 'MultiPolygon', coordinates: [a, b] }
 */
export function mergeBoundaries(parts: readonly BoundaryGeometry[]): BoundaryGeometry | null {
  const polygons = parts.flatMap(polygonsOf);
  if (polygons.length === 0) return null;
  if (polygons.length === 1 && polygons[0]) return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Rounds every position to `decimals` places. Six places is about 0.1 m — far finer than the
 * simplified source — and keeps the stored JSON to roughly half its unrounded size.
 * @example roundBoundary({ type: 'Polygon', coordinates: [[[139.7536219, 35.6940027], …]] }, 6)
 */
export function roundBoundary(g: BoundaryGeometry, decimals: number): BoundaryGeometry {
  const f = 10 ** decimals;
  const round = ([lng, lat]: LngLat): LngLat => [Math.round(lng * f) / f, Math.round(lat * f) / f];
  const rings = (polygon: LngLat[][]) => polygon.map((ring) => ring.map(round));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(rings) };
}

/** Whether a position lies in the box that holds all of Japan (Okinotorishima to Etorofu). */
export function isInJapanBounds(latDeg: number, lngDeg: number): boolean {
  return latDeg >= 20 && latDeg <= 46 && lngDeg >= 122 && lngDeg <= 154;
}

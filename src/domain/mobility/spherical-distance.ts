/** Mean Earth radius of the spec (docs/domain-mobility.md §2) and of trackintel. */
export const EARTH_RADIUS_M = 6_371_000;

/** Degrees to radians, as one multiplication like Python's `math.radians`, so that distances agree with trackintel to the last bit. */
export const DEG_TO_RAD = Math.PI / 180;

/**
 * Great-circle distance by the spherical law of cosines in its cos-of-difference form, exactly
 * as the spec writes it: `R·acos(cos(φa−φb) − cos φa·cos φb·(1 − cos(λa−λb)))`, the argument
 * clamped to [−1, 1] (rounding can push it a hair outside near 0 and π). Coordinates in degrees.
 * This is also what trackintel's `point_haversine_dist` computes despite its name.
 *
 * @example
 * sphericalDistanceM(47.3, 8.5, 47.2, 8.7); // ≈ 18_749.056 (trackintel's docstring example)
 */
export function sphericalDistanceM(
  latADeg: number,
  lonADeg: number,
  latBDeg: number,
  lonBDeg: number,
): number {
  const latA = latADeg * DEG_TO_RAD;
  const latB = latBDeg * DEG_TO_RAD;
  const lonA = lonADeg * DEG_TO_RAD;
  const lonB = lonBDeg * DEG_TO_RAD;
  let x = Math.cos(latA - latB) - Math.cos(latA) * Math.cos(latB) * (1 - Math.cos(lonA - lonB));
  if (x > 1) x = 1;
  else if (x < -1) x = -1;
  return EARTH_RADIUS_M * Math.acos(x);
}

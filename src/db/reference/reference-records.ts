import type { BoundaryGeometry } from '../../domain/geo/boundary-geometry';

/**
 * What the reference files say once parsed, before anything touches the database. Each record
 * keeps where it came from ("file line 12", "file feature 3") so every message can point at it.
 */

/** A defect that makes the whole input unusable: the import stops and writes nothing. */
export type InputProblem = { where: string; message: string };

/** An item that is well-formed but cannot be used here; it is counted and listed, not written. */
export type SkippedItem = { where: string; code: string | null; name: string; reason: string };

export type Parsed<T> =
  { ok: true; value: T; skipped: SkippedItem[] } | { ok: false; problems: InputProblem[] };

/** A town hall's position and website, from a localgovjp-style CSV. */
export type MunicipalityOfficeRecord = {
  where: string;
  code: string;
  name: string;
  officeLat: number | null;
  officeLng: number | null;
  website: string | null;
};

/** A prefecture's English name, ISO 3166-2 code, office and website, from prefjp-style CSV. */
export type PrefectureRecord = {
  where: string;
  code: string;
  name: string;
  nameEn: string | null;
  isoCode: string | null;
  officeLat: number | null;
  officeLng: number | null;
  website: string | null;
};

/**
 * One place's boundary, merged from all of its features. `key` is a 6-digit municipality code or,
 * for a prefecture file (which carries only names), the prefecture's name.
 */
export type BoundaryRecord = {
  where: string;
  key: string;
  name: string;
  geometry: BoundaryGeometry;
};

export type BoundarySet = {
  level: 'municipality' | 'prefecture';
  featureCount: number;
  records: BoundaryRecord[];
};

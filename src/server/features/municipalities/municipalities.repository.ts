import { sql, type Kysely, type Transaction } from 'kysely';
import type { MunicipalitySummary, PrefectureView } from '../../../contracts/municipalities';
import type { Database } from '../../../db/database';
import type { BoundaryGeometry } from '../../../domain/geo/boundary-geometry';
import type { MunicipalityKind } from '../../../domain/geo/municipality-kind';

type Db = Kysely<Database> | Transaction<Database>;

function summaryQuery(db: Db) {
  return db
    .selectFrom('municipalities as m')
    .innerJoin('prefectures as p', 'p.code', 'm.prefecture_code')
    .leftJoin('municipalities as parent', 'parent.code', 'm.parent_code')
    .select([
      'm.code',
      'm.jis_code',
      'm.name',
      'm.kana',
      'm.romaji',
      'm.kind',
      'm.prefecture_code',
      'p.name as prefecture_name',
      'm.parent_code',
      'parent.name as parent_name',
      'm.office_lat',
      'm.office_lng',
      'm.website',
    ]);
}

type SummaryRow = {
  code: string;
  jis_code: string;
  name: string;
  kana: string;
  romaji: string | null;
  kind: MunicipalityKind;
  prefecture_code: string;
  prefecture_name: string;
  parent_code: string | null;
  parent_name: string | null;
  office_lat: number | null;
  office_lng: number | null;
  website: string | null;
};

function toSummary(r: SummaryRow): MunicipalitySummary {
  return {
    code: r.code,
    jisCode: r.jis_code,
    name: r.name,
    kana: r.kana,
    romaji: r.romaji,
    kind: r.kind,
    prefectureCode: r.prefecture_code,
    prefectureName: r.prefecture_name,
    parentCode: r.parent_code,
    parentName: r.parent_name,
    officeLat: r.office_lat,
    officeLng: r.office_lng,
    website: r.website,
  };
}

export type MunicipalityFilter = {
  prefectureCode?: string;
  kind?: MunicipalityKind;
  includeWards: boolean;
};

/**
 * Municipalities matching the exact filters, in code order (a designated city is followed by its
 * wards). Text search is not done here: the whole master is under 2,000 short rows, and the
 * matching it needs (NFKC, kana folding, romaji long vowels, optional suffixes) is the domain's
 * searchMunicipalities, which ILIKE could only approximate.
 */
export async function listMunicipalities(
  db: Db,
  filter: MunicipalityFilter,
): Promise<MunicipalitySummary[]> {
  let q = summaryQuery(db).orderBy('m.code');
  if (filter.prefectureCode) q = q.where('m.prefecture_code', '=', filter.prefectureCode);
  if (filter.kind) q = q.where('m.kind', '=', filter.kind);
  if (!filter.includeWards) q = q.where('m.kind', '!=', 'ward');
  return (await q.execute()).map(toSummary);
}

export async function findMunicipality(
  db: Db,
  code: string,
): Promise<{ summary: MunicipalitySummary; boundary: BoundaryGeometry | null } | undefined> {
  const row = await summaryQuery(db)
    .select('m.boundary')
    .where('m.code', '=', code)
    .executeTakeFirst();
  return row ? { summary: toSummary(row), boundary: row.boundary } : undefined;
}

export async function listWards(db: Db, parentCode: string): Promise<MunicipalitySummary[]> {
  const rows = await summaryQuery(db)
    .where('m.parent_code', '=', parentCode)
    .orderBy('m.code')
    .execute();
  return rows.map(toSummary);
}

function prefectureQuery(db: Db) {
  return db.selectFrom('prefectures as p').select([
    'p.code',
    'p.number',
    'p.name',
    'p.kana',
    'p.name_en',
    'p.iso_code',
    'p.office_lat',
    'p.office_lng',
    'p.website',
    (eb) =>
      eb
        .selectFrom('municipalities as m')
        .whereRef('m.prefecture_code', '=', 'p.code')
        .where('m.kind', '!=', 'ward')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('municipality_count'),
  ]);
}

type PrefectureRow = {
  code: string;
  number: number;
  name: string;
  kana: string;
  name_en: string | null;
  iso_code: string | null;
  office_lat: number | null;
  office_lng: number | null;
  website: string | null;
  municipality_count: number | null;
};

function toPrefecture(r: PrefectureRow): PrefectureView {
  return {
    code: r.code,
    number: r.number,
    name: r.name,
    kana: r.kana,
    nameEn: r.name_en,
    isoCode: r.iso_code,
    officeLat: r.office_lat,
    officeLng: r.office_lng,
    website: r.website,
    municipalityCount: Number(r.municipality_count ?? 0),
  };
}

export async function listPrefectures(db: Db): Promise<PrefectureView[]> {
  return (await prefectureQuery(db).orderBy('p.number').execute()).map(toPrefecture);
}

export async function findPrefecture(
  db: Db,
  code: string,
): Promise<{ prefecture: PrefectureView; boundary: BoundaryGeometry | null } | undefined> {
  const row = await prefectureQuery(db)
    .select('p.boundary')
    .where('p.code', '=', code)
    .executeTakeFirst();
  return row ? { prefecture: toPrefecture(row), boundary: row.boundary } : undefined;
}

import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../database';
import type {
  BoundarySet,
  MunicipalityOfficeRecord,
  PrefectureRecord,
  SkippedItem,
} from './reference-records';

type Db = Kysely<Database> | Transaction<Database>;

/** Parsed inputs to apply; any subset. */
export type ReferenceImportPlan = {
  municipalityOffices?: {
    source: string;
    records: MunicipalityOfficeRecord[];
    skipped: SkippedItem[];
  };
  prefectures?: { source: string; records: PrefectureRecord[]; skipped: SkippedItem[] };
  boundaries?: Array<{ source: string; set: BoundarySet; skipped: SkippedItem[] }>;
};

export type InputReport = {
  label: string;
  source: string;
  /** Rows or features read from the input. */
  read: number;
  /** Places whose stored values changed. */
  updated: number;
  /** Places matched whose stored values were already the same (a re-import changes nothing). */
  unchanged: number;
  skipped: SkippedItem[];
  /** Places in the master the input said nothing about. */
  notCovered: string[];
};

export type ImportProgress = (done: number, total: number) => void;

/**
 * Enriches the local-government master from parsed reference files, in one transaction: either
 * every input is applied or, on any failure, nothing is. Items for places the master does not
 * have (a different vintage, the Northern Territories) are skipped and reported, never written.
 * Empty values never erase what is stored.
 */
export async function importReference(
  db: Kysely<Database>,
  plan: ReferenceImportPlan,
  onProgress: ImportProgress = () => {},
): Promise<InputReport[]> {
  return db.transaction().execute(async (trx) => {
    const master = await trx
      .selectFrom('municipalities')
      .select(['code', 'name', 'kind', 'parent_code'])
      .execute();
    const municipalityCodes = new Set(master.map((m) => m.code));
    const prefectures = await trx.selectFrom('prefectures').select(['code', 'name']).execute();
    const prefectureCodes = new Set(prefectures.map((p) => p.code));
    const prefectureByName = new Map(prefectures.map((p) => [p.name, p.code]));

    const total =
      (plan.municipalityOffices?.records.length ?? 0) +
      (plan.prefectures?.records.length ?? 0) +
      (plan.boundaries ?? []).reduce((n, b) => n + b.set.records.length, 0);
    let done = 0;
    const tick = (n: number) => {
      done += n;
      onProgress(done, total);
    };
    const reports: InputReport[] = [];

    if (plan.municipalityOffices) {
      const { source, records, skipped } = plan.municipalityOffices;
      const known = records.filter((r) => municipalityCodes.has(r.code));
      const unknown = records.filter((r) => !municipalityCodes.has(r.code));
      const updated = await updateInChunks(
        trx,
        known,
        500,
        tick,
        (chunk) =>
          sql`update municipalities as m
          set office_lat = coalesce(v.lat, m.office_lat),
              office_lng = coalesce(v.lng, m.office_lng),
              website = coalesce(v.website, m.website)
          from jsonb_to_recordset(${JSON.stringify(
            chunk.map((r) => ({
              code: r.code,
              lat: r.officeLat,
              lng: r.officeLng,
              website: r.website,
            })),
          )}::jsonb) as v(code text, lat double precision, lng double precision, website text)
          where m.code = v.code
            and (m.office_lat, m.office_lng, m.website) is distinct from
                (coalesce(v.lat, m.office_lat), coalesce(v.lng, m.office_lng), coalesce(v.website, m.website))`,
      );
      const covered = new Set(records.map((r) => r.code));
      reports.push({
        label: 'Municipality offices',
        source,
        read: records.length + skipped.length,
        updated,
        unchanged: known.length - updated,
        skipped: [...skipped, ...unknown.map((r) => notInMaster(r.where, r.code, r.name))],
        notCovered: master.filter((m) => !covered.has(m.code)).map((m) => `${m.code} ${m.name}`),
      });
    }

    if (plan.prefectures) {
      const { source, records, skipped } = plan.prefectures;
      const known = records.filter((r) => prefectureCodes.has(r.code));
      const unknown = records.filter((r) => !prefectureCodes.has(r.code));
      const updated = await updateInChunks(
        trx,
        known,
        500,
        tick,
        (chunk) =>
          sql`update prefectures as p
          set name_en = coalesce(v.name_en, p.name_en),
              iso_code = coalesce(v.iso_code, p.iso_code),
              office_lat = coalesce(v.lat, p.office_lat),
              office_lng = coalesce(v.lng, p.office_lng),
              website = coalesce(v.website, p.website)
          from jsonb_to_recordset(${JSON.stringify(
            chunk.map((r) => ({
              code: r.code,
              name_en: r.nameEn,
              iso_code: r.isoCode,
              lat: r.officeLat,
              lng: r.officeLng,
              website: r.website,
            })),
          )}::jsonb) as v(code text, name_en text, iso_code text, lat double precision,
                          lng double precision, website text)
          where p.code = v.code
            and (p.name_en, p.iso_code, p.office_lat, p.office_lng, p.website) is distinct from
                (coalesce(v.name_en, p.name_en), coalesce(v.iso_code, p.iso_code),
                 coalesce(v.lat, p.office_lat), coalesce(v.lng, p.office_lng),
                 coalesce(v.website, p.website))`,
      );
      const covered = new Set(records.map((r) => r.code));
      reports.push({
        label: 'Prefectures',
        source,
        read: records.length + skipped.length,
        updated,
        unchanged: known.length - updated,
        skipped: [...skipped, ...unknown.map((r) => notInMaster(r.where, r.code, r.name))],
        notCovered: prefectures
          .filter((p) => !covered.has(p.code))
          .map((p) => `${p.code} ${p.name}`),
      });
    }

    for (const { source, set, skipped } of plan.boundaries ?? []) {
      // Prefecture files name their prefecture instead of coding it.
      const withCodes = set.records.map((r) => ({
        ...r,
        code: set.level === 'prefecture' ? (prefectureByName.get(r.key) ?? null) : r.key,
      }));
      const codes = set.level === 'prefecture' ? prefectureCodes : municipalityCodes;
      const known = withCodes.filter((r) => r.code !== null && codes.has(r.code));
      const unknown = withCodes.filter((r) => r.code === null || !codes.has(r.code));
      const table =
        set.level === 'prefecture' ? sql.table('prefectures') : sql.table('municipalities');
      const updated = await updateInChunks(
        trx,
        known,
        100,
        tick,
        (chunk) =>
          sql`update ${table} as t
          set boundary = v.boundary
          from jsonb_to_recordset(${JSON.stringify(
            chunk.map((r) => ({ code: r.code, boundary: r.geometry })),
          )}::jsonb) as v(code text, boundary jsonb)
          where t.code = v.code and t.boundary is distinct from v.boundary`,
      );
      const covered = new Set(known.map((r) => r.code));
      // N03 comes with designated cities whole or split into wards; either covers the city.
      for (const m of master) if (m.parent_code && covered.has(m.code)) covered.add(m.parent_code);
      const expected =
        set.level === 'prefecture'
          ? prefectures.map((p) => ({ code: p.code, name: p.name }))
          : master.filter((m) => m.kind !== 'ward');
      reports.push({
        label: set.level === 'prefecture' ? 'Prefecture boundaries' : 'Municipality boundaries',
        source,
        read: set.featureCount,
        updated,
        unchanged: known.length - updated,
        skipped: [
          ...skipped,
          ...unknown.map((r) =>
            notInMaster(r.where, set.level === 'prefecture' ? null : r.key, r.name),
          ),
        ],
        notCovered: expected.filter((m) => !covered.has(m.code)).map((m) => `${m.code} ${m.name}`),
      });
    }
    return reports;
  });
}

function notInMaster(where: string, code: string | null, name: string): SkippedItem {
  return { where, code, name, reason: 'not in the local-government master' };
}

/** Runs one set-based UPDATE per chunk and returns how many rows actually changed. */
async function updateInChunks<T>(
  db: Db,
  items: readonly T[],
  chunkSize: number,
  tick: (n: number) => void,
  statement: (chunk: readonly T[]) => RawBuilder<unknown>,
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < items.length; i += chunkSize) {
    const chunk = items.slice(i, i + chunkSize);
    const result = await statement(chunk).execute(db);
    changed += Number(result.numAffectedRows ?? 0n);
    tick(chunk.length);
  }
  return changed;
}

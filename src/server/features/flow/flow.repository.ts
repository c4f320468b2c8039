import { sql, type Kysely, type Transaction } from 'kysely';
import type { FlowDatasetView } from '../../../contracts/flow';
import type { Database, FlowDatasetsTable } from '../../../db/database';

type Db = Kysely<Database> | Transaction<Database>;

export type FlowMunicipality = {
  code: string;
  name: string;
  parentCode: string | null;
  prefectureCode: string;
  prefectureName: string;
};

/** A municipality or ward of the master, with its prefecture. */
export async function findFlowMunicipality(db: Db, code: string): Promise<FlowMunicipality | null> {
  const row = await db
    .selectFrom('municipalities as m')
    .innerJoin('prefectures as p', 'p.code', 'm.prefecture_code')
    .select(['m.code', 'm.name', 'm.parent_code', 'm.prefecture_code', 'p.name as prefecture_name'])
    .where('m.code', '=', code)
    .executeTakeFirst();
  return row
    ? {
        code: row.code,
        name: row.name,
        parentCode: row.parent_code,
        prefectureCode: row.prefecture_code,
        prefectureName: row.prefecture_name,
      }
    : null;
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last;) {
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

type DatasetRow = Pick<
  FlowDatasetsTable,
  | 'id'
  | 'source_label'
  | 'period_first'
  | 'period_last'
  | 'profile'
  | 'k'
  | 'min_origin_devices'
  | 'panel_devices'
  | 'devices'
  | 'cells'
  | 'suppressed_cells'
  | 'created_by'
> & {
  status: 'published' | 'retracted';
  metadata: Record<string, unknown>;
  created_at: Date;
  retracted_at: Date | null;
  created_by_name: string | null;
};

function toView(r: DatasetRow): FlowDatasetView {
  const share = r.metadata.dataQualityShare;
  return {
    id: r.id,
    sourceLabel: r.source_label,
    periodFirst: r.period_first,
    periodLast: r.period_last,
    months: monthsBetween(r.period_first, r.period_last),
    profile: r.profile,
    k: r.k,
    minOriginDevices: r.min_origin_devices,
    panelDevices: r.panel_devices,
    devices: r.devices,
    cells: r.cells,
    suppressedCells: r.suppressed_cells,
    dataQualityShare: typeof share === 'number' ? share : null,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy:
      r.created_by !== null && r.created_by_name !== null
        ? { id: r.created_by, name: r.created_by_name }
        : null,
    retractedAt: r.retracted_at ? new Date(r.retracted_at).toISOString() : null,
  };
}

function datasetQuery(db: Db) {
  return db
    .selectFrom('flow_datasets as d')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select([
      'd.id',
      'd.source_label',
      'd.period_first',
      'd.period_last',
      'd.profile',
      'd.k',
      'd.min_origin_devices',
      'd.panel_devices',
      'd.devices',
      'd.cells',
      'd.suppressed_cells',
      'd.metadata',
      'd.status',
      'd.created_by',
      'd.created_at',
      'd.retracted_at',
      'u.name as created_by_name',
    ]);
}

/** Every dataset, newest first. */
export async function listFlowDatasets(db: Db): Promise<FlowDatasetView[]> {
  const rows = await datasetQuery(db).orderBy('d.created_at', 'desc').orderBy('d.id').execute();
  return rows.map(toView);
}

export async function findFlowDataset(db: Db, id: string): Promise<FlowDatasetView | null> {
  const row = await datasetQuery(db).where('d.id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

/** The latest published dataset, or null. */
export async function latestPublishedFlowDataset(db: Db): Promise<FlowDatasetView | null> {
  const row = await datasetQuery(db)
    .where('d.status', '=', 'published')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .executeTakeFirst();
  return row ? toView(row) : null;
}

/** A municipality's stored figures in a dataset. */
export async function listFlowCells(
  db: Db,
  datasetId: string,
  code: string,
): Promise<{ scope: string; metric: string; value: number | null }[]> {
  return db
    .selectFrom('flow_cells')
    .select(['scope', 'metric', 'value'])
    .where('dataset_id', '=', datasetId)
    .where('municipality_code', '=', code)
    .execute();
}

/** A municipality's published origins in one scope, with names from the master. */
export async function listFlowOrigins(
  db: Db,
  datasetId: string,
  code: string,
  scope: string,
): Promise<{ origin: string; value: number; name: string | null }[]> {
  const rows = await db
    .selectFrom('flow_origin_cells as o')
    .leftJoin('municipalities as m', 'm.code', 'o.origin_code')
    .leftJoin('prefectures as p', 'p.code', 'o.origin_code')
    .select([
      'o.origin_code',
      'o.value',
      'm.name as municipality_name',
      'p.name as prefecture_name',
    ])
    .where('o.dataset_id', '=', datasetId)
    .where('o.municipality_code', '=', code)
    .where('o.scope', '=', scope)
    .orderBy('o.value', 'desc')
    .orderBy('o.origin_code')
    .execute();
  return rows.map((r) => ({
    origin: r.origin_code,
    value: r.value,
    name: r.prefecture_name ?? r.municipality_name ?? null,
  }));
}

export async function prefectureNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('prefectures').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The platform's figures of a municipality: its challenges and the applications to them. */
export async function platformFigures(
  db: Db,
  code: string,
): Promise<{ challenges: number; openChallenges: number; applications: number; matches: number }> {
  const challenges = await db
    .selectFrom('challenges')
    .select([
      sql<number>`count(*)`.as('challenges'),
      sql<number>`count(*) filter (where state = 'open')`.as('open'),
    ])
    .where('municipality_code', '=', code)
    .where('state', '<>', 'draft')
    .executeTakeFirstOrThrow();
  // Interest and a round's proposals are not applications yet.
  const applications = await db
    .selectFrom('applications as a')
    .innerJoin('challenges as c', 'c.id', 'a.challenge_id')
    .select([
      sql<number>`count(*) filter (where a.status::text not in ('interested', 'proposed'))`.as(
        'applications',
      ),
      sql<number>`count(*) filter (where a.status::text = 'matched')`.as('matches'),
    ])
    .where('c.municipality_code', '=', code)
    .where('c.state', '<>', 'draft')
    .executeTakeFirstOrThrow();
  return {
    challenges: Number(challenges.challenges),
    openChallenges: Number(challenges.open),
    applications: Number(applications.applications),
    matches: Number(applications.matches),
  };
}

/** Marks a published dataset retracted; false when it is not (or no longer) published. */
export async function retractFlowDataset(
  trx: Transaction<Database>,
  id: string,
  userId: string,
  nowMs: number,
): Promise<boolean> {
  const res = await trx
    .updateTable('flow_datasets')
    .set({ status: 'retracted', retracted_by: userId, retracted_at: new Date(nowMs) })
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

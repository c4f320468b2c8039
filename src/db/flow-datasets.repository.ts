import type { Kysely, Transaction } from 'kysely';
import { recordAuditEvent } from './audit.repository';
import type { Database, FlowDatasetsTable } from './database';

type Db = Kysely<Database> | Transaction<Database>;

/** A coordinator's account by email (case-insensitive), or null when none has the role. */
export async function findCoordinatorByEmail(
  db: Db,
  email: string,
): Promise<{ userId: string; name: string; email: string; organizationId: string } | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'm.organization_id'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.trim().toLowerCase()))
    .where('m.role', '=', 'coordinator')
    .orderBy('m.created_at')
    .executeTakeFirst();
  return row
    ? { userId: row.id, name: row.name, email: row.email, organizationId: row.organization_id }
    : null;
}

export type NewFlowDataset = {
  id: string;
  sourceLabel: string;
  periodFirst: string;
  periodLast: string;
  profile: FlowDatasetsTable['profile'];
  k: number;
  minOriginDevices: number;
  panelDevices: number;
  devices: number;
  cells: number;
  suppressedCells: number;
  metadata: Record<string, unknown>;
  fingerprint: string;
  createdBy: string;
  createdAtMs: number;
};

export type NewFlowCell = {
  municipalityCode: string;
  scope: string;
  metric: string;
  /** Null exactly when suppressed. */
  value: number | null;
};

export type NewFlowOriginCell = {
  municipalityCode: string;
  scope: string;
  originCode: string;
  value: number;
};

/** Id of the standing (published) dataset of an analysis, if any. */
export async function findPublishedFlowDataset(
  db: Db,
  fingerprint: string,
): Promise<{ id: string; createdAt: Date } | null> {
  const row = await db
    .selectFrom('flow_datasets')
    .select(['id', 'created_at'])
    .where('fingerprint', '=', fingerprint)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? { id: row.id, createdAt: row.created_at } : null;
}

const BATCH = 1000;

/**
 * Inserts a dataset and its cells inside the caller's transaction — the caller makes it one
 * transaction, so a failure anywhere leaves nothing published.
 */
export async function insertFlowDataset(
  trx: Transaction<Database>,
  dataset: NewFlowDataset,
  cells: readonly NewFlowCell[],
  origins: readonly NewFlowOriginCell[],
): Promise<void> {
  await trx
    .insertInto('flow_datasets')
    .values({
      id: dataset.id,
      source_label: dataset.sourceLabel,
      period_first: dataset.periodFirst,
      period_last: dataset.periodLast,
      profile: dataset.profile,
      k: dataset.k,
      min_origin_devices: dataset.minOriginDevices,
      panel_devices: dataset.panelDevices,
      devices: dataset.devices,
      cells: dataset.cells,
      suppressed_cells: dataset.suppressedCells,
      metadata: JSON.stringify(dataset.metadata),
      fingerprint: dataset.fingerprint,
      created_by: dataset.createdBy,
      created_at: new Date(dataset.createdAtMs),
    })
    .execute();
  for (let i = 0; i < cells.length; i += BATCH) {
    await trx
      .insertInto('flow_cells')
      .values(
        cells.slice(i, i + BATCH).map((c) => ({
          dataset_id: dataset.id,
          municipality_code: c.municipalityCode,
          scope: c.scope,
          metric: c.metric,
          value: c.value,
          suppressed: c.value === null,
        })),
      )
      .execute();
  }
  for (let i = 0; i < origins.length; i += BATCH) {
    await trx
      .insertInto('flow_origin_cells')
      .values(
        origins.slice(i, i + BATCH).map((o) => ({
          dataset_id: dataset.id,
          municipality_code: o.municipalityCode,
          scope: o.scope,
          origin_code: o.originCode,
          value: o.value,
        })),
      )
      .execute();
  }
}

/**
 * Publishes a dataset: inserts it (insertFlowDataset) and records `flow_dataset_published` in the
 * audit log, in the caller's transaction — so no dataset stands without its audit event, whoever
 * publishes it (`flow analyze --publish`, the demo seed).
 */
export async function publishFlowDataset(
  trx: Transaction<Database>,
  dataset: NewFlowDataset,
  cells: readonly NewFlowCell[],
  origins: readonly NewFlowOriginCell[],
  by: { organizationId: string; via: 'cli' | 'demo-seed' },
): Promise<void> {
  await insertFlowDataset(trx, dataset, cells, origins);
  await recordAuditEvent(trx, {
    event: 'flow_dataset_published',
    actorUserId: dataset.createdBy,
    organizationId: by.organizationId,
    subject: dataset.id,
    ip: null,
    requestId: null,
    details: {
      via: by.via,
      source: dataset.sourceLabel,
      period: `${dataset.periodFirst}..${dataset.periodLast}`,
      k: dataset.k,
      cells: cells.length,
      origins: origins.length,
    },
  });
}

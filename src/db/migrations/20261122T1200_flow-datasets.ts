import { sql, type Kysely } from 'kysely';

// People-flow datasets published by `tsunagu flow analyze --publish` (decision 9): the run's
// metadata only; the already-protected figures are in flow_cells and flow_origin_cells. Never
// deleted: a coordinator retracts one, and it is no longer shown.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flow_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('period_first', 'text', (c) => c.notNull())
    .addColumn('period_last', 'text', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('min_origin_devices', 'integer', (c) => c.notNull())
    .addColumn('panel_devices', 'integer', (c) => c.notNull())
    .addColumn('devices', 'integer', (c) => c.notNull())
    .addColumn('cells', 'integer', (c) => c.notNull())
    .addColumn('suppressed_cells', 'integer', (c) => c.notNull())
    .addColumn('metadata', 'jsonb', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retracted_by', 'text')
    .addColumn('retracted_at', 'timestamptz')
    .addForeignKeyConstraint('flow_datasets_created_by_fk', ['created_by'], 'users', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addForeignKeyConstraint(
      'flow_datasets_retracted_by_fk',
      ['retracted_by'],
      'users',
      ['id'],
      (fk) => fk.onDelete('set null'),
    )
    .addCheckConstraint('flow_datasets_source_check', sql`length(trim(source_label)) > 0`)
    .addCheckConstraint(
      'flow_datasets_period_check',
      sql`period_first ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and period_last ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
        and period_first <= period_last`,
    )
    .addCheckConstraint('flow_datasets_profile_check', sql`profile in ('trackintel', 'production')`)
    // k = 1 would protect nothing; the spec's default is 10.
    .addCheckConstraint('flow_datasets_k_check', sql`k >= 2 and min_origin_devices >= k`)
    .addCheckConstraint(
      'flow_datasets_counts_check',
      sql`panel_devices >= 0 and devices >= panel_devices and cells >= suppressed_cells and suppressed_cells >= 0`,
    )
    .addCheckConstraint('flow_datasets_metadata_check', sql`jsonb_typeof(metadata) = 'object'`)
    .addCheckConstraint('flow_datasets_status_check', sql`status in ('published', 'retracted')`)
    .addCheckConstraint(
      'flow_datasets_retracted_check',
      sql`(status = 'retracted') = (retracted_at is not null)`,
    )
    .execute();
  // The same analysis (input, flags, k) is published once while it stands.
  await db.schema
    .createIndex('flow_datasets_fingerprint_published_key')
    .on('flow_datasets')
    .column('fingerprint')
    .unique()
    .where(sql.ref('status'), '=', 'published')
    .execute();
  await db.schema
    .createIndex('flow_datasets_status_created_idx')
    .on('flow_datasets')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('flow_datasets').execute();
}

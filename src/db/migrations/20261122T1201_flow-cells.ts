import { sql, type Kysely } from 'kysely';

// One published people-flow figure: a metric of a municipality in a month or over the whole
// period, already protected (decision 9). A suppressed figure has no value; every metric and
// month of a listed municipality is present, so a missing row never hints at anything.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flow_cells')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint')
    .addColumn('suppressed', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('flow_cells_pkey', [
      'dataset_id',
      'municipality_code',
      'scope',
      'metric',
    ])
    .addForeignKeyConstraint(
      'flow_cells_dataset_fk',
      ['dataset_id'],
      'flow_datasets',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('flow_cells_municipality_check', sql`municipality_code ~ '^[0-9]{6}$'`)
    .addCheckConstraint(
      'flow_cells_scope_check',
      sql`scope = 'period' or scope ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`,
    )
    .addCheckConstraint(
      'flow_cells_metric_check',
      sql`metric in ('visitors', 'visitors_weekday', 'visitors_holiday', 'visit_days',
        'visit_days_weekday', 'visit_days_holiday', 'trips', 'overnight_visitors', 'day_trippers',
        'repeat_visitors', 'passers_through', 'passing_days', 'connected_population',
        'connected_2_7', 'connected_8_30', 'connected_31_plus', 'dual_residents', 'workationers')`,
    )
    .addCheckConstraint(
      'flow_cells_value_check',
      sql`suppressed = (value is null) and (value is null or value >= 0)`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('flow_cells').execute();
}

import { sql, type Kysely } from 'kysely';

// Where the visitors of a municipality live, per month and over the period: a municipality
// (one with enough visitors from it), "the rest of" a prefecture (its code), or unknown.
// Published cells only (decision 9): a hidden origin is not stored, since its mere presence
// would say that someone came from there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flow_origin_cells')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('origin_code', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('flow_origin_cells_pkey', [
      'dataset_id',
      'municipality_code',
      'scope',
      'origin_code',
    ])
    .addForeignKeyConstraint(
      'flow_origin_cells_dataset_fk',
      ['dataset_id'],
      'flow_datasets',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'flow_origin_cells_municipality_check',
      sql`municipality_code ~ '^[0-9]{6}$'`,
    )
    .addCheckConstraint(
      'flow_origin_cells_scope_check',
      sql`scope = 'period' or scope ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`,
    )
    .addCheckConstraint(
      'flow_origin_cells_origin_check',
      sql`origin_code = 'unknown' or origin_code ~ '^[0-9]{6}$'`,
    )
    .addCheckConstraint('flow_origin_cells_value_check', sql`value >= 0`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('flow_origin_cells').execute();
}

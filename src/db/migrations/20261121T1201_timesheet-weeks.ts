import { sql, type Kysely } from 'kysely';

// A worker's timesheet week (Monday to Sunday) and where it stands in the review.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('timesheet_weeks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('worker_user_id', 'text', (c) => c.notNull())
    .addColumn('week_start', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('timesheet_weeks_worker_fk', ['worker_user_id'], 'users', ['id'])
    .addUniqueConstraint('timesheet_weeks_worker_week_key', ['worker_user_id', 'week_start'])
    .addCheckConstraint(
      'timesheet_weeks_status_check',
      sql`status in ('draft', 'submitted', 'approved', 'correction_requested')`,
    )
    .addCheckConstraint('timesheet_weeks_monday_check', sql`extract(isodow from week_start) = 1`)
    .execute();
  await db.schema
    .createIndex('timesheet_weeks_week_status_idx')
    .on('timesheet_weeks')
    .columns(['week_start', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('timesheet_weeks').execute();
}

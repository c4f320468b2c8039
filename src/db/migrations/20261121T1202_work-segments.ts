import { sql, type Kysely } from 'kysely';

// Stretches of work in a timesheet week. Never deleted: a save marks the rows it replaces
// (superseded_at) and adds new ones, so a correction keeps what was first reported.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('week_id', 'text', (c) => c.notNull())
    .addColumn('employment_id', 'text', (c) => c.notNull())
    .addColumn('work_date', 'date', (c) => c.notNull())
    // Minutes after midnight of work_date; an end past midnight runs to 47:59 (2879).
    .addColumn('start_minute', 'smallint', (c) => c.notNull())
    .addColumn('end_minute', 'smallint', (c) => c.notNull())
    .addColumn('break_minutes', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('contracted', 'boolean', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('self'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('superseded_at', 'timestamptz')
    .addForeignKeyConstraint('work_segments_week_fk', ['week_id'], 'timesheet_weeks', ['id'])
    .addForeignKeyConstraint('work_segments_employment_fk', ['employment_id'], 'employments', [
      'id',
    ])
    .addForeignKeyConstraint(
      'work_segments_municipality_fk',
      ['municipality_code'],
      'municipalities',
      ['code'],
    )
    .addCheckConstraint(
      'work_segments_times_check',
      sql`start_minute between 0 and 1439 and end_minute > start_minute and end_minute <= 2879 and end_minute - start_minute <= 1440`,
    )
    .addCheckConstraint(
      'work_segments_break_check',
      sql`break_minutes >= 0 and break_minutes < end_minute - start_minute`,
    )
    .addCheckConstraint(
      'work_segments_location_check',
      sql`location in ('office', 'home', 'satellite', 'workation', 'client_site', 'other')`,
    )
    .addCheckConstraint('work_segments_source_check', sql`source in ('self', 'pc_log', 'check_in')`)
    .addCheckConstraint(
      'work_segments_superseded_check',
      sql`superseded_at is null or superseded_at >= created_at`,
    )
    .execute();
  await db.schema
    .createIndex('work_segments_week_idx')
    .on('work_segments')
    .column('week_id')
    .execute();
  await db.schema
    .createIndex('work_segments_employment_idx')
    .on('work_segments')
    .column('employment_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('work_segments').execute();
}

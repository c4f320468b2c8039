import { sql, type Kysely } from 'kysely';

// What happened to a timesheet week, by whom and when, with the reviewer's comment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('timesheet_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('week_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('comment', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('timesheet_events_week_fk', ['week_id'], 'timesheet_weeks', ['id'])
    .addForeignKeyConstraint(
      'timesheet_events_actor_fk',
      ['actor_user_id'],
      'users',
      ['id'],
      (fk) => fk.onDelete('set null'),
    )
    .addCheckConstraint(
      'timesheet_events_event_check',
      sql`event in ('saved', 'submitted', 'approved', 'correction_requested', 'copied_previous')`,
    )
    // A week is sent back with a reason.
    .addCheckConstraint(
      'timesheet_events_comment_check',
      sql`event <> 'correction_requested' or length(trim(comment)) > 0`,
    )
    .execute();
  await db.schema
    .createIndex('timesheet_events_week_idx')
    .on('timesheet_events')
    .column('week_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('timesheet_events').execute();
}

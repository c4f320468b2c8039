import { sql, type Kysely } from 'kysely';

const statuses = sql`('interested', 'applied', 'employer_pending', 'host_review', 'matched', 'declined', 'withdrawn')`;

// Every step of an application: from which status to which, by whom, when, with what comment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('comment', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint(
      'application_events_application_fk',
      ['application_id'],
      'applications',
      ['id'],
    )
    .addForeignKeyConstraint(
      'application_events_actor_fk',
      ['actor_user_id'],
      'users',
      ['id'],
      (fk) => fk.onDelete('set null'),
    )
    .addCheckConstraint(
      'application_events_status_check',
      sql`(from_status is null or from_status in ${statuses}) and to_status in ${statuses}`,
    )
    .execute();
  await db.schema
    .createIndex('application_events_application_idx')
    .on('application_events')
    .column('application_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_events').execute();
}

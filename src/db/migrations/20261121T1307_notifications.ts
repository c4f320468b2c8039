import { sql, type Kysely } from 'kysely';

// In-app notifications, written in the same transaction as the event they report. A serial id
// keeps the order in which they were written, even for several written at the same instant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addForeignKeyConstraint('notifications_user_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'notifications_kind_check',
      sql`kind in ('application_received', 'approval_requested', 'application_approved',
        'application_rejected', 'application_matched', 'application_declined',
        'application_withdrawn', 'host_response_overdue')`,
    )
    .addCheckConstraint('notifications_payload_check', sql`jsonb_typeof(payload) = 'object'`)
    .addCheckConstraint('notifications_read_check', sql`read_at is null or read_at >= created_at`)
    .execute();
  await db.schema
    .createIndex('notifications_user_created_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}

import { sql, type Kysely } from 'kysely';

// Who created, edited, opened, closed or archived a challenge, and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('challenge_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('challenge_events_challenge_fk', ['challenge_id'], 'challenges', [
      'id',
    ])
    .addForeignKeyConstraint(
      'challenge_events_actor_fk',
      ['actor_user_id'],
      'users',
      ['id'],
      (fk) => fk.onDelete('set null'),
    )
    .addCheckConstraint(
      'challenge_events_event_check',
      sql`event in ('created', 'updated', 'opened', 'closed', 'archived')`,
    )
    .addCheckConstraint(
      'challenge_events_states_check',
      sql`(from_state is null or from_state in ('draft', 'open', 'closed', 'archived'))
        and to_state in ('draft', 'open', 'closed', 'archived')`,
    )
    .execute();
  await db.schema
    .createIndex('challenge_events_challenge_idx')
    .on('challenge_events')
    .column('challenge_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('challenge_events').execute();
}

import { sql, type Kysely } from 'kysely';

// A round's history: created (with the solver's figures), edited (pairs added and removed),
// published (proposals made) — by whom and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('round_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('round_events_round_fk', ['round_id'], 'rounds', ['id'])
    .addForeignKeyConstraint('round_events_actor_fk', ['actor_user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addCheckConstraint(
      'round_events_event_check',
      sql`event in ('created', 'edited', 'published')`,
    )
    .addCheckConstraint('round_events_details_check', sql`jsonb_typeof(details) = 'object'`)
    .execute();
  await db.schema
    .createIndex('round_events_round_idx')
    .on('round_events')
    .column('round_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('round_events').execute();
}

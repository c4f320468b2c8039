import { sql, type Kysely } from 'kysely';

// Who takes part in a round: workers with their capacity (k), challenges with the places that
// were free when it was run (0: none) and the local government offering them (the guarantee).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('round_participants')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('worker_user_id', 'text')
    .addColumn('challenge_id', 'text')
    .addColumn('capacity', 'smallint', (c) => c.notNull())
    .addColumn('municipality_code', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addForeignKeyConstraint('round_participants_round_fk', ['round_id'], 'rounds', ['id'])
    .addForeignKeyConstraint('round_participants_worker_fk', ['worker_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('round_participants_challenge_fk', ['challenge_id'], 'challenges', [
      'id',
    ])
    .addCheckConstraint(
      'round_participants_kind_check',
      sql`(kind = 'worker' and worker_user_id is not null and challenge_id is null
          and municipality_code is null and capacity >= 1)
        or (kind = 'challenge' and challenge_id is not null and worker_user_id is null
          and municipality_code is not null and capacity >= 0)`,
    )
    .execute();
  await db.schema
    .createIndex('round_participants_worker_key')
    .on('round_participants')
    .columns(['round_id', 'worker_user_id'])
    .unique()
    .where(sql.ref('kind'), '=', 'worker')
    .execute();
  await db.schema
    .createIndex('round_participants_challenge_key')
    .on('round_participants')
    .columns(['round_id', 'challenge_id'])
    .unique()
    .where(sql.ref('kind'), '=', 'challenge')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('round_participants').execute();
}

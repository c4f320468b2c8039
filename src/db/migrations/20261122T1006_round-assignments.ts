import { sql, type Kysely } from 'kysely';

// A round's proposal: the pairs as the solver chose them or a coordinator edited them, with the
// score and its one-line reasons in both languages as they were when the pair was added; once
// published, the application each pair became. A proposal's pairs are replaced when edited
// (round_events keeps what changed); a published round's are a record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('round_assignments')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('worker_user_id', 'text', (c) => c.notNull())
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('summary_ja', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_assignments_pk', ['round_id', 'worker_user_id', 'challenge_id'])
    .addForeignKeyConstraint('round_assignments_round_fk', ['round_id'], 'rounds', ['id'])
    .addForeignKeyConstraint('round_assignments_worker_fk', ['worker_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('round_assignments_challenge_fk', ['challenge_id'], 'challenges', [
      'id',
    ])
    .addForeignKeyConstraint(
      'round_assignments_application_fk',
      ['application_id'],
      'applications',
      ['id'],
    )
    .addCheckConstraint('round_assignments_score_check', sql`score between -1 and 1`)
    .addCheckConstraint('round_assignments_source_check', sql`source in ('solver', 'coordinator')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('round_assignments').execute();
}

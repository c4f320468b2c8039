import { sql, type Kysely } from 'kysely';

// Matching rounds (issue 3, part 5): a coordinator's matchmaking event, its settings, the
// solver's figures, and whether its proposal was published. Kept as records: never deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposal'))
    .addColumn('worker_capacity', 'smallint', (c) => c.notNull())
    .addColumn('min_per_municipality', 'smallint', (c) => c.notNull())
    .addColumn('candidates_per_worker', 'smallint', (c) => c.notNull())
    // Worker/challenge pairs the solver chose from, and its result as it now stands.
    .addColumn('pairs_count', 'integer', (c) => c.notNull())
    .addColumn('total_score', 'double precision', (c) => c.notNull())
    .addColumn('shortfalls', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('scoring_ms', 'integer', (c) => c.notNull())
    .addColumn('solve_ms', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'timestamptz')
    .addForeignKeyConstraint('rounds_created_by_fk', ['created_by'], 'users', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addForeignKeyConstraint('rounds_published_by_fk', ['published_by'], 'users', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addCheckConstraint('rounds_name_check', sql`length(trim(name)) > 0`)
    .addCheckConstraint('rounds_status_check', sql`status in ('proposal', 'published')`)
    .addCheckConstraint(
      'rounds_settings_check',
      sql`worker_capacity >= 1 and min_per_municipality >= 0 and candidates_per_worker >= 1
        and pairs_count >= 1 and scoring_ms >= 0 and solve_ms >= 0`,
    )
    .addCheckConstraint('rounds_shortfalls_check', sql`jsonb_typeof(shortfalls) = 'array'`)
    .addCheckConstraint(
      'rounds_published_check',
      sql`(status = 'published') = (published_at is not null)`,
    )
    .execute();
  await db.schema.createIndex('rounds_created_idx').on('rounds').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rounds').execute();
}

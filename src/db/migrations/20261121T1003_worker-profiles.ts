import { sql, type Kysely } from 'kysely';

// The facts about a worker that later capabilities (matching, diversity) build on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('worker_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('birth_year', 'smallint')
    .addColumn('gender', 'text')
    .addColumn('home_municipality_code', 'text')
    .addColumn('skills', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('interests', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('worker_profiles_user_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'worker_profiles_home_fk',
      ['home_municipality_code'],
      'municipalities',
      ['code'],
    )
    .addCheckConstraint('worker_profiles_birth_year_check', sql`birth_year between 1900 and 2100`)
    // Self-declared and optional; "not stated" is a null, never a guess.
    .addCheckConstraint(
      'worker_profiles_gender_check',
      sql`gender is null or gender in ('female', 'male', 'nonbinary', 'undisclosed')`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('worker_profiles').execute();
}

import { sql, type Kysely } from 'kysely';

// What matching reads from a worker's profile (issue 3), and the worker's sharing choices:
// nothing is shown to hosts until the worker shares the profile; life stage and gender stay
// off even then unless the worker turns them on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('worker_profiles')
    .addColumn('available_hours_per_month', 'smallint')
    .addColumn('available_from', 'date')
    .addColumn('preferred_styles', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('life_stages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('career_goals', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // [{ kind, prefectureCode, municipalityCode | null }]
    .addColumn('affinities', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('shared_with_hosts', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('open_to_offers', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('share_skills', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('share_affinities', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('share_career', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('share_life_stage', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('share_gender', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable('worker_profiles')
    .addCheckConstraint(
      'worker_profiles_available_hours_check',
      sql`available_hours_per_month is null or available_hours_per_month between 1 and 744`,
    )
    .execute();
  await db.schema
    .alterTable('worker_profiles')
    .addCheckConstraint(
      'worker_profiles_lists_check',
      sql`jsonb_typeof(preferred_styles) = 'array' and jsonb_typeof(languages) = 'array'
        and jsonb_typeof(life_stages) = 'array' and jsonb_typeof(career_goals) = 'array'
        and jsonb_typeof(affinities) = 'array'`,
    )
    .execute();
  // Being offered to hosts means hosts can see who they are offered.
  await db.schema
    .alterTable('worker_profiles')
    .addCheckConstraint(
      'worker_profiles_offers_check',
      sql`not open_to_offers or shared_with_hosts`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('worker_profiles')
    .dropConstraint('worker_profiles_offers_check')
    .execute();
  await db.schema
    .alterTable('worker_profiles')
    .dropConstraint('worker_profiles_lists_check')
    .execute();
  await db.schema
    .alterTable('worker_profiles')
    .dropConstraint('worker_profiles_available_hours_check')
    .execute();
  await db.schema
    .alterTable('worker_profiles')
    .dropColumn('share_gender')
    .dropColumn('share_life_stage')
    .dropColumn('share_career')
    .dropColumn('share_affinities')
    .dropColumn('share_skills')
    .dropColumn('open_to_offers')
    .dropColumn('shared_with_hosts')
    .dropColumn('affinities')
    .dropColumn('career_goals')
    .dropColumn('life_stages')
    .dropColumn('languages')
    .dropColumn('preferred_styles')
    .dropColumn('available_from')
    .dropColumn('available_hours_per_month')
    .execute();
}

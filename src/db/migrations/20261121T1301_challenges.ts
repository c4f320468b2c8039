import { sql, type Kysely } from 'kysely';

// Regional challenges (地域の課題) posted by a municipality or prefecture. Kept as records: no
// deletion, no cascade from the host organisation; an ended challenge is archived.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text')
    .addColumn('prefecture_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('themes', 'jsonb', (c) => c.notNull())
    .addColumn('required_skills', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('welcome_skills', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('style', 'text', (c) => c.notNull())
    .addColumn('onsite_days_per_month', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('hours_per_month', 'smallint', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('period_months', 'smallint', (c) => c.notNull())
    .addColumn('places', 'smallint', (c) => c.notNull())
    .addColumn('max_open_applications', 'smallint', (c) => c.notNull().defaultTo(20))
    .addColumn('response_days', 'smallint', (c) => c.notNull().defaultTo(7))
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('fee_yen_per_month', 'integer')
    .addColumn('travel_support', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('challenges_organization_fk', ['organization_id'], 'organizations', [
      'id',
    ])
    .addForeignKeyConstraint(
      'challenges_municipality_fk',
      ['municipality_code'],
      'municipalities',
      ['code'],
    )
    .addForeignKeyConstraint('challenges_prefecture_fk', ['prefecture_code'], 'prefectures', [
      'code',
    ])
    .addForeignKeyConstraint('challenges_created_by_fk', ['created_by'], 'users', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addCheckConstraint(
      'challenges_text_check',
      sql`length(trim(title)) > 0 and length(trim(description)) > 0`,
    )
    .addCheckConstraint(
      'challenges_themes_check',
      sql`jsonb_typeof(themes) = 'array' and jsonb_array_length(themes) > 0
        and jsonb_typeof(required_skills) = 'array' and jsonb_typeof(welcome_skills) = 'array'`,
    )
    .addCheckConstraint('challenges_style_check', sql`style in ('remote', 'onsite', 'hybrid')`)
    // Remote work has no days on site; on-site and hybrid work has at least one.
    .addCheckConstraint(
      'challenges_onsite_days_check',
      sql`(style = 'remote' and onsite_days_per_month = 0)
        or (style <> 'remote' and onsite_days_per_month between 1 and 31)`,
    )
    .addCheckConstraint('challenges_hours_check', sql`hours_per_month between 1 and 744`)
    .addCheckConstraint('challenges_period_check', sql`period_months between 1 and 60`)
    .addCheckConstraint(
      'challenges_places_check',
      sql`places >= 1 and max_open_applications >= places`,
    )
    .addCheckConstraint('challenges_response_days_check', sql`response_days between 1 and 60`)
    .addCheckConstraint(
      'challenges_terms_check',
      sql`terms in ('paid', 'expenses_only', 'volunteer')`,
    )
    // A paid engagement states its fee; the others have none.
    .addCheckConstraint(
      'challenges_fee_check',
      sql`(terms = 'paid') = (fee_yen_per_month is not null)
        and (fee_yen_per_month is null or fee_yen_per_month > 0)`,
    )
    .addCheckConstraint(
      'challenges_state_check',
      sql`state in ('draft', 'open', 'closed', 'archived')`,
    )
    .execute();
  await db.schema
    .createIndex('challenges_organization_idx')
    .on('challenges')
    .column('organization_id')
    .execute();
  await db.schema
    .createIndex('challenges_state_prefecture_idx')
    .on('challenges')
    .columns(['state', 'prefecture_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('challenges').execute();
}

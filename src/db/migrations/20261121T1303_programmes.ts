import { sql, type Kysely } from 'kysely';

// A company's programmes: double work outside the company (社外兼業) and second career, each
// with the share of contracted hours it gives to regional work, and workation policies.
// Retired rather than deleted: applications made under a programme keep pointing at it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('max_share_percent', 'smallint')
    .addColumn('contracted_hours_per_month', 'smallint', (c) => c.notNull().defaultTo(160))
    .addColumn('min_age', 'smallint')
    .addColumn('max_age', 'smallint')
    .addColumn('min_tenure_years', 'smallint')
    .addColumn('approval_required', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('travel_subsidy_yen_per_month', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('workation_max_days_per_month', 'smallint')
    .addColumn('workation_policy', 'text')
    .addColumn('retired_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('programmes_organization_fk', ['organization_id'], 'organizations', [
      'id',
    ])
    .addCheckConstraint(
      'programmes_kind_check',
      sql`kind in ('double_work', 'second_career', 'workation')`,
    )
    .addCheckConstraint('programmes_name_check', sql`length(trim(name)) > 0`)
    // Double work and second career give a share of hours; a workation policy gives days.
    .addCheckConstraint(
      'programmes_share_check',
      sql`(kind = 'workation') = (max_share_percent is null)
        and (max_share_percent is null or max_share_percent between 1 and 50)`,
    )
    .addCheckConstraint(
      'programmes_workation_check',
      sql`(kind = 'workation' or workation_max_days_per_month is null)
        and (workation_max_days_per_month is null or workation_max_days_per_month between 1 and 31)`,
    )
    .addCheckConstraint(
      'programmes_contracted_hours_check',
      sql`contracted_hours_per_month between 1 and 250`,
    )
    .addCheckConstraint(
      'programmes_eligibility_check',
      sql`(min_age is null or min_age between 15 and 100)
        and (max_age is null or max_age between 15 and 100)
        and (min_age is null or max_age is null or min_age <= max_age)
        and (min_tenure_years is null or min_tenure_years >= 0)`,
    )
    .addCheckConstraint('programmes_travel_subsidy_check', sql`travel_subsidy_yen_per_month >= 0`)
    .execute();
  await db.schema
    .createIndex('programmes_organization_idx')
    .on('programmes')
    .column('organization_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('programmes').execute();
}

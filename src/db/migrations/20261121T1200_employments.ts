import { sql, type Kysely } from 'kysely';

const weekdays = sql`('sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday')`;

// A worker's employments and engagements (main job and side jobs): the terms the working-time
// rules read. Kept after they end — working-time records must be kept (労働基準法109条) — so
// nothing here cascades from the employer organisation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('employments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('worker_user_id', 'text', (c) => c.notNull())
    .addColumn('employer_organization_id', 'text')
    .addColumn('employer_name', 'text')
    .addColumn('is_primary', 'boolean', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('contract_signed_on', 'date', (c) => c.notNull())
    .addColumn('week_starts_on', 'text')
    .addColumn('legal_holiday', 'text')
    .addColumn('hourly_wage_yen', 'integer')
    .addColumn('monthly_cap_minutes', 'integer')
    .addColumn('agreement36_mode', 'text', (c) => c.notNull().defaultTo('standard'))
    .addColumn('agreement36_special_clause', 'boolean')
    .addColumn('agreement36_monthly_limit_minutes', 'integer')
    .addColumn('agreement36_yearly_limit_minutes', 'integer')
    .addColumn('agreement36_year_start_month', 'smallint')
    .addColumn('ended_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('employments_worker_fk', ['worker_user_id'], 'users', ['id'])
    .addForeignKeyConstraint(
      'employments_employer_organization_fk',
      ['employer_organization_id'],
      'organizations',
      ['id'],
    )
    // A member organisation is named by its own record; anyone else by the name given.
    .addCheckConstraint(
      'employments_employer_check',
      sql`employer_organization_id is not null or length(trim(employer_name)) > 0`,
    )
    // The main job is the one the company on the platform sets up.
    .addCheckConstraint(
      'employments_primary_employer_check',
      sql`not is_primary or employer_organization_id is not null`,
    )
    .addCheckConstraint(
      'employments_relation_check',
      sql`relation in ('employee', 'contractor', 'exempt-manager')`,
    )
    .addCheckConstraint(
      'employments_week_starts_on_check',
      sql`week_starts_on is null or week_starts_on in ${weekdays}`,
    )
    .addCheckConstraint(
      'employments_legal_holiday_check',
      sql`legal_holiday is null or legal_holiday in ${weekdays}`,
    )
    // What the engine needs to count an employee's week and pay its premiums.
    .addCheckConstraint(
      'employments_employee_terms_check',
      sql`relation <> 'employee' or (week_starts_on is not null and legal_holiday is not null and hourly_wage_yen is not null)`,
    )
    .addCheckConstraint(
      'employments_hourly_wage_check',
      sql`hourly_wage_yen is null or hourly_wage_yen > 0`,
    )
    .addCheckConstraint(
      'employments_monthly_cap_check',
      sql`monthly_cap_minutes is null or monthly_cap_minutes >= 0`,
    )
    .addCheckConstraint(
      'employments_agreement36_mode_check',
      sql`agreement36_mode in ('standard', 'none', 'custom')`,
    )
    .addCheckConstraint(
      'employments_agreement36_custom_check',
      sql`(agreement36_mode = 'custom') = (agreement36_special_clause is not null)
        and (agreement36_mode = 'custom' or (agreement36_monthly_limit_minutes is null
          and agreement36_yearly_limit_minutes is null and agreement36_year_start_month is null))`,
    )
    .addCheckConstraint(
      'employments_agreement36_limits_check',
      sql`(agreement36_monthly_limit_minutes is null or agreement36_monthly_limit_minutes between 1 and 2700)
        and (agreement36_yearly_limit_minutes is null or agreement36_yearly_limit_minutes between 1 and 43200)
        and (agreement36_year_start_month is null or agreement36_year_start_month between 1 and 12)`,
    )
    .addCheckConstraint(
      'employments_ended_check',
      sql`ended_on is null or ended_on >= contract_signed_on`,
    )
    .execute();
  await db.schema
    .createIndex('employments_worker_idx')
    .on('employments')
    .column('worker_user_id')
    .execute();
  // One main job per person and company.
  await db.schema
    .createIndex('employments_primary_key')
    .on('employments')
    .columns(['worker_user_id', 'employer_organization_id'])
    .unique()
    .where(sql.ref('is_primary'), '=', true)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('employments').execute();
}

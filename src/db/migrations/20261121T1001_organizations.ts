import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('lg_code', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'organizations_kind_check',
      sql`kind in ('association', 'municipality', 'prefecture', 'company')`,
    )
    // A municipality or prefecture is identified by its official code; others have none.
    .addCheckConstraint(
      'organizations_lg_code_check',
      sql`(kind in ('municipality', 'prefecture')) = (lg_code is not null) and (lg_code is null or lg_code ~ '^[0-9]{6}$')`,
    )
    .addCheckConstraint('organizations_name_check', sql`length(trim(name)) > 0`)
    .execute();
  // One organisation per local government.
  await db.schema
    .createIndex('organizations_lg_code_key')
    .on('organizations')
    .column('lg_code')
    .unique()
    .where(sql.ref('lg_code'), 'is not', null)
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('memberships_user_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'memberships_organization_fk',
      ['organization_id'],
      'organizations',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('memberships_user_organization_key', ['user_id', 'organization_id'])
    .addCheckConstraint(
      'memberships_role_check',
      sql`role in ('coordinator', 'municipal_officer', 'company_admin', 'worker')`,
    )
    .execute();
  await db.schema
    .createIndex('memberships_organization_idx')
    .on('memberships')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('invited_by', 'text')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('accepted_user_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'invitations_organization_fk',
      ['organization_id'],
      'organizations',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('invitations_invited_by_fk', ['invited_by'], 'users', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addForeignKeyConstraint(
      'invitations_accepted_user_fk',
      ['accepted_user_id'],
      'users',
      ['id'],
      (fk) => fk.onDelete('set null'),
    )
    .addUniqueConstraint('invitations_token_hash_key', ['token_hash'])
    .addCheckConstraint(
      'invitations_status_check',
      sql`status in ('pending', 'accepted', 'revoked')`,
    )
    .addCheckConstraint(
      'invitations_role_check',
      sql`role in ('coordinator', 'municipal_officer', 'company_admin', 'worker')`,
    )
    .execute();
  await db.schema
    .createIndex('invitations_organization_idx')
    .on('invitations')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('audit_events_occurred_idx')
    .on('audit_events')
    .column('occurred_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_events', 'invitations', 'memberships', 'organizations']) {
    await db.schema.dropTable(t).execute();
  }
}

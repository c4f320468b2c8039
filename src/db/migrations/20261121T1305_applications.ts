import { sql, type Kysely } from 'kysely';

const statuses = sql`('interested', 'applied', 'employer_pending', 'host_review', 'matched', 'declined', 'withdrawn')`;

// A worker's interest in and application to a challenge, through the employer's approval (when
// the worker's programme asks for it) to the host's answer. Kept as records: nothing cascades.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('worker_user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('declined_by', 'text')
    .addColumn('programme_id', 'text')
    .addColumn('employer_organization_id', 'text')
    .addColumn('reached_host_at', 'timestamptz')
    .addColumn('host_due_at', 'timestamptz')
    .addColumn('overdue_alerted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('applications_challenge_fk', ['challenge_id'], 'challenges', ['id'])
    .addForeignKeyConstraint('applications_worker_fk', ['worker_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('applications_programme_fk', ['programme_id'], 'programmes', ['id'])
    .addForeignKeyConstraint(
      'applications_employer_fk',
      ['employer_organization_id'],
      'organizations',
      ['id'],
    )
    .addCheckConstraint('applications_status_check', sql`status in ${statuses}`)
    // Interest carries no message; an application always does.
    .addCheckConstraint(
      'applications_message_check',
      sql`status in ('interested', 'withdrawn') or length(trim(message)) > 0`,
    )
    .addCheckConstraint(
      'applications_declined_check',
      sql`(status = 'declined') = (declined_by is not null)
        and (declined_by is null or declined_by in ('employer', 'host'))
        and (status <> 'declined' or length(trim(decline_reason)) > 0)`,
    )
    // Only a company programme's application waits for the employer.
    .addCheckConstraint(
      'applications_employer_check',
      sql`(programme_id is null) = (employer_organization_id is null)
        and (status <> 'employer_pending' or programme_id is not null)`,
    )
    .addCheckConstraint(
      'applications_host_due_check',
      sql`(reached_host_at is null) = (host_due_at is null)
        and (host_due_at is null or host_due_at > reached_host_at)
        and (status not in ('host_review', 'matched') or reached_host_at is not null)`,
    )
    .execute();
  // One live application per worker and challenge; after a decline or withdrawal, a new one.
  await db.schema
    .createIndex('applications_live_key')
    .on('applications')
    .columns(['challenge_id', 'worker_user_id'])
    .unique()
    .where(sql.ref('status'), 'not in', sql`('declined', 'withdrawn')`)
    .execute();
  await db.schema
    .createIndex('applications_challenge_idx')
    .on('applications')
    .column('challenge_id')
    .execute();
  await db.schema
    .createIndex('applications_worker_idx')
    .on('applications')
    .column('worker_user_id')
    .execute();
  await db.schema
    .createIndex('applications_employer_idx')
    .on('applications')
    .column('employer_organization_id')
    .execute();
  // The coordinators' overdue list reads only applications waiting for a host.
  await db.schema
    .createIndex('applications_host_due_idx')
    .on('applications')
    .column('host_due_at')
    .where(sql.ref('status'), '=', 'host_review')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('applications').execute();
}

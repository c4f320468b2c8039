import { sql, type Kysely, type RawBuilder } from 'kysely';

const before = sql`('interested', 'applied', 'employer_pending', 'host_review', 'matched', 'declined', 'withdrawn')`;
const after = sql`('interested', 'proposed', 'applied', 'employer_pending', 'host_review', 'matched', 'declined', 'withdrawn')`;

// A published matching round proposes a challenge to a worker: status 'proposed', one step past
// interest. Like interest it carries no message (the worker writes one when applying).
export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceChecks(db, after, sql`('interested', 'proposed', 'withdrawn')`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceChecks(db, before, sql`('interested', 'withdrawn')`);
}

async function replaceChecks(
  db: Kysely<unknown>,
  statuses: RawBuilder<unknown>,
  withoutMessage: RawBuilder<unknown>,
): Promise<void> {
  await db.schema.alterTable('applications').dropConstraint('applications_status_check').execute();
  await db.schema
    .alterTable('applications')
    .addCheckConstraint('applications_status_check', sql`status in ${statuses}`)
    .execute();
  await db.schema.alterTable('applications').dropConstraint('applications_message_check').execute();
  await db.schema
    .alterTable('applications')
    .addCheckConstraint(
      'applications_message_check',
      sql`status in ${withoutMessage} or length(trim(message)) > 0`,
    )
    .execute();
  await db.schema
    .alterTable('application_events')
    .dropConstraint('application_events_status_check')
    .execute();
  await db.schema
    .alterTable('application_events')
    .addCheckConstraint(
      'application_events_status_check',
      sql`(from_status is null or from_status in ${statuses}) and to_status in ${statuses}`,
    )
    .execute();
}

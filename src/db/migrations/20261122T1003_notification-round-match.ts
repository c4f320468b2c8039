import { sql, type Kysely, type RawBuilder } from 'kysely';

const before = sql`('application_received', 'approval_requested', 'application_approved',
  'application_rejected', 'application_matched', 'application_declined',
  'application_withdrawn', 'host_response_overdue')`;
const after = sql`('application_received', 'approval_requested', 'application_approved',
  'application_rejected', 'application_matched', 'application_declined',
  'application_withdrawn', 'host_response_overdue', 'round_match')`;

// A published matching round tells the worker, the host and (when approval is needed) HR.
export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceKindCheck(db, after);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceKindCheck(db, before);
}

async function replaceKindCheck(db: Kysely<unknown>, kinds: RawBuilder<unknown>) {
  await db.schema.alterTable('notifications').dropConstraint('notifications_kind_check').execute();
  await db.schema
    .alterTable('notifications')
    .addCheckConstraint('notifications_kind_check', sql`kind in ${kinds}`)
    .execute();
}

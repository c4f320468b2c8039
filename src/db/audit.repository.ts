import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';
import type { AuditEventType } from '../domain/shared/audit-events';

export type AuditEventInput = {
  event: AuditEventType;
  actorUserId: string | null;
  organizationId: string | null;
  /** What the event is about, e.g. the email of a failed login or the invited address. */
  subject: string | null;
  ip: string | null;
  requestId: string | null;
  details?: Record<string, unknown>;
};

/** Appends one security event. Never pass secrets (passwords, tokens) in details. */
export async function recordAuditEvent(
  db: Kysely<Database> | Transaction<Database>,
  e: AuditEventInput,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      event: e.event,
      actor_user_id: e.actorUserId,
      organization_id: e.organizationId,
      subject: e.subject,
      ip: e.ip,
      request_id: e.requestId,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

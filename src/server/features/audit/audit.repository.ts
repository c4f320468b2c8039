import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import type { AuditEventType } from '../../../domain/shared/audit-events';

export async function listAuditEvents(
  db: Kysely<Database>,
  f: { event?: AuditEventType; organizationId?: string; before?: number; limit: number },
) {
  let q = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.occurred_at',
      'a.event',
      'a.actor_user_id',
      'u.email as actor_email',
      'a.organization_id',
      'a.subject',
      'a.ip',
      'a.request_id',
      'a.details',
    ])
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1);
  if (f.event) q = q.where('a.event', '=', f.event);
  if (f.organizationId) q = q.where('a.organization_id', '=', f.organizationId);
  if (f.before) q = q.where('a.id', '<', f.before);
  const rows = await q.execute();
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      occurredAt: r.occurred_at.toISOString(),
      event: r.event,
      actorUserId: r.actor_user_id,
      actorEmail: r.actor_email,
      organizationId: r.organization_id,
      subject: r.subject,
      ip: r.ip,
      requestId: r.request_id,
      details: r.details,
    })),
    nextBefore: rows.length > f.limit ? Number(page[page.length - 1]?.id) : null,
  };
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { NotificationKind } from '../domain/shared/notifications';
import type { Role } from '../domain/shared/organizations';
import type { Database } from './database';

type Db = Kysely<Database> | Transaction<Database>;

/** What a notification points at (the contract's notificationPayload). */
export type NotificationPayloadRecord = {
  applicationId: string;
  challengeId: string;
  challengeTitle: string;
  hostName: string;
  workerName?: string;
  reason?: string;
  hostDueAt?: string;
};

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  payload: NotificationPayloadRecord;
};

/**
 * Writes notifications inside the caller's transaction, so they exist exactly when the event they
 * report does. One person named twice (an officer who is also a coordinator) is told once.
 */
export async function insertNotifications(
  db: Db,
  items: readonly NewNotification[],
  at: Date,
): Promise<void> {
  const seen = new Set<string>();
  const rows = items
    .filter((n) => {
      const key = `${n.userId}|${n.kind}|${n.payload.applicationId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((n) => ({
      user_id: n.userId,
      kind: n.kind,
      payload: JSON.stringify(n.payload),
      created_at: at,
    }));
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

/** The people holding `role` in an organisation (or anywhere, for coordinators). */
export async function userIdsWithRole(
  db: Db,
  role: Role,
  organizationId?: string,
): Promise<string[]> {
  let q = db.selectFrom('memberships').select('user_id').where('role', '=', role);
  if (organizationId !== undefined) q = q.where('organization_id', '=', organizationId);
  const rows = await q.orderBy('user_id').execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** The people holding `role` in each of these organisations, by organisation. */
export async function userIdsWithRoleIn(
  db: Db,
  role: Role,
  organizationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byOrganization = new Map<string, string[]>();
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return byOrganization;
  const rows = await db
    .selectFrom('memberships')
    .select(['organization_id', 'user_id'])
    .where('role', '=', role)
    .where('organization_id', 'in', unique)
    .orderBy('user_id')
    .execute();
  for (const r of rows) {
    const list = byOrganization.get(r.organization_id) ?? [];
    if (!list.includes(r.user_id)) list.push(r.user_id);
    byOrganization.set(r.organization_id, list);
  }
  return byOrganization;
}

/**
 * Alerts the host's officers and every coordinator about applications the host has not
 * answered in time (status host_review, host_due_at before `at`). Each application alerts once:
 * it is claimed by setting overdue_alerted_at in the same statement that finds it, so two
 * requests running at once never alert twice. Returns how many applications were alerted.
 *
 * Called when someone reads their notifications or the coordinators' overdue list; a scheduled
 * job can call it as well.
 */
export async function raiseOverdueApplicationAlerts(db: Db, at: Date): Promise<number> {
  const claimed = await db
    .updateTable('applications')
    .set({ overdue_alerted_at: at })
    .where('status', '=', 'host_review')
    .where('host_due_at', '<', at)
    .where('overdue_alerted_at', 'is', null)
    .returning('id')
    .execute();
  if (claimed.length === 0) return 0;
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('challenges as c', 'c.id', 'a.challenge_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .innerJoin('users as u', 'u.id', 'a.worker_user_id')
    .select([
      'a.id',
      'a.host_due_at',
      'c.id as challenge_id',
      'c.title',
      'c.organization_id',
      'o.name as host_name',
      'u.name as worker_name',
    ])
    .where(
      'a.id',
      'in',
      claimed.map((r) => r.id),
    )
    .execute();
  const coordinators = await userIdsWithRole(db, 'coordinator');
  const items: NewNotification[] = [];
  for (const r of rows) {
    const officers = await userIdsWithRole(db, 'municipal_officer', r.organization_id);
    const payload: NotificationPayloadRecord = {
      applicationId: r.id,
      challengeId: r.challenge_id,
      challengeTitle: r.title,
      hostName: r.host_name,
      workerName: r.worker_name,
      ...(r.host_due_at ? { hostDueAt: r.host_due_at.toISOString() } : {}),
    };
    for (const userId of [...officers, ...coordinators]) {
      items.push({ userId, kind: 'host_response_overdue', payload });
    }
  }
  await insertNotifications(db, items, at);
  return rows.length;
}

export type NotificationRecord = {
  id: number;
  kind: NotificationKind;
  payload: NotificationPayloadRecord;
  createdAt: string;
  readAt: string | null;
};

/** A person's notifications, newest first. */
export async function listNotifications(
  db: Db,
  userId: string,
  opts: { unreadOnly: boolean; limit: number },
): Promise<NotificationRecord[]> {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'created_at', 'read_at'])
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payload: r.payload as NotificationPayloadRecord,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  }));
}

export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one of the person's own notifications read (once); undefined if they have no such one. */
export async function markNotificationRead(
  db: Db,
  userId: string,
  id: number,
  at: Date,
): Promise<NotificationRecord | undefined> {
  await db
    .updateTable('notifications')
    // Never before it was written, whatever another server's clock says.
    .set({ read_at: sql<Date>`greatest(created_at, ${at})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
  const row = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'created_at', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload as NotificationPayloadRecord,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

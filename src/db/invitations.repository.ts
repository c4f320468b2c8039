import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, InvitationStatus } from './database';
import type { OrganizationKind, Role } from '../domain/shared/organizations';

type Db = Kysely<Database> | Transaction<Database>;

export const INVITATION_TTL_DAYS = 14;

/** Only the hash is stored: a leaked database does not hand out accounts. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type InvitationRecord = {
  id: string;
  organizationId: string;
  email: string;
  role: Role;
  status: InvitationStatus | 'expired';
  expiresAt: string;
  createdAt: string;
};

type Row = {
  id: string;
  organization_id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  expires_at: Date;
  created_at: Date;
};

function toRecord(r: Row, nowMs: number): InvitationRecord {
  const expired = r.status === 'pending' && r.expires_at.getTime() <= nowMs;
  return {
    id: r.id,
    organizationId: r.organization_id,
    email: r.email,
    role: r.role,
    status: expired ? 'expired' : r.status,
    expiresAt: r.expires_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}

const columns = [
  'id',
  'organization_id',
  'email',
  'role',
  'status',
  'expires_at',
  'created_at',
] as const;

/** Creates an invitation and returns it with the one-time token to pass on to the invitee. */
export async function createInvitation(
  db: Db,
  input: {
    organizationId: string;
    email: string;
    role: Role;
    invitedBy: string | null;
    nowMs: number;
  },
): Promise<{ invitation: InvitationRecord; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  // A fresh invitation replaces any earlier pending one for the same address and organisation.
  await db
    .updateTable('invitations')
    .set({ status: 'revoked' })
    .where('organization_id', '=', input.organizationId)
    .where('email', '=', input.email.toLowerCase())
    .where('status', '=', 'pending')
    .execute();
  const row = await db
    .insertInto('invitations')
    .values({
      id,
      organization_id: input.organizationId,
      email: input.email.toLowerCase(),
      role: input.role,
      token_hash: hashInvitationToken(token),
      invited_by: input.invitedBy,
      expires_at: new Date(input.nowMs + INVITATION_TTL_DAYS * 86_400_000),
      accepted_at: null,
      accepted_user_id: null,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return { invitation: toRecord(row, input.nowMs), token };
}

export async function listInvitations(db: Db, organizationId: string, nowMs: number) {
  const rows = await db
    .selectFrom('invitations')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => toRecord(r, nowMs));
}

export async function findInvitation(db: Db, organizationId: string, id: string, nowMs: number) {
  const row = await db
    .selectFrom('invitations')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row, nowMs) : undefined;
}

export async function revokeInvitation(db: Db, id: string): Promise<void> {
  await db.updateTable('invitations').set({ status: 'revoked' }).where('id', '=', id).execute();
}

/** A usable (pending, unexpired) invitation by its token, with its organisation, locked for update. */
export async function findUsableInvitationByToken(db: Db, token: string, nowMs: number) {
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .select([
      'i.id',
      'i.organization_id',
      'i.email',
      'i.role',
      'i.expires_at',
      'o.name as organization_name',
      'o.kind as organization_kind',
    ])
    .where('i.token_hash', '=', hashInvitationToken(token))
    .where('i.status', '=', 'pending')
    .where('i.expires_at', '>', new Date(nowMs))
    .forUpdate('i')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    role: row.role,
    expiresAt: row.expires_at.toISOString(),
    organizationName: row.organization_name,
    organizationKind: row.organization_kind as OrganizationKind,
  };
}

export async function markInvitationAccepted(
  db: Db,
  id: string,
  userId: string,
  nowMs: number,
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ status: 'accepted', accepted_at: new Date(nowMs), accepted_user_id: userId })
    .where('id', '=', id)
    .execute();
}

export async function addMembership(
  db: Db,
  m: { userId: string; organizationId: string; role: Role },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      id: randomUUID(),
      user_id: m.userId,
      organization_id: m.organizationId,
      role: m.role,
    })
    .onConflict((oc) =>
      oc
        .constraint('memberships_user_organization_key')
        .doUpdateSet({ role: m.role, updated_at: new Date() }),
    )
    .execute();
}

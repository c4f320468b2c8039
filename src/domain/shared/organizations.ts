/**
 * Organisations and roles: who belongs where, and who may invite whom.
 * Pure rules; the server and the CLI both ask these before writing.
 */

export const organizationKinds = ['association', 'municipality', 'prefecture', 'company'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const roles = ['coordinator', 'municipal_officer', 'company_admin', 'worker'] as const;
export type Role = (typeof roles)[number];

/** The roles a member of each kind of organisation can hold. */
export const rolesByKind: Readonly<Record<OrganizationKind, readonly Role[]>> = {
  association: ['coordinator'],
  municipality: ['municipal_officer'],
  prefecture: ['municipal_officer'],
  company: ['company_admin', 'worker'],
};

/** Kinds whose organisations are tied to an official local-government code. */
export function requiresLocalGovCode(kind: OrganizationKind): boolean {
  return kind === 'municipality' || kind === 'prefecture';
}

export function isRoleAllowedIn(kind: OrganizationKind, role: Role): boolean {
  return rolesByKind[kind].includes(role);
}

export type Membership = { organizationId: string; organizationKind: OrganizationKind; role: Role };

export type InvitationDecision =
  { allowed: true } | { allowed: false; reason: 'role_not_in_kind' | 'not_permitted' };

/**
 * Who may invite whom. Coordinators bring in organisations' first admins (and other
 * coordinators); an organisation's own admins bring in their people. A worker invites nobody.
 *
 * @example
 * decideInvitation([{ organizationId: 'a', organizationKind: 'association', role: 'coordinator' }],
 *   { organizationId: 'c', organizationKind: 'company' }, 'company_admin') // → { allowed: true }
 */
export function decideInvitation(
  inviter: readonly Membership[],
  target: { organizationId: string; organizationKind: OrganizationKind },
  role: Role,
): InvitationDecision {
  if (!isRoleAllowedIn(target.organizationKind, role)) {
    return { allowed: false, reason: 'role_not_in_kind' };
  }
  if (inviter.some((m) => m.role === 'coordinator')) return { allowed: true };
  const own = inviter.find((m) => m.organizationId === target.organizationId);
  if (!own) return { allowed: false, reason: 'not_permitted' };
  if (own.role === 'company_admin') return { allowed: true };
  // Officers run their own town's team: they add fellow officers.
  if (own.role === 'municipal_officer' && role === 'municipal_officer') return { allowed: true };
  return { allowed: false, reason: 'not_permitted' };
}

/** Whether a member may read an organisation's own records (members, invitations, settings). */
export function canReadOrganization(
  members: readonly Membership[],
  organizationId: string,
): boolean {
  return members.some((m) => m.role === 'coordinator' || m.organizationId === organizationId);
}

/** Whether a member may administer an organisation (invite, change roles, revoke). */
export function canAdministerOrganization(
  members: readonly Membership[],
  organizationId: string,
): boolean {
  return members.some(
    (m) =>
      m.role === 'coordinator' ||
      (m.organizationId === organizationId &&
        (m.role === 'company_admin' || m.role === 'municipal_officer')),
  );
}

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

export function isCoordinator(members: readonly Membership[]): boolean {
  return members.some((m) => m.role === 'coordinator');
}

/** Whether the member holds `role` in that very organisation (a coordinator does not count). */
export function hasRoleIn(
  members: readonly Membership[],
  organizationId: string,
  role: Role,
): boolean {
  return members.some((m) => m.organizationId === organizationId && m.role === role);
}

/** The companies where the member is a worker (the employers of their applications). */
export function workerCompanyIds(members: readonly Membership[]): string[] {
  return members.filter((m) => m.role === 'worker').map((m) => m.organizationId);
}

/**
 * Whether a member may see a regional challenge: its host's officers and coordinators always;
 * everyone else while it is open, or when they have applied to it (they keep seeing what they
 * applied to after it closes). A draft of another organisation does not exist for them.
 */
export function canReadChallenge(
  members: readonly Membership[],
  challenge: { organizationId: string; isOpen: boolean },
  hasApplied: boolean,
): boolean {
  return (
    isCoordinator(members) ||
    hasRoleIn(members, challenge.organizationId, 'municipal_officer') ||
    challenge.isOpen ||
    hasApplied
  );
}

/**
 * In what capacity a member acts on a challenge of `hostOrganizationId`: as its host (an officer
 * of that organisation), as a coordinator, or not at all.
 */
export function challengeRoleOf(
  members: readonly Membership[],
  hostOrganizationId: string,
): 'host' | 'coordinator' | null {
  if (hasRoleIn(members, hostOrganizationId, 'municipal_officer')) return 'host';
  return isCoordinator(members) ? 'coordinator' : null;
}

/**
 * Who sees an organisation's applications: for a company, its administrators (their employees'
 * applications under the company's programmes); for a town or prefecture, its officers (the
 * applications to its challenges); coordinators, any organisation's.
 */
export function canReadOrganizationApplications(
  members: readonly Membership[],
  organizationId: string,
  kind: OrganizationKind,
): boolean {
  if (isCoordinator(members)) return true;
  if (kind === 'company') return hasRoleIn(members, organizationId, 'company_admin');
  if (requiresLocalGovCode(kind)) return hasRoleIn(members, organizationId, 'municipal_officer');
  return false;
}

import type { MembershipView } from '../../../contracts/auth';
import {
  decideInvitation,
  rolesByKind,
  type OrganizationKind,
  type Role,
} from '../../../domain/shared/organizations';

/**
 * The roles the signed-in person may offer in an organisation: the domain rule the server also
 * applies, asked per role, so the form never offers a choice the server would refuse.
 *
 * @example
 * invitableRoles(hrMemberships, { organizationId: 'mirai', organizationKind: 'company' })
 * // → ['company_admin', 'worker']
 */
export function invitableRoles(
  inviter: readonly MembershipView[],
  target: { organizationId: string; organizationKind: OrganizationKind },
): Role[] {
  return rolesByKind[target.organizationKind].filter(
    (role) => decideInvitation(inviter, target, role).allowed,
  );
}

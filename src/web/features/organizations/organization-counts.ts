import { organizationKinds, type OrganizationKind } from '../../../domain/shared/organizations';

/**
 * How many member organisations of each kind there are, every kind present (zero included) so
 * the overview always shows the same four figures in the same order.
 *
 * @example
 * countOrganizationsByKind([{ kind: 'company' }]) // → { association: 0, municipality: 0, prefecture: 0, company: 1 }
 */
export function countOrganizationsByKind(
  organizations: ReadonlyArray<{ kind: OrganizationKind }>,
): Record<OrganizationKind, number> {
  const counts = Object.fromEntries(organizationKinds.map((k) => [k, 0])) as Record<
    OrganizationKind,
    number
  >;
  for (const o of organizations) counts[o.kind] += 1;
  return counts;
}

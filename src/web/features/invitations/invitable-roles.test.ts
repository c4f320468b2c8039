import { describe, expect, it } from 'vitest';
import type { MembershipView } from '../../../contracts/auth';
import { invitableRoles } from './invitable-roles';

const hr: MembershipView = {
  organizationId: 'mirai',
  organizationName: '株式会社みらいソフト',
  organizationKind: 'company',
  role: 'company_admin',
  lgCode: null,
};
const officer: MembershipView = {
  organizationId: 'karuizawa',
  organizationName: '軽井沢町',
  organizationKind: 'municipality',
  role: 'municipal_officer',
  lgCode: '203211',
};

describe('invitableRoles', () => {
  it('lets a company admin invite employees and fellow admins', () => {
    const target = { organizationId: 'mirai', organizationKind: 'company' as const };
    expect(invitableRoles([hr], target)).toEqual(['company_admin', 'worker']);
  });

  it('lets an officer invite only fellow officers of their own town', () => {
    const own = { organizationId: 'karuizawa', organizationKind: 'municipality' as const };
    expect(invitableRoles([officer], own)).toEqual(['municipal_officer']);
    const other = { organizationId: 'goto', organizationKind: 'municipality' as const };
    expect(invitableRoles([officer], other)).toEqual([]);
  });

  it('lets a worker invite nobody', () => {
    const target = { organizationId: 'mirai', organizationKind: 'company' as const };
    expect(invitableRoles([{ ...hr, role: 'worker' }], target)).toEqual([]);
  });
});

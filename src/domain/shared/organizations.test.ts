import { describe, expect, it } from 'vitest';
import {
  canAdministerOrganization,
  canReadChallenge,
  canReadOrganization,
  canReadOrganizationApplications,
  challengeRoleOf,
  decideInvitation,
  isRoleAllowedIn,
  type Membership,
} from './organizations';

const coordinator: Membership = {
  organizationId: 'assoc',
  organizationKind: 'association',
  role: 'coordinator',
};
const hrA: Membership = { organizationId: 'A', organizationKind: 'company', role: 'company_admin' };
const workerA: Membership = { organizationId: 'A', organizationKind: 'company', role: 'worker' };
const officerT: Membership = {
  organizationId: 'T',
  organizationKind: 'municipality',
  role: 'municipal_officer',
};
const companyB = { organizationId: 'B', organizationKind: 'company' as const };
const companyA = { organizationId: 'A', organizationKind: 'company' as const };
const townT = { organizationId: 'T', organizationKind: 'municipality' as const };

describe('roles per organisation kind', () => {
  it('allows coordinators only in the association', () => {
    expect(isRoleAllowedIn('association', 'coordinator')).toBe(true);
    expect(isRoleAllowedIn('company', 'coordinator')).toBe(false);
  });
  it('gives municipalities and prefectures officers, companies admins and workers', () => {
    expect(isRoleAllowedIn('municipality', 'municipal_officer')).toBe(true);
    expect(isRoleAllowedIn('prefecture', 'municipal_officer')).toBe(true);
    expect(isRoleAllowedIn('municipality', 'worker')).toBe(false);
    expect(isRoleAllowedIn('company', 'worker')).toBe(true);
    expect(isRoleAllowedIn('company', 'municipal_officer')).toBe(false);
  });
});

describe('decideInvitation', () => {
  it('lets a coordinator invite the first admin of any organisation', () => {
    expect(decideInvitation([coordinator], companyB, 'company_admin')).toEqual({ allowed: true });
    expect(decideInvitation([coordinator], townT, 'municipal_officer')).toEqual({ allowed: true });
  });
  it('lets a company admin invite workers and admins into their own company only', () => {
    expect(decideInvitation([hrA], companyA, 'worker')).toEqual({ allowed: true });
    expect(decideInvitation([hrA], companyA, 'company_admin')).toEqual({ allowed: true });
    expect(decideInvitation([hrA], companyB, 'worker')).toEqual({
      allowed: false,
      reason: 'not_permitted',
    });
  });
  it('refuses a worker any invitation', () => {
    expect(decideInvitation([workerA], companyA, 'worker')).toEqual({
      allowed: false,
      reason: 'not_permitted',
    });
  });
  it('lets an officer add fellow officers to their own town', () => {
    expect(decideInvitation([officerT], townT, 'municipal_officer')).toEqual({ allowed: true });
  });
  it('refuses a role that does not exist in the target kind, even for a coordinator', () => {
    expect(decideInvitation([coordinator], companyB, 'municipal_officer')).toEqual({
      allowed: false,
      reason: 'role_not_in_kind',
    });
  });
});

describe('reading and administering organisations', () => {
  it('lets members read their own organisation and coordinators read all', () => {
    expect(canReadOrganization([workerA], 'A')).toBe(true);
    expect(canReadOrganization([workerA], 'B')).toBe(false);
    expect(canReadOrganization([coordinator], 'B')).toBe(true);
  });
  it('lets admins and officers administer their own organisation, never workers', () => {
    expect(canAdministerOrganization([hrA], 'A')).toBe(true);
    expect(canAdministerOrganization([hrA], 'B')).toBe(false);
    expect(canAdministerOrganization([workerA], 'A')).toBe(false);
    expect(canAdministerOrganization([officerT], 'T')).toBe(true);
  });
});

describe('challenges and applications', () => {
  const draftOfT = { organizationId: 'T', isOpen: false };
  const openOfT = { organizationId: 'T', isOpen: true };

  it('shows a draft only to its town and coordinators; an open challenge to everyone', () => {
    expect(canReadChallenge([officerT], draftOfT, false)).toBe(true);
    expect(canReadChallenge([coordinator], draftOfT, false)).toBe(true);
    expect(canReadChallenge([workerA], draftOfT, false)).toBe(false);
    expect(canReadChallenge([hrA], draftOfT, false)).toBe(false);
    expect(canReadChallenge([workerA], openOfT, false)).toBe(true);
  });

  it('keeps a closed challenge visible to the people who applied to it', () => {
    expect(canReadChallenge([workerA], draftOfT, true)).toBe(true);
  });

  it('acts on a challenge as its host or as a coordinator, nobody else', () => {
    expect(challengeRoleOf([officerT], 'T')).toBe('host');
    expect(challengeRoleOf([coordinator], 'T')).toBe('coordinator');
    expect(challengeRoleOf([officerT], 'other-town')).toBeNull();
    expect(challengeRoleOf([hrA], 'T')).toBeNull();
  });

  it("shows a company's applications to its admins and a town's to its officers", () => {
    expect(canReadOrganizationApplications([hrA], 'A', 'company')).toBe(true);
    expect(canReadOrganizationApplications([workerA], 'A', 'company')).toBe(false);
    expect(canReadOrganizationApplications([hrA], 'B', 'company')).toBe(false);
    expect(canReadOrganizationApplications([officerT], 'T', 'municipality')).toBe(true);
    expect(canReadOrganizationApplications([coordinator], 'B', 'company')).toBe(true);
  });
});

import type { MeResponse, MembershipView } from '../../../contracts/auth';

/** A place in the app; `key` names both the route and its label in the catalogs (nav.<key>). */
export type NavItem = {
  key:
    | 'home'
    | 'myPage'
    | 'organizations'
    | 'audit'
    | 'invitations'
    | 'timesheet'
    | 'sideJobs'
    | 'timesheetApprovals'
    | 'compliance'
    | 'hostChallenges'
    | 'recommendations'
    | 'findChallenges'
    | 'myApplications'
    | 'profile'
    | 'programmes'
    | 'companyProgrammes'
    | 'applicationApprovals'
    | 'overdueApplications'
    | 'rounds';
  path: string;
};

export type Navigation = {
  /** The membership whose home and menu are shown; null for someone in no organisation. */
  active: MembershipView | null;
  items: NavItem[];
};

/**
 * The membership to show. A remembered choice wins while the person still has it; otherwise a
 * coordinator membership (the widest view), otherwise the first one.
 */
export function selectActiveMembership(
  memberships: readonly MembershipView[],
  preferredOrganizationId: string | null,
): MembershipView | null {
  return (
    memberships.find((m) => m.organizationId === preferredOrganizationId) ??
    memberships.find((m) => m.role === 'coordinator') ??
    memberships[0] ??
    null
  );
}

function itemsFor(active: MembershipView | null): NavItem[] {
  switch (active?.role) {
    case 'coordinator':
      // Coordinators run matching rounds and follow up hosts who have not answered in time.
      return [
        { key: 'home', path: '/' },
        { key: 'organizations', path: '/organizations' },
        { key: 'rounds', path: '/rounds' },
        { key: 'overdueApplications', path: '/overdue-applications' },
        { key: 'audit', path: '/audit' },
      ];
    case 'municipal_officer':
      // Officers post their organisation's challenges and run its team.
      return [
        { key: 'home', path: '/' },
        { key: 'hostChallenges', path: '/regional-challenges' },
        { key: 'invitations', path: '/invitations' },
      ];
    case 'company_admin':
      // Company admins approve their people's applications and timesheets, set the programmes
      // and watch the working-time limits.
      return [
        { key: 'home', path: '/' },
        { key: 'applicationApprovals', path: '/application-approvals' },
        { key: 'companyProgrammes', path: '/programmes' },
        { key: 'timesheetApprovals', path: '/timesheet-approvals' },
        { key: 'compliance', path: '/compliance' },
        { key: 'invitations', path: '/invitations' },
      ];
    case 'worker':
      return [
        { key: 'myPage', path: '/' },
        { key: 'recommendations', path: '/recommendations' },
        { key: 'findChallenges', path: '/challenges' },
        { key: 'myApplications', path: '/applications' },
        { key: 'profile', path: '/profile' },
        { key: 'programmes', path: '/programmes' },
        { key: 'timesheet', path: '/timesheet' },
        { key: 'sideJobs', path: '/side-jobs' },
      ];
    case undefined:
      return [{ key: 'home', path: '/' }];
  }
}

/**
 * What a signed-in person can reach, for the membership they are acting in.
 *
 * @example
 * navigationFor(me).items.map((i) => i.path)
 * // coordinator → ['/', '/organizations', '/rounds', '/overdue-applications', '/audit']
 */
export function navigationFor(
  me: Pick<MeResponse, 'memberships'>,
  preferredOrganizationId: string | null = null,
): Navigation {
  const active = selectActiveMembership(me.memberships, preferredOrganizationId);
  return { active, items: itemsFor(active) };
}

/** Whether `path` is one of the routes `navigation` lists (or below one, e.g. /organizations/x). */
export function isPathAllowed(navigation: Navigation, path: string): boolean {
  return navigation.items.some((item) =>
    item.path === '/' ? path === '/' : path === item.path || path.startsWith(`${item.path}/`),
  );
}

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
    | 'compliance';
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
      return [
        { key: 'home', path: '/' },
        { key: 'organizations', path: '/organizations' },
        { key: 'audit', path: '/audit' },
      ];
    case 'municipal_officer':
      // Officers run their own organisation's team.
      return [
        { key: 'home', path: '/' },
        { key: 'invitations', path: '/invitations' },
      ];
    case 'company_admin':
      // Company admins also approve their people's timesheets and watch the working-time limits.
      return [
        { key: 'home', path: '/' },
        { key: 'timesheetApprovals', path: '/timesheet-approvals' },
        { key: 'compliance', path: '/compliance' },
        { key: 'invitations', path: '/invitations' },
      ];
    case 'worker':
      return [
        { key: 'myPage', path: '/' },
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
 * navigationFor(me).items.map((i) => i.path) // coordinator → ['/', '/organizations', '/audit']
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

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
    | 'rounds'
    | 'peopleFlow'
    | 'flowDatasets';
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
      // Coordinators run matching rounds, follow up hosts who have not answered in time, and
      // answer for the people-flow datasets published under their name.
      return [
        { key: 'home', path: '/' },
        { key: 'organizations', path: '/organizations' },
        { key: 'rounds', path: '/rounds' },
        { key: 'overdueApplications', path: '/overdue-applications' },
        { key: 'peopleFlow', path: '/flow' },
        { key: 'flowDatasets', path: '/flow-datasets' },
        { key: 'audit', path: '/audit' },
      ];
    case 'municipal_officer':
      // Officers post their organisation's challenges, run its team and read the people flow
      // of their municipality (a prefecture's officers: of its municipalities).
      return [
        { key: 'home', path: '/' },
        { key: 'hostChallenges', path: '/regional-challenges' },
        { key: 'peopleFlow', path: '/flow' },
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
 * // coordinator → ['/', '/organizations', '/rounds', '/overdue-applications', '/flow',
 * //                '/flow-datasets', '/audit']
 */
export function navigationFor(
  me: Pick<MeResponse, 'memberships'>,
  preferredOrganizationId: string | null = null,
): Navigation {
  const active = selectActiveMembership(me.memberships, preferredOrganizationId);
  return { active, items: itemsFor(active) };
}

/**
 * Pages that live outside the path of the menu entry that grants them: a municipality's people
 * flow (`/municipalities/:code/flow`, the API's address) is reached through 人流データ (`/flow`).
 */
const GRANTED_BY: ReadonlyArray<{ pattern: RegExp; path: string }> = [
  { pattern: /^\/municipalities\/[^/]+\/flow$/, path: '/flow' },
];

/** The menu path a page belongs to: its own, or the entry that grants it. */
export function menuPathOf(path: string): string {
  return GRANTED_BY.find((g) => g.pattern.test(path))?.path ?? path;
}

/**
 * Whether a menu entry is the one to highlight for `path`: its own page or one below it, by whole
 * path segments (/flow-datasets is not below /flow).
 */
export function isMenuItemActive(itemPath: string, path: string): boolean {
  const granted = menuPathOf(path);
  return itemPath === '/'
    ? granted === '/'
    : granted === itemPath || granted.startsWith(`${itemPath}/`);
}

/** Whether `path` is one of the routes `navigation` lists (or below one, e.g. /organizations/x). */
export function isPathAllowed(navigation: Navigation, path: string): boolean {
  return navigation.items.some((item) => isMenuItemActive(item.path, path));
}

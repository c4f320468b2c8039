import { describe, expect, it } from 'vitest';
import type { MembershipView } from '../../../contracts/auth';
import {
  isMenuItemActive,
  isPathAllowed,
  menuPathOf,
  navigationFor,
  selectActiveMembership,
} from './navigation';

const association: MembershipView = {
  organizationId: 'assoc',
  organizationName: '一般社団法人つなぐテレワーク協会',
  organizationKind: 'association',
  role: 'coordinator',
  lgCode: null,
};
const town: MembershipView = {
  organizationId: 'karuizawa',
  organizationName: '軽井沢町',
  organizationKind: 'municipality',
  role: 'municipal_officer',
  lgCode: '203211',
};
const companyAdmin: MembershipView = {
  organizationId: 'mirai',
  organizationName: '株式会社みらいソフト',
  organizationKind: 'company',
  role: 'company_admin',
  lgCode: null,
};
const worker: MembershipView = { ...companyAdmin, role: 'worker' };

const paths = (memberships: MembershipView[], preferred: string | null = null) =>
  navigationFor({ memberships }, preferred).items.map((i) => i.path);

describe('navigationFor', () => {
  it('gives a coordinator the overview, the member organisations, matching rounds, late host answers, people flow and its datasets, and the audit log', () => {
    expect(paths([association])).toEqual([
      '/',
      '/organizations',
      '/rounds',
      '/overdue-applications',
      '/flow',
      '/flow-datasets',
      '/audit',
    ]);
  });

  it('gives a municipal officer their town home, its challenges, its people flow and the team invitations', () => {
    expect(paths([town])).toEqual(['/', '/regional-challenges', '/flow', '/invitations']);
  });

  it('gives a company admin application and timesheet approval, programmes, compliance and invitations', () => {
    expect(paths([companyAdmin])).toEqual([
      '/',
      '/application-approvals',
      '/programmes',
      '/timesheet-approvals',
      '/compliance',
      '/invitations',
    ]);
  });

  it('gives a worker recommendations, the search, applications, profile, programmes and working time', () => {
    expect(navigationFor({ memberships: [worker] }).items).toEqual([
      { key: 'myPage', path: '/' },
      { key: 'recommendations', path: '/recommendations' },
      { key: 'findChallenges', path: '/challenges' },
      { key: 'myApplications', path: '/applications' },
      { key: 'profile', path: '/profile' },
      { key: 'programmes', path: '/programmes' },
      { key: 'timesheet', path: '/timesheet' },
      { key: 'sideJobs', path: '/side-jobs' },
    ]);
  });

  it('gives someone in no organisation a home and nothing else', () => {
    const nav = navigationFor({ memberships: [] });
    expect(nav.active).toBeNull();
    expect(nav.items).toEqual([{ key: 'home', path: '/' }]);
  });

  it('follows the chosen membership of a person in several organisations', () => {
    expect(paths([association, worker], 'mirai')).toContain('/recommendations');
    expect(paths([association, worker], 'mirai')).not.toContain('/audit');
    expect(navigationFor({ memberships: [association, worker] }, 'mirai').active).toBe(worker);
  });
});

describe('selectActiveMembership', () => {
  it('prefers a coordinator membership when nothing was chosen', () => {
    expect(selectActiveMembership([worker, association], null)).toBe(association);
  });

  it('ignores a remembered organisation the person has left', () => {
    expect(selectActiveMembership([town], 'gone')).toBe(town);
  });
});

describe('isPathAllowed', () => {
  it('allows pages below a listed section and refuses unlisted ones', () => {
    const coordinator = navigationFor({ memberships: [association] });
    expect(isPathAllowed(coordinator, '/organizations/123')).toBe(true);
    expect(isPathAllowed(navigationFor({ memberships: [worker] }), '/audit')).toBe(false);
  });

  it('keeps the compliance and approval pages to company admins', () => {
    const workerNav = navigationFor({ memberships: [worker] });
    expect(isPathAllowed(workerNav, '/timesheet')).toBe(true);
    expect(isPathAllowed(workerNav, '/compliance')).toBe(false);
    expect(isPathAllowed(workerNav, '/timesheet-approvals')).toBe(false);
    expect(isPathAllowed(navigationFor({ memberships: [companyAdmin] }), '/timesheet')).toBe(false);
  });

  it('keeps each role to its own matching screens', () => {
    const workerNav = navigationFor({ memberships: [worker] });
    const officerNav = navigationFor({ memberships: [town] });
    const adminNav = navigationFor({ memberships: [companyAdmin] });
    expect(isPathAllowed(workerNav, '/challenges/abc')).toBe(true);
    expect(isPathAllowed(workerNav, '/regional-challenges')).toBe(false);
    expect(isPathAllowed(officerNav, '/regional-challenges/abc/edit')).toBe(true);
    expect(isPathAllowed(officerNav, '/recommendations')).toBe(false);
    expect(isPathAllowed(adminNav, '/application-approvals')).toBe(true);
    expect(isPathAllowed(workerNav, '/application-approvals')).toBe(false);
    // Both see /programmes: HR manages them, a worker joins them.
    expect(isPathAllowed(adminNav, '/programmes')).toBe(true);
    expect(isPathAllowed(workerNav, '/programmes')).toBe(true);
    const coordinatorNav = navigationFor({ memberships: [association] });
    expect(isPathAllowed(coordinatorNav, '/rounds/abc')).toBe(true);
    expect(isPathAllowed(adminNav, '/rounds')).toBe(false);
  });
});

describe('people flow', () => {
  it('opens a municipality’s people flow to officers and coordinators, not to companies or workers', () => {
    const page = '/municipalities/203211/flow';
    expect(isPathAllowed(navigationFor({ memberships: [town] }), page)).toBe(true);
    expect(isPathAllowed(navigationFor({ memberships: [association] }), page)).toBe(true);
    expect(isPathAllowed(navigationFor({ memberships: [town] }), '/flow')).toBe(true);
    expect(isPathAllowed(navigationFor({ memberships: [worker] }), page)).toBe(false);
    expect(isPathAllowed(navigationFor({ memberships: [companyAdmin] }), page)).toBe(false);
    // The menu marks 人流データ as the current entry there.
    expect(menuPathOf(page)).toBe('/flow');
    expect(menuPathOf('/organizations/x')).toBe('/organizations/x');
    // Only that exact page: the grant does not open anything else under /municipalities.
    expect(isPathAllowed(navigationFor({ memberships: [town] }), '/municipalities/203211')).toBe(
      false,
    );
  });
});

describe('isMenuItemActive', () => {
  it('highlights an entry for its page and pages below it, by whole path segments', () => {
    expect(isMenuItemActive('/flow', '/flow')).toBe(true);
    expect(isMenuItemActive('/flow', '/municipalities/203211/flow')).toBe(true);
    expect(isMenuItemActive('/flow', '/flow-datasets')).toBe(false);
    expect(isMenuItemActive('/flow-datasets', '/flow-datasets')).toBe(true);
    expect(isMenuItemActive('/rounds', '/rounds/abc')).toBe(true);
    expect(isMenuItemActive('/', '/rounds')).toBe(false);
    expect(isMenuItemActive('/', '/')).toBe(true);
  });
});

import { createBrowserRouter } from 'react-router';
import { AuditPage } from '../features/audit/audit-page';
import { LoginPage } from '../features/auth/login-page';
import { CompliancePage } from '../features/compliance/compliance-page';
import { SideJobsPage } from '../features/employments/side-jobs-page';
import { HomePage } from '../features/home/home-page';
import { InvitationPage } from '../features/invitations/invitation-page';
import { TeamInvitationsPage } from '../features/invitations/team-invitations-page';
import { OrganizationPage } from '../features/organizations/organization-page';
import { OrganizationsPage } from '../features/organizations/organizations-page';
import { TimesheetApprovalsPage } from '../features/timesheets/timesheet-approvals-page';
import { TimesheetPage } from '../features/timesheets/timesheet-page';
import { AllowedRoute } from './allowed-route';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // Public: the token in the link is the credential.
    { path: '/invitations/:token', element: <InvitationPage /> },
    {
      element: <RequireSession />,
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'organizations',
          element: (
            <AllowedRoute>
              <OrganizationsPage />
            </AllowedRoute>
          ),
        },
        {
          path: 'organizations/:id',
          element: (
            <AllowedRoute>
              <OrganizationPage />
            </AllowedRoute>
          ),
        },
        {
          path: 'audit',
          element: (
            <AllowedRoute>
              <AuditPage />
            </AllowedRoute>
          ),
        },
        {
          path: 'invitations',
          element: (
            <AllowedRoute>
              <TeamInvitationsPage />
            </AllowedRoute>
          ),
        },
        {
          path: 'timesheet',
          element: (
            <AllowedRoute>
              <TimesheetPage />
            </AllowedRoute>
          ),
        },
        {
          path: 'side-jobs',
          element: (
            <AllowedRoute>
              <SideJobsPage />
            </AllowedRoute>
          ),
        },
        {
          path: 'timesheet-approvals',
          element: (
            <AllowedRoute>
              <TimesheetApprovalsPage />
            </AllowedRoute>
          ),
        },
        {
          path: 'compliance',
          element: (
            <AllowedRoute>
              <CompliancePage />
            </AllowedRoute>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

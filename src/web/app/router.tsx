import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ApplicationApprovalsPage } from '../features/applications/application-approvals-page';
import { MyApplicationsPage } from '../features/applications/my-applications-page';
import { OverdueApplicationsPage } from '../features/applications/overdue-applications-page';
import { AuditPage } from '../features/audit/audit-page';
import { LoginPage } from '../features/auth/login-page';
import { ChallengeDetailPage } from '../features/challenges/challenge-detail-page';
import { EditChallengePage, NewChallengePage } from '../features/challenges/challenge-form-page';
import { ChallengeSearchPage } from '../features/challenges/challenge-search-page';
import { HostChallengePage } from '../features/challenges/host-challenge-page';
import { HostChallengesPage } from '../features/challenges/host-challenges-page';
import { CompliancePage } from '../features/compliance/compliance-page';
import { SideJobsPage } from '../features/employments/side-jobs-page';
import { FlowDatasetsPage } from '../features/flow/flow-datasets-page';
import { FlowIndexPage } from '../features/flow/flow-index-page';
import { MunicipalityFlowPage } from '../features/flow/municipality-flow-page';
import { HomePage } from '../features/home/home-page';
import { InvitationPage } from '../features/invitations/invitation-page';
import { TeamInvitationsPage } from '../features/invitations/team-invitations-page';
import { OrganizationPage } from '../features/organizations/organization-page';
import { OrganizationsPage } from '../features/organizations/organizations-page';
import { ProfilePage } from '../features/profile/profile-page';
import { ProgrammesPage } from '../features/programmes/programmes-page';
import { RecommendationsPage } from '../features/recommendations/recommendations-page';
import { NewRoundPage } from '../features/rounds/new-round-page';
import { RoundPage } from '../features/rounds/round-page';
import { RoundsPage } from '../features/rounds/rounds-page';
import { TimesheetApprovalsPage } from '../features/timesheets/timesheet-approvals-page';
import { TimesheetPage } from '../features/timesheets/timesheet-page';
import { AllowedRoute } from './allowed-route';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

/** A signed-in page shown only to roles whose navigation lists it. */
const allowed = (path: string, page: ReactNode) => ({
  path,
  element: <AllowedRoute>{page}</AllowedRoute>,
});

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
        allowed('regional-challenges', <HostChallengesPage />),
        allowed('regional-challenges/new', <NewChallengePage />),
        allowed('regional-challenges/:id', <HostChallengePage />),
        allowed('regional-challenges/:id/edit', <EditChallengePage />),
        allowed('recommendations', <RecommendationsPage />),
        allowed('challenges', <ChallengeSearchPage />),
        allowed('challenges/:id', <ChallengeDetailPage />),
        allowed('applications', <MyApplicationsPage />),
        allowed('profile', <ProfilePage />),
        allowed('programmes', <ProgrammesPage />),
        allowed('application-approvals', <ApplicationApprovalsPage />),
        allowed('overdue-applications', <OverdueApplicationsPage />),
        allowed('rounds', <RoundsPage />),
        allowed('rounds/new', <NewRoundPage />),
        allowed('rounds/:id', <RoundPage />),
        allowed('flow', <FlowIndexPage />),
        allowed('municipalities/:code/flow', <MunicipalityFlowPage />),
        allowed('flow-datasets', <FlowDatasetsPage />),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

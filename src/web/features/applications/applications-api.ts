import type { z } from 'zod';
import type {
  ApplicationView,
  overdueApplicationListResponse,
  SharedProfileView,
} from '../../../contracts/matching';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import { apiRequest } from '../../lib/api-client';

export type Application = ApplicationView;
export type ApplicationEvent = Application['events'][number];
export type OverdueApplication = z.infer<typeof overdueApplicationListResponse>['items'][number];

export const applicationKeys = {
  all: ['applications'] as const,
  mine: ['applications', 'mine'] as const,
  ofChallenge: (challengeId: string) => ['applications', 'challenge', challengeId] as const,
  ofOrganization: (organizationId: string, status: ApplicationStatus | null) =>
    ['applications', 'organization', organizationId, status] as const,
  overdue: ['applications', 'overdue'] as const,
  workerProfile: (userId: string) => ['worker-profile', userId] as const,
};

const statusQuery = (status: ApplicationStatus | null) =>
  status ? `?status=${encodeURIComponent(status)}` : '';

// --- The worker ---------------------------------------------------------------------------------

export async function fetchMyApplications(signal?: AbortSignal): Promise<Application[]> {
  const { items } = await apiRequest<{ items: Application[] }>('/me/applications', { signal });
  return items;
}

/** 気になる: the host sees the interest; nothing is sent to anyone. */
export function showInterest(challengeId: string): Promise<Application> {
  return apiRequest<Application>(`/challenges/${encodeURIComponent(challengeId)}/interest`, {
    method: 'POST',
  });
}

export function applyToChallenge(challengeId: string, message: string): Promise<Application> {
  return apiRequest<Application>(`/challenges/${encodeURIComponent(challengeId)}/applications`, {
    method: 'POST',
    body: { message },
  });
}

export function withdrawApplication(applicationId: string): Promise<Application> {
  return apiRequest<Application>(`/me/applications/${encodeURIComponent(applicationId)}/withdraw`, {
    method: 'POST',
  });
}

// --- The host -----------------------------------------------------------------------------------

export async function fetchChallengeApplications(
  challengeId: string,
  signal?: AbortSignal,
): Promise<Application[]> {
  const { items } = await apiRequest<{ items: Application[] }>(
    `/challenges/${encodeURIComponent(challengeId)}/applications`,
    { signal },
  );
  return items;
}

const hostPath = (challengeId: string, applicationId: string) =>
  `/challenges/${encodeURIComponent(challengeId)}/applications/${encodeURIComponent(applicationId)}`;

export function acceptApplication(
  challengeId: string,
  applicationId: string,
  comment: string,
): Promise<Application> {
  return apiRequest<Application>(`${hostPath(challengeId, applicationId)}/accept`, {
    method: 'POST',
    body: comment ? { comment } : {},
  });
}

export function declineApplication(
  challengeId: string,
  applicationId: string,
  reason: string,
): Promise<Application> {
  return apiRequest<Application>(`${hostPath(challengeId, applicationId)}/decline`, {
    method: 'POST',
    body: { reason },
  });
}

/** A worker's profile as the caller may see it (404 when the worker does not share it). */
export function fetchWorkerProfile(
  userId: string,
  signal?: AbortSignal,
): Promise<SharedProfileView> {
  return apiRequest<SharedProfileView>(`/workers/${encodeURIComponent(userId)}/profile`, {
    signal,
  });
}

// --- The employer -------------------------------------------------------------------------------

export async function fetchOrganizationApplications(
  organizationId: string,
  status: ApplicationStatus | null,
  signal?: AbortSignal,
): Promise<Application[]> {
  const { items } = await apiRequest<{ items: Application[] }>(
    `/organizations/${encodeURIComponent(organizationId)}/applications${statusQuery(status)}`,
    { signal },
  );
  return items;
}

const employerPath = (organizationId: string, applicationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/applications/${encodeURIComponent(applicationId)}`;

export function approveApplication(
  organizationId: string,
  applicationId: string,
  comment: string,
): Promise<Application> {
  return apiRequest<Application>(`${employerPath(organizationId, applicationId)}/approve`, {
    method: 'POST',
    body: comment ? { comment } : {},
  });
}

export function rejectApplication(
  organizationId: string,
  applicationId: string,
  reason: string,
): Promise<Application> {
  return apiRequest<Application>(`${employerPath(organizationId, applicationId)}/reject`, {
    method: 'POST',
    body: { reason },
  });
}

// --- Coordinators -------------------------------------------------------------------------------

export async function fetchOverdueApplications(
  signal?: AbortSignal,
): Promise<OverdueApplication[]> {
  const { items } = await apiRequest<{ items: OverdueApplication[] }>(
    '/coordinator/overdue-applications',
    { signal },
  );
  return items;
}

import type { Role } from '../../../domain/shared/organizations';
import type { Notification } from './notifications-api';

/**
 * Where a notification takes the person, by what it is about and the role they act in: a worker
 * to their applications, HR to the approvals, an officer to the challenge's applicants, a
 * coordinator to the overdue answers.
 */
export function notificationLink(n: Notification, role: Role | null): string {
  const challenge = `/regional-challenges/${encodeURIComponent(n.payload.challengeId)}`;
  switch (role) {
    case 'worker':
      return n.kind === 'round_match'
        ? `/challenges/${encodeURIComponent(n.payload.challengeId)}`
        : '/applications';
    case 'company_admin':
      if (n.kind === 'approval_requested') return '/application-approvals';
      return n.kind === 'application_matched'
        ? '/application-approvals?status=matched'
        : '/application-approvals?status=all';
    case 'municipal_officer':
      return challenge;
    case 'coordinator':
      return n.kind === 'host_response_overdue' ? '/overdue-applications' : '/rounds';
    default:
      return '/';
  }
}

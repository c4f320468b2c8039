import { describe, expect, it } from 'vitest';
import { notificationLink } from './notification-links';
import type { Notification } from './notifications-api';

const of = (kind: Notification['kind']): Notification => ({
  id: 1,
  kind,
  payload: {
    applicationId: 'a1',
    challengeId: 'c1',
    challengeTitle: '観光データの分析',
    hostName: '軽井沢町',
    workerName: '佐藤 健一',
  },
  createdAt: '2026-11-21T00:00:00.000Z',
  readAt: null,
});

describe('notificationLink', () => {
  it('takes a worker to their applications, or to a proposed challenge', () => {
    expect(notificationLink(of('application_matched'), 'worker')).toBe('/applications');
    expect(notificationLink(of('round_match'), 'worker')).toBe('/challenges/c1');
  });

  it('takes HR to the approvals waiting, or to the matches', () => {
    expect(notificationLink(of('approval_requested'), 'company_admin')).toBe(
      '/application-approvals',
    );
    expect(notificationLink(of('application_matched'), 'company_admin')).toBe(
      '/application-approvals?status=matched',
    );
  });

  it('takes an officer to the challenge’s applicants and a coordinator to overdue answers', () => {
    expect(notificationLink(of('application_received'), 'municipal_officer')).toBe(
      '/regional-challenges/c1',
    );
    expect(notificationLink(of('host_response_overdue'), 'coordinator')).toBe(
      '/overdue-applications',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { applicationTimeline } from './application-steps';
import type { ApplicationEvent } from './applications-api';

const event = (
  from: ApplicationEvent['from'],
  to: ApplicationEvent['to'],
  at: string,
  comment: string | null = null,
): ApplicationEvent => ({ from, to, at, actorName: '山田', comment });

const applied = event(null, 'applied', '2026-11-20T01:00:00.000Z');
const toEmployer = event('applied', 'employer_pending', '2026-11-20T01:00:00.000Z');

describe('applicationTimeline', () => {
  it('shows the steps taken, then the employer’s approval, the host’s review and the match ahead', () => {
    const steps = applicationTimeline({
      status: 'employer_pending',
      events: [applied, toEmployer],
    });
    expect(steps.map((s) => `${s.label}:${s.state}`)).toEqual([
      'applied:done',
      'employerPending:done',
      'hostReview:upcoming',
      'matched:upcoming',
    ]);
  });

  it('tells an approval apart from going straight to the host, and ends at the match', () => {
    const steps = applicationTimeline({
      status: 'matched',
      events: [
        event('employer_pending', 'host_review', '2026-11-21T01:00:00.000Z'),
        event('host_review', 'matched', '2026-11-22T01:00:00.000Z', 'ようこそ'),
        applied,
        toEmployer,
      ],
    });
    expect(steps.map((s) => s.label)).toEqual([
      'applied',
      'employerPending',
      'employerApproved',
      'matched',
    ]);
    expect(steps.every((s) => s.state === 'done')).toBe(true);
    expect(steps[3]?.comment).toBe('ようこそ');
  });

  it('says who declined, with nothing ahead', () => {
    const steps = applicationTimeline({
      status: 'declined',
      events: [applied, toEmployer, event('employer_pending', 'declined', '2026-11-21T00:00:00Z')],
    });
    expect(steps.at(-1)?.label).toBe('declinedByEmployer');
    expect(steps.filter((s) => s.state === 'upcoming')).toEqual([]);
  });

  it('shows the host the review an application is in when the steps before it are the employer’s', () => {
    const steps = applicationTimeline({ status: 'host_review', events: [applied] });
    expect(steps.map((s) => `${s.label}:${s.state}`)).toEqual([
      'applied:done',
      'hostReview:done',
      'matched:upcoming',
    ]);
    expect(steps[1]?.at).toBeNull();
  });

  it('keeps the host’s review in a decided application whose employer steps the host does not see', () => {
    const steps = applicationTimeline({
      status: 'matched',
      events: [applied, event('host_review', 'matched', '2026-11-22T01:00:00.000Z')],
    });
    expect(steps.map((s) => s.label)).toEqual(['applied', 'hostReview', 'matched']);
  });

  it('shows an interest with the application still ahead', () => {
    const steps = applicationTimeline({
      status: 'interested',
      events: [event(null, 'interested', '2026-11-18T00:00:00Z')],
    });
    expect(steps.map((s) => s.label)).toEqual(['interested', 'applied', 'hostReview', 'matched']);
  });
});

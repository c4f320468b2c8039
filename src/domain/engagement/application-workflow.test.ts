import { describe, expect, it } from 'vitest';
import type { ProgrammeForMatching } from '../matching/matching-model';
import {
  daysOverdue,
  decideApplication,
  decideApplicationReview,
  decideInterest,
  decideProposal,
  declinedByOf,
  hostDueAtMs,
  isApplicationVisibleToHost,
  isHostResponseOverdue,
  type ChallengeForApplication,
} from './application-workflow';

const open: ChallengeForApplication = {
  state: 'open',
  hoursPerMonth: 16,
  places: 2,
  filledPlaces: 0,
  openApplications: 3,
  maxOpenApplications: 20,
};
const programme: ProgrammeForMatching = {
  id: 'p',
  maxSharePercent: 20,
  contractedHoursPerMonth: 160,
  eligible: true,
  approvalRequired: true,
  committedHoursPerMonth: 0,
};

describe('interest', () => {
  it('records interest in an open challenge once', () => {
    expect(decideInterest(null, 'open')).toEqual({
      ok: true,
      steps: [{ from: null, to: 'interested' }],
      status: 'interested',
    });
    expect(decideInterest('interested', 'open')).toEqual({
      ok: true,
      steps: [],
      status: 'interested',
    });
  });

  it('refuses interest in a challenge that is not open or already applied to', () => {
    expect(decideInterest(null, 'closed')).toMatchObject({
      ok: false,
      problem: 'challenge_not_open',
    });
    expect(decideInterest('host_review', 'open')).toMatchObject({
      ok: false,
      problem: 'already_applied',
    });
  });
});

describe('applying', () => {
  it('sends an application straight to the host when no programme governs it', () => {
    expect(decideApplication(null, open, null)).toEqual({
      ok: true,
      status: 'host_review',
      steps: [
        { from: null, to: 'applied' },
        { from: 'applied', to: 'host_review' },
      ],
    });
  });

  it('sends it to the employer first when the programme requires approval', () => {
    expect(decideApplication('interested', open, programme)).toEqual({
      ok: true,
      status: 'employer_pending',
      steps: [
        { from: 'interested', to: 'applied' },
        { from: 'applied', to: 'employer_pending' },
      ],
    });
    expect(decideApplication(null, open, { ...programme, approvalRequired: false })).toMatchObject({
      ok: true,
      status: 'host_review',
    });
  });

  it('refuses when the challenge is closed, full or already applied to', () => {
    expect(decideApplication(null, { ...open, state: 'draft' }, null)).toMatchObject({
      problem: 'challenge_not_open',
    });
    expect(decideApplication(null, { ...open, filledPlaces: 2 }, null)).toMatchObject({
      problem: 'places_filled',
    });
    expect(decideApplication(null, { ...open, openApplications: 20 }, null)).toEqual({
      ok: false,
      problem: 'applications_full',
      reason:
        'the challenge already has 20 open applications (its limit is 20); try again when the host has answered some',
    });
    expect(decideApplication('employer_pending', open, null)).toMatchObject({
      problem: 'already_applied',
    });
  });

  it('rejects a challenge whose hours exceed the programme cap', () => {
    expect(
      decideApplication(
        null,
        { ...open, hoursPerMonth: 20 },
        {
          ...programme,
          committedHoursPerMonth: 16,
        },
      ),
    ).toMatchObject({ ok: false, problem: 'over_programme_share' });
  });

  it('refuses a worker no longer eligible for their programme', () => {
    expect(decideApplication(null, open, { ...programme, eligible: false })).toMatchObject({
      ok: false,
      problem: 'not_eligible',
    });
  });
});

describe('reviews', () => {
  const room = { state: 'open' as const, places: 1, filledPlaces: 0 };

  it('moves an approved application to the host and a rejected one to declined', () => {
    expect(decideApplicationReview('employer_pending', 'employer_approve', room)).toEqual({
      ok: true,
      status: 'host_review',
      steps: [{ from: 'employer_pending', to: 'host_review' }],
    });
    expect(decideApplicationReview('employer_pending', 'employer_reject', room)).toMatchObject({
      status: 'declined',
    });
  });

  it('matches an accepted application while a place is free', () => {
    expect(decideApplicationReview('host_review', 'host_accept', room)).toMatchObject({
      ok: true,
      status: 'matched',
    });
    expect(
      decideApplicationReview('host_review', 'host_accept', { ...room, filledPlaces: 1 }),
    ).toMatchObject({ ok: false, problem: 'places_filled' });
    expect(decideApplicationReview('host_review', 'host_decline', room)).toMatchObject({
      status: 'declined',
    });
  });

  it('answers applications of a closed challenge, but moves nothing forward once archived', () => {
    expect(
      decideApplicationReview('host_review', 'host_accept', { ...room, state: 'closed' }),
    ).toMatchObject({ ok: true, status: 'matched' });
    const archived = { ...room, state: 'archived' as const };
    expect(decideApplicationReview('host_review', 'host_accept', archived)).toEqual({
      ok: false,
      problem: 'challenge_not_open',
      reason: 'the challenge is archived',
    });
    expect(decideApplicationReview('employer_pending', 'employer_approve', archived).ok).toBe(
      false,
    );
    expect(decideApplicationReview('host_review', 'host_decline', archived).ok).toBe(true);
    expect(decideApplicationReview('host_review', 'withdraw', archived).ok).toBe(true);
  });

  it('lets the host act only on what reached their review', () => {
    expect(decideApplicationReview('employer_pending', 'host_accept', room)).toEqual({
      ok: false,
      problem: 'wrong_status',
      reason: 'the application is employer pending; only one in host review can be accepted',
    });
    expect(decideApplicationReview('interested', 'host_decline', room).ok).toBe(false);
  });

  it('lets the worker withdraw until matched, not after', () => {
    const live = ['interested', 'proposed', 'applied', 'employer_pending', 'host_review'] as const;
    for (const status of live) {
      expect(decideApplicationReview(status, 'withdraw', room)).toMatchObject({
        status: 'withdrawn',
      });
    }
    for (const status of ['matched', 'declined', 'withdrawn'] as const) {
      expect(decideApplicationReview(status, 'withdraw', room).ok).toBe(false);
    }
  });

  it('names who declined from the status the application was in', () => {
    expect(declinedByOf('employer_pending')).toBe('employer');
    expect(declinedByOf('host_review')).toBe('host');
    expect(declinedByOf('applied')).toBeNull();
  });
});

describe('the host’s answer time', () => {
  const reached = Date.parse('2026-11-21T01:00:00Z');

  it('falls due the set number of days after the application reached the host', () => {
    expect(hostDueAtMs(reached, 7)).toBe(Date.parse('2026-11-28T01:00:00Z'));
  });

  it('is overdue only while the application still waits for the host', () => {
    const due = hostDueAtMs(reached, 7);
    const later = Date.parse('2026-11-30T02:00:00Z');
    expect(isHostResponseOverdue('host_review', due, later)).toBe(true);
    expect(isHostResponseOverdue('host_review', due, due)).toBe(false);
    expect(isHostResponseOverdue('matched', due, later)).toBe(false);
    expect(isHostResponseOverdue('host_review', null, later)).toBe(false);
    expect(daysOverdue(due, later)).toBe(2);
  });
});

describe('what the host sees', () => {
  it('shows interest and whatever reached the host, never the employer’s stage', () => {
    expect(isApplicationVisibleToHost('interested', false)).toBe(true);
    expect(isApplicationVisibleToHost('proposed', false)).toBe(true);
    expect(isApplicationVisibleToHost('employer_pending', false)).toBe(false);
    expect(isApplicationVisibleToHost('declined', false)).toBe(false);
    expect(isApplicationVisibleToHost('declined', true)).toBe(true);
    expect(isApplicationVisibleToHost('withdrawn', true)).toBe(true);
  });
});

describe('a matching round’s proposal', () => {
  it('proposes a challenge to a worker, or moves their interest on to a proposal', () => {
    expect(decideProposal(null, 'open')).toEqual({
      ok: true,
      status: 'proposed',
      steps: [{ from: null, to: 'proposed' }],
    });
    expect(decideProposal('interested', 'open')).toEqual({
      ok: true,
      status: 'proposed',
      steps: [{ from: 'interested', to: 'proposed' }],
    });
    expect(decideProposal('proposed', 'open')).toEqual({ ok: true, status: 'proposed', steps: [] });
  });

  it('leaves a pair that is already under way alone, and needs the challenge open', () => {
    for (const status of ['applied', 'employer_pending', 'host_review', 'matched'] as const) {
      expect(decideProposal(status, 'open')).toMatchObject({
        ok: false,
        problem: 'already_applied',
      });
    }
    expect(decideProposal(null, 'closed')).toEqual({
      ok: false,
      problem: 'challenge_not_open',
      reason: 'the challenge is closed, not open',
    });
  });

  it('lets the worker apply from a proposal, with the same checks as any application', () => {
    expect(decideApplication('proposed', open, programme)).toEqual({
      ok: true,
      status: 'employer_pending',
      steps: [
        { from: 'proposed', to: 'applied' },
        { from: 'applied', to: 'employer_pending' },
      ],
    });
    expect(decideApplication('proposed', { ...open, hoursPerMonth: 40 }, programme)).toMatchObject({
      ok: false,
      problem: 'over_programme_share',
    });
  });

  it('keeps interest from replacing a proposal, and the host from answering one', () => {
    expect(decideInterest('proposed', 'open')).toMatchObject({
      ok: false,
      problem: 'already_applied',
    });
    const room = { state: 'open' as const, places: 1, filledPlaces: 0 };
    expect(decideApplicationReview('proposed', 'host_accept', room).ok).toBe(false);
    expect(decideApplicationReview('proposed', 'employer_approve', room).ok).toBe(false);
  });
});

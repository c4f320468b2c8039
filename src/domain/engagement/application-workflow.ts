/**
 * A worker's application to a regional challenge (issue 3): interest → application → the
 * employer's approval where the worker's programme asks for it → the host's review → matched,
 * declined or withdrawn. A published matching round puts a pair one step past interest, at
 * `proposed`: the coordinators suggest the challenge, the worker applies or says no (withdraws).
 * Pure rules: the API asks them, then writes the new status and one event per step in the same
 * transaction.
 */
import type { ChallengeState, ProgrammeForMatching } from '../matching/matching-model';
import { checkEngagementAgainstProgramme } from './programme-rules';

export const applicationStatuses = [
  'interested',
  'proposed',
  'applied',
  'employer_pending',
  'host_review',
  'matched',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Applications waiting for someone (they count against a challenge's open-applications cap). */
export const openApplicationStatuses: readonly ApplicationStatus[] = [
  'applied',
  'employer_pending',
  'host_review',
];

/**
 * Where a worker may apply from: nothing yet, their own interest, or a matching round's proposal.
 * Neither of the two counts against the open-applications cap: nobody waits on them yet.
 */
const beforeApplying: readonly (ApplicationStatus | null)[] = [null, 'interested', 'proposed'];

/** Ended applications; a worker may start again on the same challenge after one of these. */
export const endedApplicationStatuses: readonly ApplicationStatus[] = ['declined', 'withdrawn'];

export type ApplicationStep = { from: ApplicationStatus | null; to: ApplicationStatus };

/** The challenge as an application needs it. */
export type ChallengeForApplication = {
  state: ChallengeState;
  hoursPerMonth: number;
  places: number;
  filledPlaces: number;
  openApplications: number;
  maxOpenApplications: number;
};

export type ApplicationProblem =
  | 'challenge_not_open'
  | 'already_applied'
  | 'places_filled'
  | 'applications_full'
  | 'not_eligible'
  | 'over_programme_share'
  | 'wrong_status';

export type ApplicationDecision =
  | { ok: true; steps: ApplicationStep[]; status: ApplicationStatus }
  | { ok: false; problem: ApplicationProblem; reason: string };

const refuse = (problem: ApplicationProblem, reason: string): ApplicationDecision => ({
  ok: false,
  problem,
  reason,
});

/**
 * A worker marks an open challenge as interesting (気になる): a first, non-binding step the
 * host sees. Repeating it changes nothing (no steps); any later status is already more.
 * @example decideInterest(null, 'open') // → { ok: true, steps: [{ from: null, to: 'interested' }], status: 'interested' }
 */
export function decideInterest(
  current: ApplicationStatus | null,
  challengeState: ChallengeState,
): ApplicationDecision {
  if (challengeState !== 'open') {
    return refuse('challenge_not_open', `the challenge is ${challengeState}, not open`);
  }
  if (current === 'interested') return { ok: true, steps: [], status: 'interested' };
  if (current !== null) {
    return refuse('already_applied', `you already have an application here (${current})`);
  }
  return { ok: true, steps: [{ from: null, to: 'interested' }], status: 'interested' };
}

/**
 * A worker applies with a message. The challenge must be open, with a place left and its
 * open-applications cap not reached. A worker in a double-work (or second-career) programme must
 * be eligible and stay within the programme's share of hours; the application then goes to the
 * employer if the programme asks for approval, otherwise straight to the host. `applied` is
 * recorded as its own step, so the history reads as the flow.
 *
 * @example
 * decideApplication(null, { state: 'open', hoursPerMonth: 16, places: 2, filledPlaces: 0,
 *   openApplications: 3, maxOpenApplications: 20 }, null)
 * // → { ok: true, status: 'host_review',
 * //     steps: [{ from: null, to: 'applied' }, { from: 'applied', to: 'host_review' }] }
 */
export function decideApplication(
  current: ApplicationStatus | null,
  challenge: ChallengeForApplication,
  programme: ProgrammeForMatching | null,
): ApplicationDecision {
  if (challenge.state !== 'open') {
    return refuse('challenge_not_open', `the challenge is ${challenge.state}, not open`);
  }
  if (!beforeApplying.includes(current)) {
    return refuse('already_applied', `you already have an application here (${current})`);
  }
  if (challenge.filledPlaces >= challenge.places) {
    return refuse('places_filled', `all ${challenge.places} places are filled`);
  }
  if (challenge.openApplications >= challenge.maxOpenApplications) {
    return refuse(
      'applications_full',
      `the challenge already has ${challenge.openApplications} open applications (its limit is ${challenge.maxOpenApplications}); try again when the host has answered some`,
    );
  }
  let approvalRequired = false;
  if (programme !== null) {
    const check = checkEngagementAgainstProgramme(programme, challenge.hoursPerMonth);
    if (!check.ok) return refuse(check.problem, check.reason);
    approvalRequired = check.approvalRequired;
  }
  const next: ApplicationStatus = approvalRequired ? 'employer_pending' : 'host_review';
  return {
    ok: true,
    status: next,
    steps: [
      { from: current, to: 'applied' },
      { from: 'applied', to: next },
    ],
  };
}

/**
 * A published matching round proposes a challenge to a worker: a new application at `proposed`,
 * or the worker's interest moved on to it. A proposal already there stays as it is (no steps);
 * anything further along (applied, in review, matched) is left alone — the pair is already under
 * way — and a proposal needs the challenge open.
 *
 * @example
 * decideProposal('interested', 'open')
 * // → { ok: true, status: 'proposed', steps: [{ from: 'interested', to: 'proposed' }] }
 */
export function decideProposal(
  current: ApplicationStatus | null,
  challengeState: ChallengeState,
): ApplicationDecision {
  if (challengeState !== 'open') {
    return refuse('challenge_not_open', `the challenge is ${challengeState}, not open`);
  }
  if (current === 'proposed') return { ok: true, steps: [], status: 'proposed' };
  if (current !== null && current !== 'interested') {
    return refuse('already_applied', `the worker already has an application here (${current})`);
  }
  return { ok: true, steps: [{ from: current, to: 'proposed' }], status: 'proposed' };
}

export type ApplicationReview =
  'employer_approve' | 'employer_reject' | 'host_accept' | 'host_decline' | 'withdraw';

const reviewRules: Readonly<
  Record<ApplicationReview, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>
> = {
  employer_approve: { from: ['employer_pending'], to: 'host_review' },
  employer_reject: { from: ['employer_pending'], to: 'declined' },
  host_accept: { from: ['host_review'], to: 'matched' },
  host_decline: { from: ['host_review'], to: 'declined' },
  // After a match, ending the engagement is a different matter (the agreement), not a withdrawal.
  // Withdrawing a proposal is the worker saying no to the round's suggestion.
  withdraw: {
    from: ['interested', 'proposed', 'applied', 'employer_pending', 'host_review'],
    to: 'withdrawn',
  },
};

/**
 * What a review step does to an application in `status`. A host accepting needs a free place
 * (`places`, `filledPlaces` of the challenge). Closing a challenge stops new applications but
 * lets the ones under way be answered; an archived challenge is over, so nothing moves forward.
 *
 * @example
 * decideApplicationReview('employer_pending', 'host_accept', { state: 'open', places: 1, filledPlaces: 0 })
 * // → { ok: false, problem: 'wrong_status', reason: 'the application is employer pending; only one in host review can be accepted' }
 */
export function decideApplicationReview(
  status: ApplicationStatus,
  action: ApplicationReview,
  challenge: { state: ChallengeState; places: number; filledPlaces: number },
): ApplicationDecision {
  const rule = reviewRules[action];
  if (!rule.from.includes(status)) {
    const from = rule.from.map((s) => s.replace('_', ' ')).join(', ');
    return refuse(
      'wrong_status',
      `the application is ${status.replace('_', ' ')}; only one in ${from} can be ${reviewVerbs[action]}`,
    );
  }
  if (
    challenge.state === 'archived' &&
    (action === 'employer_approve' || action === 'host_accept')
  ) {
    return refuse('challenge_not_open', 'the challenge is archived');
  }
  if (action === 'host_accept' && challenge.filledPlaces >= challenge.places) {
    return refuse('places_filled', `all ${challenge.places} places are already filled`);
  }
  return { ok: true, status: rule.to, steps: [{ from: status, to: rule.to }] };
}

const reviewVerbs: Readonly<Record<ApplicationReview, string>> = {
  employer_approve: 'approved',
  employer_reject: 'rejected',
  host_accept: 'accepted',
  host_decline: 'declined',
  withdraw: 'withdrawn',
};

const MS_PER_DAY = 86_400_000;

/**
 * When the host must have answered: `responseDays` full days after the application reached
 * their review.
 * @example hostDueAtMs(Date.parse('2026-11-21T01:00:00Z'), 7) === Date.parse('2026-11-28T01:00:00Z') // → true
 */
export function hostDueAtMs(reachedHostAtMs: number, responseDays: number): number {
  return reachedHostAtMs + responseDays * MS_PER_DAY;
}

/** Whether the host has let an application wait past its due time (the coordinator is alerted). */
export function isHostResponseOverdue(
  status: ApplicationStatus,
  hostDueAt: number | null,
  nowMs: number,
): boolean {
  return status === 'host_review' && hostDueAt !== null && hostDueAt < nowMs;
}

/** Whole days an overdue application has waited past its due time (0 on the day it falls due). */
export function daysOverdue(hostDueAt: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - hostDueAt) / MS_PER_DAY));
}

/**
 * What the host sees before an application reaches its review: a worker's interest (meant for
 * the host) and a matching round's proposal (the host was told of it).
 */
export const hostVisibleEarlyStatuses: readonly ApplicationStatus[] = ['interested', 'proposed'];

/**
 * Whether the host sees an application: interest and proposals, and an application once it has
 * reached the host's review. What happens between the worker and the employer before that
 * (waiting for approval, a refusal) stays between them.
 */
export function isApplicationVisibleToHost(
  status: ApplicationStatus,
  reachedHost: boolean,
): boolean {
  return hostVisibleEarlyStatuses.includes(status) || reachedHost;
}

/** Who turned an application down, from the status it was declined in. */
export function declinedByOf(from: ApplicationStatus): 'employer' | 'host' | null {
  if (from === 'employer_pending') return 'employer';
  if (from === 'host_review') return 'host';
  return null;
}

/**
 * The life of a regional challenge (issue 3): a host's officer drafts it, opens it to workers,
 * closes it when enough people have come forward and archives it when it is done. Pure rules;
 * the API asks them before writing and records each change as a challenge event.
 */
import type { ChallengeState } from '../matching/matching-model';

export const challengeActions = ['open', 'close', 'archive'] as const;
export type ChallengeAction = (typeof challengeActions)[number];

/** Who is acting: an officer of the host organisation, or a coordinator of the association. */
export type ChallengeActorRole = 'host' | 'coordinator';

export type ChallengeDecision =
  | { ok: true; state: ChallengeState }
  | { ok: false; problem: 'not_permitted' | 'wrong_state'; reason: string };

const transitions: Readonly<
  Record<
    ChallengeAction,
    { from: readonly ChallengeState[]; to: ChallengeState; by: readonly ChallengeActorRole[] }
  >
> = {
  // A closed challenge may be opened again (closed too early, a place fell free).
  open: { from: ['draft', 'closed'], to: 'open', by: ['host'] },
  // Coordinators may close any challenge (a stale or inappropriate posting).
  close: { from: ['open'], to: 'closed', by: ['host', 'coordinator'] },
  // An abandoned draft is archived directly; an open one is closed first.
  archive: { from: ['draft', 'closed'], to: 'archived', by: ['host'] },
};

/**
 * What `action` by `by` does to a challenge in `state`.
 *
 * - open: a draft or a closed challenge, by the host;
 * - close: an open challenge, by the host or a coordinator;
 * - archive: a draft or a closed challenge, by the host. Archived is final.
 *
 * @example
 * decideChallengeTransition('draft', 'close', 'host')
 * // → { ok: false, problem: 'wrong_state', reason: 'the challenge is draft; only an open challenge can be closed' }
 */
export function decideChallengeTransition(
  state: ChallengeState,
  action: ChallengeAction,
  by: ChallengeActorRole,
): ChallengeDecision {
  const rule = transitions[action];
  if (!rule.by.includes(by)) {
    return {
      ok: false,
      problem: 'not_permitted',
      reason: `only the host's officers can ${action} a challenge`,
    };
  }
  if (!rule.from.includes(state)) {
    const from = rule.from.map((s) => (s === 'open' ? 'an open' : `a ${s}`)).join(' or ');
    const done = action === 'open' ? 'opened' : action === 'close' ? 'closed' : 'archived';
    return {
      ok: false,
      problem: 'wrong_state',
      reason: `the challenge is ${state}; only ${from} challenge can be ${done}`,
    };
  }
  return { ok: true, state: rule.to };
}

/**
 * Whether the host may still change what a challenge says: while it is a draft or open (people
 * who already applied see the current text); a closed or archived challenge is a record.
 */
export function isChallengeEditable(state: ChallengeState): boolean {
  return state === 'draft' || state === 'open';
}

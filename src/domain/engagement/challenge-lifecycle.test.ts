import { describe, expect, it } from 'vitest';
import { decideChallengeTransition, isChallengeEditable } from './challenge-lifecycle';

describe('challenge lifecycle', () => {
  it('lets the host open a draft, close it, and archive it', () => {
    expect(decideChallengeTransition('draft', 'open', 'host')).toEqual({ ok: true, state: 'open' });
    expect(decideChallengeTransition('open', 'close', 'host')).toEqual({
      ok: true,
      state: 'closed',
    });
    expect(decideChallengeTransition('closed', 'archive', 'host')).toEqual({
      ok: true,
      state: 'archived',
    });
  });

  it('reopens a closed challenge and archives an abandoned draft', () => {
    expect(decideChallengeTransition('closed', 'open', 'host')).toEqual({
      ok: true,
      state: 'open',
    });
    expect(decideChallengeTransition('draft', 'archive', 'host')).toEqual({
      ok: true,
      state: 'archived',
    });
  });

  it('lets a coordinator close an open challenge but do nothing else', () => {
    expect(decideChallengeTransition('open', 'close', 'coordinator')).toEqual({
      ok: true,
      state: 'closed',
    });
    for (const action of ['open', 'archive'] as const) {
      expect(decideChallengeTransition('draft', action, 'coordinator')).toMatchObject({
        ok: false,
        problem: 'not_permitted',
      });
    }
  });

  it('refuses a transition from the wrong state, naming the states it needs', () => {
    expect(decideChallengeTransition('draft', 'close', 'host')).toEqual({
      ok: false,
      problem: 'wrong_state',
      reason: 'the challenge is draft; only an open challenge can be closed',
    });
    expect(decideChallengeTransition('open', 'archive', 'host')).toEqual({
      ok: false,
      problem: 'wrong_state',
      reason: 'the challenge is open; only a draft or a closed challenge can be archived',
    });
    expect(decideChallengeTransition('open', 'open', 'host')).toMatchObject({ ok: false });
  });

  it('keeps an archived challenge archived', () => {
    for (const action of ['open', 'close', 'archive'] as const) {
      expect(decideChallengeTransition('archived', action, 'host').ok).toBe(false);
    }
  });

  it('allows editing only drafts and open challenges', () => {
    expect(isChallengeEditable('draft')).toBe(true);
    expect(isChallengeEditable('open')).toBe(true);
    expect(isChallengeEditable('closed')).toBe(false);
    expect(isChallengeEditable('archived')).toBe(false);
  });
});

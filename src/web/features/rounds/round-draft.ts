import type { ApiErrorDetail } from '../../lib/api-client';
import type { RoundAssignment, RoundEntry } from './rounds-api';

/**
 * A round's proposal as a coordinator edits it: the pairs kept, removed and added, sent back as
 * the whole list, and the server's problems (`body.assignments[3]…`) put back on the pair they
 * name.
 */

export type DraftPair = {
  workerId: string;
  workerName: string;
  challengeId: string;
  challengeTitle: string;
  hostName: string;
  /** From the proposal; a pair added here is scored by the server when saved. */
  score: number | null;
  summary: string | null;
  added: boolean;
};

export const pairKey = (p: RoundEntry) => `${p.workerId}|${p.challengeId}`;

export function draftFrom(assignments: readonly RoundAssignment[]): DraftPair[] {
  return assignments.map((a) => ({
    workerId: a.worker.userId,
    workerName: a.worker.name,
    challengeId: a.challenge.id,
    challengeTitle: a.challenge.title,
    hostName: a.challenge.hostName,
    score: a.score,
    summary: a.summary,
    added: false,
  }));
}

/** Adds a pair unless it is already there (then the list is returned unchanged). */
export function addPair(draft: readonly DraftPair[], pair: DraftPair): DraftPair[] {
  return draft.some((p) => pairKey(p) === pairKey(pair)) ? [...draft] : [...draft, pair];
}

export function removePair(draft: readonly DraftPair[], key: string): DraftPair[] {
  return draft.filter((p) => pairKey(p) !== key);
}

export function entriesOf(draft: readonly DraftPair[]): RoundEntry[] {
  return draft.map((p) => ({ workerId: p.workerId, challengeId: p.challengeId }));
}

/**
 * The server's messages by pair: a detail `body.assignments[i]` or `body.assignments[i].workerId`
 * belongs to the i-th pair sent. Messages naming no pair are returned under `general`.
 */
export function problemsByPair(
  sent: readonly DraftPair[],
  details: readonly ApiErrorDetail[],
): { byPair: Map<string, string[]>; general: string[] } {
  const byPair = new Map<string, string[]>();
  const general: string[] = [];
  for (const d of details) {
    const match = /^body\.assignments\[(\d+)\]/.exec(d.path);
    const pair = match ? sent[Number(match[1])] : undefined;
    if (!pair) {
      general.push(namesFor(d.message, sent));
      continue;
    }
    const key = pairKey(pair);
    byPair.set(key, [...(byPair.get(key) ?? []), namesFor(d.message, sent)]);
  }
  return { byPair, general };
}

/** The server names workers and challenges by id; the coordinator knows them by name. */
function namesFor(message: string, pairs: readonly DraftPair[]): string {
  const names = new Map<string, string>();
  for (const p of pairs) {
    names.set(p.workerId, p.workerName);
    names.set(p.challengeId, `「${p.challengeTitle}」`);
  }
  if (names.size === 0) return message;
  // One pass over the message, so a name is never itself rewritten.
  const escaped = [...names.keys()]
    .sort((a, b) => b.length - a.length)
    .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return message.replace(new RegExp(escaped.join('|'), 'g'), (id) => names.get(id) ?? id);
}

/** Pairs per worker in the draft, for "k" at a glance. */
export function pairsPerWorker(draft: readonly DraftPair[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of draft) counts.set(p.workerId, (counts.get(p.workerId) ?? 0) + 1);
  return counts;
}

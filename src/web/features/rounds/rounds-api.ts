import type { z } from 'zod';
import type { roundCreateRequest, roundListResponse, RoundView } from '../../../contracts/rounds';
import type { Language } from '../../i18n/language';
import { apiRequest } from '../../lib/api-client';
import { searchChallenges, type Challenge } from '../challenges/challenges-api';

export type Round = RoundView;
export type RoundSummary = z.infer<typeof roundListResponse>['items'][number];
export type RoundAssignment = Round['assignments'][number];
export type RoundCreateRequest = z.input<typeof roundCreateRequest>;
export type RoundEntry = { workerId: string; challengeId: string };

export const roundKeys = {
  all: ['rounds'] as const,
  list: ['rounds', 'list'] as const,
  detail: (id: string, language: Language) => ['rounds', 'detail', id, language] as const,
  openChallenges: ['rounds', 'open-challenges'] as const,
};

export async function fetchRounds(signal?: AbortSignal): Promise<RoundSummary[]> {
  const { items } = await apiRequest<{ items: RoundSummary[] }>('/rounds', { signal });
  return items;
}

export function fetchRound(id: string, language: Language, signal?: AbortSignal): Promise<Round> {
  return apiRequest<Round>(`/rounds/${encodeURIComponent(id)}?locale=${language}`, { signal });
}

export function createRound(body: RoundCreateRequest, language: Language): Promise<Round> {
  return apiRequest<Round>(`/rounds?locale=${language}`, { method: 'POST', body });
}

export function saveRoundAssignments(
  id: string,
  assignments: RoundEntry[],
  language: Language,
): Promise<Round> {
  return apiRequest<Round>(`/rounds/${encodeURIComponent(id)}/assignments?locale=${language}`, {
    method: 'PUT',
    body: { assignments },
  });
}

export function publishRound(id: string, language: Language): Promise<Round> {
  return apiRequest<Round>(`/rounds/${encodeURIComponent(id)}/publish?locale=${language}`, {
    method: 'POST',
  });
}

/** Every open challenge (a coordinator sees all of them), page by page. */
export async function fetchAllOpenChallenges(signal?: AbortSignal): Promise<Challenge[]> {
  const all: Challenge[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await searchChallenges({ state: 'open', limit: 100, offset }, signal);
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}

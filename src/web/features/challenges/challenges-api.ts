import type { z } from 'zod';
import type {
  ChallengeDetailView,
  challengeInput,
  challengeListResponse,
  challengeSearchQuery,
  ChallengeView,
} from '../../../contracts/matching';
import { apiRequest } from '../../lib/api-client';

export type Challenge = ChallengeView;
export type ChallengeDetail = ChallengeDetailView;
export type ChallengeEvent = ChallengeDetail['events'][number];
/** The request as sent: optional fields may be left out (the server fills its defaults). */
export type ChallengeInput = z.input<typeof challengeInput>;
export type ChallengeList = z.infer<typeof challengeListResponse>;

/** GET /challenges parameters, as the contract reads them; an absent one does not filter. */
export type ChallengeFilter = Partial<z.infer<typeof challengeSearchQuery>>;

export const challengeKeys = {
  all: ['challenges'] as const,
  search: (filter: ChallengeFilter) => ['challenges', 'search', filter] as const,
  detail: (id: string) => ['challenges', 'detail', id] as const,
};

/** The filter as a query string, in a fixed order so equal filters give equal URLs. */
export function challengeQueryString(filter: ChallengeFilter): string {
  const search = new URLSearchParams();
  const keys: (keyof ChallengeFilter)[] = [
    'q',
    'prefecture',
    'organizationId',
    'theme',
    'skill',
    'style',
    'minHours',
    'maxHours',
    'terms',
    'state',
    'limit',
    'offset',
  ];
  for (const key of keys) {
    const value = filter[key];
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  return search.size > 0 ? `?${search.toString()}` : '';
}

export function searchChallenges(
  filter: ChallengeFilter,
  signal?: AbortSignal,
): Promise<ChallengeList> {
  return apiRequest<ChallengeList>(`/challenges${challengeQueryString(filter)}`, { signal });
}

const challengePath = (id: string) => `/challenges/${encodeURIComponent(id)}`;

export function fetchChallenge(id: string, signal?: AbortSignal): Promise<ChallengeDetail> {
  return apiRequest<ChallengeDetail>(challengePath(id), { signal });
}

export function createChallenge(
  organizationId: string,
  body: ChallengeInput,
): Promise<ChallengeDetail> {
  return apiRequest<ChallengeDetail>(
    `/organizations/${encodeURIComponent(organizationId)}/challenges`,
    { method: 'POST', body },
  );
}

export function updateChallenge(id: string, body: ChallengeInput): Promise<ChallengeDetail> {
  return apiRequest<ChallengeDetail>(challengePath(id), { method: 'PUT', body });
}

export type ChallengeAction = 'open' | 'close' | 'archive';

export function transitionChallenge(id: string, action: ChallengeAction): Promise<ChallengeDetail> {
  return apiRequest<ChallengeDetail>(`${challengePath(id)}/${action}`, { method: 'POST' });
}

import type { z } from 'zod';
import type {
  challengeRecommendationsResponse,
  FactorView,
  FilteredOutView,
  workerRecommendationsResponse,
} from '../../../contracts/recommendations';
import type { Language } from '../../i18n/language';
import { apiRequest } from '../../lib/api-client';

export type WorkerRecommendations = z.infer<typeof workerRecommendationsResponse>;
export type ChallengeRecommendation = WorkerRecommendations['items'][number];
export type RecommendedWorkers = z.infer<typeof challengeRecommendationsResponse>;
export type RecommendedWorker = RecommendedWorkers['items'][number];
export type Factor = FactorView;
export type FilteredOut = FilteredOutView;

export const recommendationKeys = {
  all: ['recommendations'] as const,
  mine: (language: Language) => ['recommendations', 'mine', language] as const,
  forChallenge: (challengeId: string, language: Language) =>
    ['recommendations', 'challenge', challengeId, language] as const,
};

/** The open challenges that suit the caller best, with reasons in `language`. */
export function fetchMyRecommendations(
  language: Language,
  signal?: AbortSignal,
): Promise<WorkerRecommendations> {
  return apiRequest<WorkerRecommendations>(`/me/recommendations?limit=20&locale=${language}`, {
    signal,
  });
}

/** Workers open to offers who suit a challenge, as they share themselves with hosts. */
export function fetchRecommendedWorkers(
  challengeId: string,
  language: Language,
  signal?: AbortSignal,
): Promise<RecommendedWorkers> {
  return apiRequest<RecommendedWorkers>(
    `/challenges/${encodeURIComponent(challengeId)}/recommended-workers?limit=20&locale=${language}`,
    { signal },
  );
}

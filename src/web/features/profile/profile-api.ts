import type { z } from 'zod';
import type { OwnProfileView, workerProfileInput } from '../../../contracts/matching';
import { apiRequest } from '../../lib/api-client';

export type OwnProfile = OwnProfileView;
export type ProfileInput = z.input<typeof workerProfileInput>;

export const profileKeys = { mine: ['profile', 'mine'] as const };

export function fetchMyProfile(signal?: AbortSignal): Promise<OwnProfile> {
  return apiRequest<OwnProfile>('/me/profile', { signal });
}

export function saveMyProfile(body: ProfileInput): Promise<OwnProfile> {
  return apiRequest<OwnProfile>('/me/profile', { method: 'PUT', body });
}

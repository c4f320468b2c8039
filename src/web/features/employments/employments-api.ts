import type { z } from 'zod';
import type { createEmploymentRequest, EmploymentView } from '../../../contracts/labor';
import { apiRequest } from '../../lib/api-client';

export type Employment = EmploymentView;
/** The request as sent: the 36 agreement may be left out (the server assumes the legal limits). */
export type CreateEmploymentRequest = z.input<typeof createEmploymentRequest>;

export const employmentKeys = {
  mine: ['employments', 'mine'] as const,
};

export async function fetchMyEmployments(signal?: AbortSignal): Promise<Employment[]> {
  const { items } = await apiRequest<{ items: Employment[] }>('/me/employments', { signal });
  return items;
}

export function declareEmployment(body: CreateEmploymentRequest): Promise<Employment> {
  return apiRequest<Employment>('/me/employments', { method: 'POST', body });
}

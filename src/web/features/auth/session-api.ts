import type { LoginRequest, MeResponse } from '../../../contracts/auth';
import type { Language } from '../../i18n/language';
import { apiRequest, isApiError } from '../../lib/api-client';

/** The signed-in person, or null when nobody is: a 401 here is an answer, not a failure. */
export const sessionQueryKey = ['session'] as const;

export async function fetchSession(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await apiRequest<MeResponse>('/auth/me', { signal });
  } catch (err) {
    if (isApiError(err, 401)) return null;
    throw err;
  }
}

export function logIn(credentials: LoginRequest): Promise<MeResponse> {
  return apiRequest<MeResponse>('/auth/login', { method: 'POST', body: credentials });
}

export function logOut(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST' });
}

export function saveAccountLanguage(locale: Language): Promise<MeResponse> {
  return apiRequest<MeResponse>('/auth/me', { method: 'PATCH', body: { locale } });
}

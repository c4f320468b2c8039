import { ApiError } from './api-client';

/** What went wrong, as the person needs to hear it; each kind has a message in the catalogs. */
export type ApiErrorKind =
  | 'network'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'validation'
  | 'rateLimited'
  | 'server'
  | 'unknown';

/**
 * Sorts an error from a call by its API code (falling back to the HTTP status), so the UI can
 * say it in the reader's language rather than echo the server's English message.
 */
export function apiErrorKind(error: unknown): ApiErrorKind {
  if (!(error instanceof ApiError)) return 'unknown';
  switch (error.code) {
    case 'network':
      return 'network';
    case 'unauthenticated':
      return 'unauthenticated';
    case 'forbidden':
    case 'csrf_failed':
      return 'forbidden';
    case 'not_found':
      return 'notFound';
    case 'conflict':
      return 'conflict';
    case 'validation_failed':
    case 'bad_request':
      return 'validation';
    case 'rate_limited':
      return 'rateLimited';
  }
  if (error.status === 429) return 'rateLimited';
  if (error.status >= 500) return 'server';
  return 'unknown';
}

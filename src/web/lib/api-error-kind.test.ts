import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { apiErrorKind } from './api-error-kind';
import { shouldRetry } from './query-client';

describe('apiErrorKind', () => {
  it('names an error by its API code', () => {
    expect(apiErrorKind(new ApiError(404, 'not_found', 'Organisation not found'))).toBe('notFound');
    expect(apiErrorKind(new ApiError(403, 'csrf_failed', 'refused'))).toBe('forbidden');
  });

  it('falls back to the status when the code is unfamiliar', () => {
    expect(apiErrorKind(new ApiError(429, 'slow_down', ''))).toBe('rateLimited');
    expect(apiErrorKind(new ApiError(502, 'bad_gateway', ''))).toBe('server');
  });

  it('calls anything that is not an API error unknown', () => {
    expect(apiErrorKind(new TypeError('boom'))).toBe('unknown');
  });
});

describe('shouldRetry', () => {
  it('retries a missing reply or a server error, not an answer from the API', () => {
    expect(shouldRetry(0, new ApiError(0, 'network', 'offline'))).toBe(true);
    expect(shouldRetry(0, new ApiError(503, 'unavailable', ''))).toBe(true);
    expect(shouldRetry(0, new ApiError(401, 'unauthenticated', ''))).toBe(false);
    expect(shouldRetry(2, new ApiError(503, 'unavailable', ''))).toBe(false);
  });
});
